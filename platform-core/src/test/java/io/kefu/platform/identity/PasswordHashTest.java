package io.kefu.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void aHashedPasswordIsOnlyEverAKefuHash_andNeverPrintsIt() {
        PasswordHash.Hashed hashed = PasswordHash.of("secret123".toCharArray());
        assertTrue(PasswordHash.verify("secret123".toCharArray(), hashed.encoded()));
        assertFalse(hashed.toString().contains(hashed.encoded().substring(20)));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHash.Hashed("secret123"));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHash.Hashed(null));
    }

    @Test
    void theRightPasswordMatchesAndAWrongOneDoesNot() {
        String stored = PasswordHash.hash("secret123".toCharArray(), 1_000);
        assertTrue(PasswordHash.verify("secret123".toCharArray(), stored));
        assertFalse(PasswordHash.verify("secret124".toCharArray(), stored));
        assertFalse(PasswordHash.verify("".toCharArray(), stored));
    }

    @Test
    void eachHashHasItsOwnSaltAndKeepsItsIterationCount() {
        String a = PasswordHash.hash("same".toCharArray(), 1_000);
        String b = PasswordHash.hash("same".toCharArray(), 1_000);
        assertNotEquals(a, b);
        assertTrue(a.startsWith("pbkdf2-sha512$1000$"), a);
        // A hash made with another iteration count still verifies: counts can be raised later.
        assertTrue(PasswordHash.verify("same".toCharArray(), PasswordHash.hash("same".toCharArray(), 2_000)));
    }

    @Test
    void theDefaultStrengthIsTheOwaspFigure() {
        assertEquals(210_000, PasswordHash.ITERATIONS);
        assertTrue(PasswordHash.hash("x1".toCharArray()).startsWith("pbkdf2-sha512$210000$"));
    }

    @Test
    void malformedStoredValuesNeverMatch() {
        for (String bad : new String[] {null, "", "plain", "md5$1$a$b", "pbkdf2-sha512$x$a$b", "pbkdf2-sha512$1000$!!$??"}) {
            assertFalse(PasswordHash.verify("x".toCharArray(), bad), String.valueOf(bad));
        }
        assertFalse(PasswordHash.verifyAgainstNothing("not-a-password".toCharArray()));
    }
}
