package org.opencac.service.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    void hashMatchesOnlyTheRightPassword() {
        String stored = hasher.hash("correct horse");
        assertTrue(stored.startsWith("pbkdf2-sha256$1000$"));
        assertFalse(stored.contains("correct horse"));
        assertTrue(hasher.matches("correct horse", stored));
        assertFalse(hasher.matches("correct horsE", stored));
        assertFalse(hasher.matches("", stored));
    }

    @Test
    void saltMakesEqualPasswordsHashDifferently() {
        assertNotEquals(hasher.hash("same"), hasher.hash("same"));
    }

    @Test
    void hashesKeepTheirIterationCountWhenTheSettingChanges() {
        String old = new PasswordHasher(2000).hash("pw");
        assertTrue(hasher.matches("pw", old));
    }

    @Test
    void unknownFormatsNeverMatch() {
        assertFalse(hasher.matches("pw", "pw"));
        assertFalse(hasher.matches("pw", "md5$1$abc$def"));
    }
}
