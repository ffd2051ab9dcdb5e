package io.kefu.platform.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret of an API token: {@code kefu_} and 43 characters of URL-safe Base64 (32 random
 * bytes, 256 bits). The {@code kefu_} marker lets secret scanners and people recognise a leaked
 * token. Stored only as its SHA-256: a fast hash suffices because the secret is random with 256
 * bits of entropy, so there is nothing to guess that a slow hash would protect (unlike a
 * password), and a lookup by hash costs one indexed read per request.
 */
public final class TokenSecret {

    /** Every token starts with this. */
    public static final String MARKER = "kefu_";
    /** Random bytes per token. */
    static final int RANDOM_BYTES = 32;
    /** Characters of the random part: 32 bytes in unpadded Base64. */
    static final int RANDOM_CHARS = 43;
    /** Characters shown in lists to recognise a token by. */
    public static final int PREFIX_LENGTH = 8;

    private static final Pattern FORMAT = Pattern.compile(Pattern.quote(MARKER) + "[A-Za-z0-9_-]{" + RANDOM_CHARS + "}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private TokenSecret() {
    }

    /** A new secret, never seen before (with overwhelming probability). */
    public static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return MARKER + ENCODER.encodeToString(bytes);
    }

    /** True for a string shaped like a token; anything else is not looked up at all. */
    public static boolean isWellFormed(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches();
    }

    /** SHA-256 of the token, lower-case hex (64 characters): what the database keeps. */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** The first characters, shown in lists so that an admin can tell tokens apart. */
    public static String prefix(String token) {
        return token.substring(0, PREFIX_LENGTH);
    }
}
