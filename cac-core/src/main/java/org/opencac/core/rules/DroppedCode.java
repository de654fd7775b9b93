package org.opencac.core.rules;

import org.opencac.dictionaries.CodeSystem;

/** A suggestion a rule removed from a note, with the rule's reason (for audit; never holds note text). */
public record DroppedCode(CodeSystem system, String code, String rule, String reason) {
}
