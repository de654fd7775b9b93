package org.opencac.service.auth;

import io.dropwizard.auth.Authenticator;
import io.dropwizard.auth.basic.BasicCredentials;
import java.util.Optional;
import org.opencac.service.db.UserDao;

/** HTTP basic credentials checked against the PBKDF2 hashes in the user table. */
public class DatabaseAuthenticator implements Authenticator<BasicCredentials, ApiUser> {
    private final UserDao users;
    private final PasswordHasher hasher;

    public DatabaseAuthenticator(UserDao users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }

    @Override
    public Optional<ApiUser> authenticate(BasicCredentials credentials) {
        return users.find(credentials.getUsername())
                .filter(stored -> stored.active() && hasher.matches(credentials.getPassword(), stored.passwordHash()))
                .map(stored -> new ApiUser(stored.username(), stored.roles()));
    }
}
