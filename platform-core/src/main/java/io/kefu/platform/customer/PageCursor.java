package io.kefu.platform.customer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;

/**
 * Where the next page of a list starts: after the customer with this creation time and id (the
 * list's order). Clients get it as an opaque string and hand it back unchanged; its format is
 * versioned so it can change without breaking cursors in flight for longer than one release.
 */
public record PageCursor(OffsetDateTime createdAt, String id) {

    public static final String INVALID = "customer.cursor.invalid";
    private static final String VERSION = "c1";
    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");

    public PageCursor {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
        createdAt = createdAt.withOffsetSameInstant(ZoneOffset.UTC);
    }

    public String encode() {
        Instant t = createdAt.toInstant();
        String plain = VERSION + "|" + t.getEpochSecond() + "|" + t.getNano() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** Null for a null or blank cursor (the first page); refuses anything this class did not write. */
    public static PageCursor decode(String cursor, String field) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
            String[] parts = plain.split("\\|", -1);
            if (parts.length != 4 || !parts[0].equals(VERSION) || !ID.matcher(parts[3]).matches()) {
                throw invalid(field);
            }
            long seconds = Long.parseLong(parts[1]);
            int nanos = Integer.parseInt(parts[2]);
            if (nanos < 0 || nanos > 999_999_999) {
                throw invalid(field);
            }
            return new PageCursor(OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), ZoneOffset.UTC), parts[3]);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw invalid(field);
        }
    }

    private static InvalidInputException invalid(String field) {
        return new InvalidInputException(FieldError.of(field, INVALID));
    }
}
