package org.opencac.service.auth;

import java.security.Principal;
import java.util.Set;

/** An authenticated caller and the roles it holds. */
public record ApiUser(String username, Set<Role> roles) implements Principal {
    public ApiUser {
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return username;
    }

    public boolean has(Role role) {
        return roles.contains(role) || roles.contains(Role.ADMIN);
    }
}
