package org.opencac.service.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dropwizard.auth.basic.BasicCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.opencac.service.db.UserDao;

class CachedCredentialAuthenticatorTest {
    /** Counts PBKDF2 verifications. */
    private static class CountingHasher extends PasswordHasher {
        final AtomicInteger checks = new AtomicInteger();

        CountingHasher() {
            super(1000);
        }

        @Override
        public boolean matches(String password, String stored) {
            checks.incrementAndGet();
            return super.matches(password, stored);
        }
    }

    /** The user table as a map. */
    private static final class FakeUsers extends UserDao {
        final Map<String, StoredUser> rows = new ConcurrentHashMap<>();

        FakeUsers() {
            super(null);
        }

        @Override
        public Optional<StoredUser> find(String username) {
            return Optional.ofNullable(rows.get(username));
        }
    }

    private final CountingHasher hasher = new CountingHasher();
    private final FakeUsers users = new FakeUsers();
    private final AtomicLong clock = new AtomicLong();
    private final CachedCredentialAuthenticator auth =
            new CachedCredentialAuthenticator(users, hasher, 3, 60_000_000_000L, clock::get);

    private void user(String name, String password, boolean active, Role... roles) {
        users.rows.put(name, new UserDao.StoredUser(name, hasher.hash(password), Set.of(roles), active));
    }

    private boolean login(String name, String password) {
        return auth.authenticate(new BasicCredentials(name, password)).isPresent();
    }

    @Test
    void secondRequestSkipsPbkdf2() {
        user("coder1", "coder1-password", true, Role.CODER);
        assertTrue(login("coder1", "coder1-password"));
        assertTrue(login("coder1", "coder1-password"));
        assertEquals(1, hasher.checks.get());
    }

    @Test
    void wrongPasswordIsRefusedEvenWhenTheRightOneIsRemembered() {
        user("coder1", "coder1-password", true, Role.CODER);
        assertTrue(login("coder1", "coder1-password"));
        assertFalse(login("coder1", "coder1-passwore"));
        assertFalse(login("coder1", ""));
        assertTrue(login("coder1", "coder1-password"));
    }

    @Test
    void changedPasswordIsRefusedAtOnce() {
        user("coder1", "old-password", true, Role.CODER);
        assertTrue(login("coder1", "old-password"));
        user("coder1", "new-password", true, Role.CODER);
        assertFalse(login("coder1", "old-password"));
        assertTrue(login("coder1", "new-password"));
    }

    @Test
    void deactivatedOrDeletedUserIsRefusedAtOnce() {
        user("coder1", "coder1-password", true, Role.CODER);
        assertTrue(login("coder1", "coder1-password"));
        UserDao.StoredUser row = users.rows.get("coder1");
        users.rows.put("coder1", new UserDao.StoredUser("coder1", row.passwordHash(), row.roles(), false));
        assertFalse(login("coder1", "coder1-password"));
        users.rows.remove("coder1");
        assertFalse(login("coder1", "coder1-password"));
    }

    @Test
    void changedRolesApplyAtOnce() {
        user("u", "u-password", true, Role.CODER);
        assertEquals(Set.of(Role.CODER), auth.authenticate(new BasicCredentials("u", "u-password")).get().roles());
        UserDao.StoredUser row = users.rows.get("u");
        users.rows.put("u", new UserDao.StoredUser("u", row.passwordHash(), Set.of(Role.EVALUATOR), true));
        assertEquals(Set.of(Role.EVALUATOR), auth.authenticate(new BasicCredentials("u", "u-password")).get().roles());
    }

    @Test
    void entriesExpire() {
        user("coder1", "coder1-password", true, Role.CODER);
        assertTrue(login("coder1", "coder1-password"));
        clock.addAndGet(60_000_000_001L);
        assertTrue(login("coder1", "coder1-password"));
        assertEquals(2, hasher.checks.get(), "an expired entry is verified with PBKDF2 again");
    }

    @Test
    void entryInUseStaysRemembered() {
        user("coder1", "coder1-password", true, Role.CODER);
        for (int minute = 0; minute < 5; minute++) {
            assertTrue(login("coder1", "coder1-password"));
            clock.addAndGet(50_000_000_000L);
        }
        assertEquals(1, hasher.checks.get(), "each use renews the entry, so a busy client is not re-hashed");
        assertFalse(login("coder1", "other-password"));
    }

    @Test
    void concurrentFirstRequestsShareOneVerification() throws Exception {
        CountingHasher slow = new CountingHasher() {
            @Override
            public boolean matches(String password, String stored) {
                boolean result = super.matches(password, stored);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return result;
            }
        };
        users.rows.put("svc", new UserDao.StoredUser("svc", slow.hash("svc-password"), Set.of(Role.INTEGRATION),
                true));
        CachedCredentialAuthenticator shared = new CachedCredentialAuthenticator(users, slow, 3, 60_000_000_000L,
                clock::get);
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> logins = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                logins.add(pool.submit(() -> {
                    start.await();
                    return shared.authenticate(new BasicCredentials("svc", "svc-password")).isPresent();
                }));
            }
            for (Future<Boolean> login : logins) {
                assertTrue(login.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, slow.checks.get(), "one PBKDF2 run for eight simultaneous first requests");
    }

    @Test
    void cacheIsBounded() {
        for (int i = 0; i < 10; i++) {
            user("user" + i, "password-" + i, true, Role.INTEGRATION);
            assertTrue(login("user" + i, "password-" + i));
        }
        assertEquals(3, auth.size());
    }
}
