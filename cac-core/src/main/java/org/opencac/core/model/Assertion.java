package org.opencac.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The assertion status a suggestion or mention is reported with. A mention can carry several context flags at
 * once (see {@link Context}); this is the one that matters most for coding, in the order negated, hypothetical,
 * family, uncertain, historical, present.
 */
public enum Assertion {
    PRESENT, NEGATED, UNCERTAIN, HISTORICAL, FAMILY, HYPOTHETICAL;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Assertion fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
