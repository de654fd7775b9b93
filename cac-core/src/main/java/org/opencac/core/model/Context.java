package org.opencac.core.model;

import java.util.List;

/** All context flags of a mention, and the trigger phrases that set them (shown to the coder). */
public record Context(boolean negated, boolean uncertain, boolean historical, boolean hypothetical, boolean family,
                      List<String> triggers) {
    public static final Context AFFIRMED = new Context(false, false, false, false, false, List.of());

    public Context {
        triggers = List.copyOf(triggers);
    }

    public Assertion assertion() {
        if (negated) {
            return Assertion.NEGATED;
        }
        if (hypothetical) {
            return Assertion.HYPOTHETICAL;
        }
        if (family) {
            return Assertion.FAMILY;
        }
        if (uncertain) {
            return Assertion.UNCERTAIN;
        }
        if (historical) {
            return Assertion.HISTORICAL;
        }
        return Assertion.PRESENT;
    }
}
