package io.kefu.platform.identity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2 password hashes, stored as {@code pbkdf2-sha512$iterations$salt$hash} (Base64), so that
 * the iteration count can be raised later without invalidating stored hashes.
 *
 * <p>Written on the JDK's PBKDF2 rather than on Jakarta Security's {@code Pbkdf2PasswordHash}
 * bean so that it is the same code in plain unit tests, in the container and in tools.
 */
public final class PasswordHash {

    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA512. */
    static final int ITERATIONS = 210_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    private static final String PREFIX = "pbkdf2-sha512";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 512;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Compared against when the user does not exist, so that timing does not reveal that. */
    private static final String DUMMY = hash("not-a-password".toCharArray(), ITERATIONS);

    private PasswordHash() {
    }

    public static String hash(char[] password) {
        return hash(password, ITERATIONS);
    }

    /**
     * A password already hashed, so that the costly derivation can run on another thread while
     * the caller does something else (provisioning hashes the admin's password while the
     * tenant's schema is being created).
     */
    public record Hashed(String encoded) {
        public Hashed {
            if (encoded == null || !encoded.startsWith(PREFIX + "$")) {
                throw new IllegalArgumentException("Not a Kefu password hash");
            }
        }

        @Override
        public String toString() {
            return "Hashed[" + PREFIX + "]";
        }
    }

    /** {@link #hash(char[])} as a {@link Hashed}. */
    public static Hashed of(char[] password) {
        return new Hashed(hash(password));
    }

    static String hash(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** True when {@code password} matches {@code stored}; false for any malformed stored value. */
    public static boolean verify(char[] password, String stored) {
        if (stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the same time as a real check, for unknown users. Always false. */
    public static boolean verifyAgainstNothing(char[] password) {
        verify(password, DUMMY);
        return false;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

}
