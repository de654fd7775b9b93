package org.opencac.service.auth;

import io.dropwizard.auth.Authenticator;
import io.dropwizard.auth.basic.BasicCredentials;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.opencac.service.db.UserDao;

/**
 * HTTP basic credentials checked against the user table, without paying for PBKDF2 on every request.
 * <p>
 * Every request still reads the user's row, so a deactivated user, a changed password or changed roles take effect
 * at once (also when another service instance changed them). Only the PBKDF2 verification is remembered: per user,
 * an HMAC of the password under a random key that lives only in this process (never the password itself), with the
 * stored hash it was verified against. A later request is accepted without PBKDF2 only if its password gives the
 * same HMAC and the row still holds that same stored hash. Entries expire after {@code ttlNanos} without use and the
 * map is bounded (least recently used entries are dropped first).
 * <p>
 * A hit extends the entry's life: PBKDF2 is deterministic for a given stored hash (its salt and iterations), so
 * verifying the same password against the same hash again could only repeat the answer; with a fixed life every busy
 * client paid PBKDF2 (about 0.2 s of CPU) once a minute, on every request thread that arrived meanwhile. For the same
 * reason concurrent first requests of one user wait for a single verification instead of each running PBKDF2.
 */
public class CachedCredentialAuthenticator implements Authenticator<BasicCredentials, ApiUser> {
    /** A verified password: its keyed digest, the stored hash it matched, and when it stops counting. */
    private record Verified(byte[] digest, String storedHash, long expiresAtNanos) {
    }

    private final UserDao users;
    private final PasswordHasher hasher;
    private final int maxEntries;
    private final long ttlNanos;
    private final LongSupplier clock;
    private final SecretKeySpec key;
    private final Map<String, Verified> verified;
    /** One lock per existing user, so only one thread at a time runs PBKDF2 for that user. */
    private final Map<String, Object> verificationLocks = new ConcurrentHashMap<>();

    public CachedCredentialAuthenticator(UserDao users, PasswordHasher hasher, int maxEntries, long ttlNanos) {
        this(users, hasher, maxEntries, ttlNanos, System::nanoTime);
    }

    CachedCredentialAuthenticator(UserDao users, PasswordHasher hasher, int maxEntries, long ttlNanos,
                                  LongSupplier clock) {
        this.users = users;
        this.hasher = hasher;
        this.maxEntries = maxEntries;
        this.ttlNanos = ttlNanos;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        // Access order: the eldest entry is the least recently used one.
        this.verified = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
                return size() > CachedCredentialAuthenticator.this.maxEntries;
            }
        };
    }

    @Override
    public Optional<ApiUser> authenticate(BasicCredentials credentials) {
        String username = credentials.getUsername();
        Optional<UserDao.StoredUser> found = users.find(username);
        if (found.isEmpty() || !found.get().active()) {
            forget(username);
            return Optional.empty();
        }
        UserDao.StoredUser stored = found.get();
        byte[] digest = digest(username, credentials.getPassword());
        if (!rememberedAndRenewed(username, digest, stored.passwordHash())) {
            synchronized (verificationLocks.computeIfAbsent(username, name -> new Object())) {
                // Another thread may have verified this same password while this one waited.
                if (!rememberedAndRenewed(username, digest, stored.passwordHash())) {
                    if (!hasher.matches(credentials.getPassword(), stored.passwordHash())) {
                        return Optional.empty();
                    }
                    synchronized (verified) {
                        verified.put(username, new Verified(digest, stored.passwordHash(),
                                clock.getAsLong() + ttlNanos));
                    }
                }
            }
        }
        // Roles from the row just read, so a change of roles applies to the next request.
        return Optional.of(new ApiUser(stored.username(), stored.roles()));
    }

    /**
     * True when this password's digest was verified against this same stored hash and has not expired; the entry
     * then lives another {@code ttlNanos} from now.
     */
    private boolean rememberedAndRenewed(String username, byte[] digest, String storedHash) {
        long now = clock.getAsLong();
        synchronized (verified) {
            Verified earlier = verified.get(username);
            boolean known = earlier != null && now - earlier.expiresAtNanos() < 0
                    && earlier.storedHash().equals(storedHash)
                    && MessageDigest.isEqual(earlier.digest(), digest);
            if (known) {
                verified.put(username, new Verified(earlier.digest(), storedHash, now + ttlNanos));
            }
            return known;
        }
    }

    /** How many verified passwords are remembered (for tests). */
    int size() {
        synchronized (verified) {
            return verified.size();
        }
    }

    private void forget(String username) {
        synchronized (verified) {
            verified.remove(username);
        }
    }

    private byte[] digest(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }
}
