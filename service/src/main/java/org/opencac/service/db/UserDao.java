package org.opencac.service.db;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.opencac.service.auth.Role;

/** Users and their password hashes. */
public class UserDao {
    /** A row of app_user. */
    public record StoredUser(String username, String passwordHash, Set<Role> roles, boolean active) {
    }

    private final Jdbi jdbi;

    public UserDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<StoredUser> find(String username) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT username, password_hash, roles, active FROM app_user WHERE username = :u")
                .bind("u", username)
                .map((rs, ctx) -> new StoredUser(rs.getString("username"), rs.getString("password_hash"),
                        parseRoles(rs.getString("roles")), rs.getBoolean("active")))
                .findOne());
    }

    public long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM app_user").mapTo(Long.class).one());
    }

    public List<String> usernames() {
        return jdbi.withHandle(h -> h.createQuery("SELECT username FROM app_user ORDER BY username")
                .mapTo(String.class).list());
    }

    /** Inserts or replaces the user's hash and roles (an admin resetting a password). */
    public void upsert(String username, String passwordHash, Set<Role> roles) {
        String roleList = roles.stream().map(Role::code).sorted().collect(Collectors.joining(","));
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE app_user SET password_hash = :p, roles = :r, active = TRUE "
                            + "WHERE username = :u")
                    .bind("u", username).bind("p", passwordHash).bind("r", roleList).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO app_user (username, password_hash, roles, active, created_at) "
                                + "VALUES (:u, :p, :r, TRUE, :t)")
                        .bind("u", username).bind("p", passwordHash).bind("r", roleList).bind("t", Instant.now())
                        .execute();
            }
        });
    }

    private static Set<Role> parseRoles(String roles) {
        return Arrays.stream(roles.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Role::fromCode)
                .collect(Collectors.toSet());
    }
}
