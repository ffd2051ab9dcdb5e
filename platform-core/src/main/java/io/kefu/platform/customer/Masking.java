package io.kefu.platform.customer;

import java.util.Objects;

/**
 * How personal data is shown to people who do not need all of it. Masks hide a fixed number of
 * characters where they can (phone, e-mail, address), so the mask does not give the length away.
 * <ul>
 *   <li>phone: first 3 and last 4 digits, {@code 13812345678 → 138****5678} (a leading + is kept;
 *       fewer than 8 digits: last 2 only)</li>
 *   <li>e-mail: first character of the local part and the domain, {@code li.wei@example.com → l*****@example.com}</li>
 *   <li>ID number: first 3 and last 4 characters, one * per hidden character (fewer than 8: first and last)</li>
 *   <li>address: first 6 characters, then ****; up to 6 characters: the first half</li>
 * </ul>
 */
public final class Masking {

    private static final String STARS = "****";

    private Masking() {
    }

    /** {@code value} masked for its kind; null stays null. */
    public static String mask(ContactKind kind, String value) {
        Objects.requireNonNull(kind, "kind");
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case PHONE -> phone(value);
            case EMAIL -> email(value);
            case ID_NUMBER -> idNumber(value);
            case ADDRESS -> address(value);
        };
    }

    static String phone(String value) {
        String digits = value.replaceAll("[^0-9]", "");
        String plus = value.strip().startsWith("+") ? "+" : "";
        int n = digits.length();
        if (n >= 8) {
            return plus + digits.substring(0, 3) + STARS + digits.substring(n - 4);
        }
        return plus + STARS + digits.substring(Math.max(0, n - 2));
    }

    static String email(String value) {
        int at = value.lastIndexOf('@');
        if (at <= 0) {
            return firstCodePoint(value) + "*****";
        }
        return firstCodePoint(value) + "*****" + value.substring(at);
    }

    static String idNumber(String value) {
        int[] cp = value.codePoints().toArray();
        int n = cp.length;
        int head = n >= 8 ? 3 : 1;
        int tail = n >= 8 ? 4 : 1;
        if (n <= 2) {
            return "*".repeat(n);
        }
        return new String(cp, 0, head) + "*".repeat(n - head - tail) + new String(cp, n - tail, tail);
    }

    static String address(String value) {
        int[] cp = value.codePoints().toArray();
        int shown = cp.length > 6 ? 6 : cp.length / 2;
        return new String(cp, 0, shown) + STARS;
    }

    /**
     * A private person's name as the audit log keeps it ({@code 李伟 → 李**}): the log outlives an
     * erasure, the person's name must not.
     */
    public static String personName(String value) {
        if (value == null) {
            return null;
        }
        return firstCodePoint(value) + "**";
    }

    private static String firstCodePoint(String value) {
        return value.isEmpty() ? "" : new String(Character.toChars(value.codePointAt(0)));
    }
}
