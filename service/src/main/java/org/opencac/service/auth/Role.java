package org.opencac.service.auth;

import java.util.Locale;

/** What a user may do. Admin may do everything; the others are granted per endpoint with @RolesAllowed. */
public enum Role {
    INTEGRATION, CODER, EVALUATOR, ADMIN;

    // Names used in @RolesAllowed (annotations need compile-time constants).
    public static final String INTEGRATION_NAME = "integration";
    public static final String CODER_NAME = "coder";
    public static final String EVALUATOR_NAME = "evaluator";
    public static final String ADMIN_NAME = "admin";

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromCode(String code) {
        for (Role role : values()) {
            if (role.code().equalsIgnoreCase(code)) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown role '" + code + "' (use integration, coder, evaluator or admin)");
    }
}
