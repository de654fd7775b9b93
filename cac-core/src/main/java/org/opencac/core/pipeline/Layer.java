package org.opencac.core.pipeline;

/** The annotation layers a stage can require and provide. The pipeline checks the order at start-up. */
public enum Layer {
    SENTENCES, TOKENS, SECTIONS, MENTIONS, CONTEXT, SUGGESTIONS, RANKED, RULES_APPLIED
}
