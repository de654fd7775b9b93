package org.opencac.service.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.opencac.service.api.UserRequest;
import org.opencac.service.auth.ApiUser;
import org.opencac.service.auth.PasswordHasher;
import org.opencac.service.auth.Role;
import org.opencac.service.core.ApiException;
import org.opencac.service.db.UserDao;

/** Accounts: the caller's own identity, and user management for admins. Passwords are stored as PBKDF2 hashes. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {
    private static final int MIN_PASSWORD_LENGTH = 8;

    private final UserDao users;
    private final PasswordHasher hasher;

    public UsersResource(UserDao users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }

    @GET
    @Path("/me")
    @PermitAll
    public Map<String, Object> me(@Auth ApiUser user) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("username", user.username());
        view.put("roles", user.roles().stream().map(Role::code).sorted().toList());
        return view;
    }

    @GET
    @Path("/users")
    @RolesAllowed(Role.ADMIN_NAME)
    public List<String> list() {
        return users.usernames();
    }

    /** Creates the user, or replaces its password and roles. */
    @POST
    @Path("/users")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    public Response put(UserRequest request) {
        if (request == null || request.username() == null || !request.username().matches("[A-Za-z0-9._@-]{1,100}")) {
            throw ApiException.unprocessable("username must be 1-100 characters of letters, digits and ._@-");
        }
        if (request.password() == null || request.password().length() < MIN_PASSWORD_LENGTH) {
            throw ApiException.unprocessable("password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (request.roles() == null || request.roles().isEmpty()) {
            throw ApiException.unprocessable("roles must name at least one of integration, coder, evaluator, admin");
        }
        Set<Role> roles;
        try {
            roles = request.roles().stream().map(Role::fromCode).collect(Collectors.toSet());
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable(e.getMessage());
        }
        users.upsert(request.username(), hasher.hash(request.password()), roles);
        return Response.status(Response.Status.CREATED)
                .entity(Map.of("username", request.username(),
                        "roles", roles.stream().map(Role::code).sorted().toList()))
                .build();
    }
}
