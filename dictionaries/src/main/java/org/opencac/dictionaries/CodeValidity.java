package org.opencac.dictionaries;

import java.time.LocalDate;

/** Dates attached to one code in its source file; null where the file leaves them blank. */
public record CodeValidity(LocalDate added, LocalDate actionEffective, LocalDate terminated) {

    /** True when the code exists on {@code date}: added on or before it and not terminated before it. */
    public boolean isInForceOn(LocalDate date) {
        if (added != null && date.isBefore(added)) {
            return false;
        }
        // CMS termination date is the last day a code may be reported.
        return terminated == null || !date.isAfter(terminated);
    }
}
