package org.opencac.service.support;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.service.core.CodeValidator;

/**
 * A few ICD-10-CM codes. U07.1 exists only from 2020-04-01 (so it is invalid for earlier dates of service);
 * E11 is a non-billable category.
 */
public class FakeCodeValidator implements CodeValidator {
    private static final Map<String, String> BILLABLE = Map.of(
            "I10", "Essential (primary) hypertension",
            "E11.9", "Type 2 diabetes mellitus without complications",
            "E11.65", "Type 2 diabetes mellitus with hyperglycemia",
            "R07.9", "Chest pain, unspecified",
            "R07.89", "Other chest pain",
            "U07.1", "COVID-19");

    @Override
    public Result validate(CodeSystem system, String code, LocalDate dateOfService) {
        String canonical = code.trim().toUpperCase(Locale.ROOT);
        if (system != CodeSystem.ICD10CM) {
            return Result.invalid(system.displayName() + " code " + code + " does not exist");
        }
        if (canonical.equals("E11")) {
            return Result.invalid("ICD-10-CM code E11 is a category, not a billable code");
        }
        if (canonical.equals("U07.1") && dateOfService != null && dateOfService.isBefore(LocalDate.of(2020, 4, 1))) {
            return Result.invalid("ICD-10-CM code U07.1 is not valid on " + dateOfService
                    + " (in force from 2020-04-01)");
        }
        String title = BILLABLE.get(canonical);
        return title == null ? Result.invalid("ICD-10-CM code " + code + " does not exist")
                : Result.ok(canonical, title, "FY2021");
    }
}
