package org.opencac.service.core;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;
import org.opencac.dictionaries.CodeEntry;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.Dictionaries;

/** {@link CodeValidator} over the bundled dictionaries; header (non-billable) codes are refused. */
public class DictionariesCodeValidator implements CodeValidator {
    private final Supplier<Dictionaries> dictionaries;

    /** @param dictionaries loaded on first use, so a slow or broken load does not stop the service starting */
    public DictionariesCodeValidator(Supplier<Dictionaries> dictionaries) {
        this.dictionaries = dictionaries;
    }

    @Override
    public Result validate(CodeSystem system, String code, LocalDate dateOfService) {
        Optional<CodeEntry> entry = dictionaries.get().lookup(system, code.trim().toUpperCase(java.util.Locale.ROOT),
                dateOfService);
        String when = dateOfService == null ? "the newest release" : "the release in force on " + dateOfService;
        if (entry.isEmpty()) {
            return Result.invalid(system.displayName() + " code " + code + " does not exist in " + when);
        }
        if (!entry.get().billable()) {
            return Result.invalid(system.displayName() + " code " + entry.get().code()
                    + " is a category, not a billable code, in " + when + ": choose a more specific code");
        }
        return Result.ok(entry.get().code(), entry.get().title(), entry.get().release());
    }
}
