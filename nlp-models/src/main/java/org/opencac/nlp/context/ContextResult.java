package org.opencac.nlp.context;

import java.util.List;

/** The context of one target and the triggers whose scope covered it (the coder's explanation). */
public record ContextResult(ContextFlags flags, List<TriggerHit> triggers) {
}
