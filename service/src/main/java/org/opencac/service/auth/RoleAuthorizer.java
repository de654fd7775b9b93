package org.opencac.service.auth;

import io.dropwizard.auth.Authorizer;
import jakarta.ws.rs.container.ContainerRequestContext;

/** @RolesAllowed check: the user holds the role, or is admin (admin may do everything). */
public class RoleAuthorizer implements Authorizer<ApiUser> {
    @Override
    public boolean authorize(ApiUser user, String role, ContainerRequestContext requestContext) {
        return user.has(Role.fromCode(role));
    }
}
