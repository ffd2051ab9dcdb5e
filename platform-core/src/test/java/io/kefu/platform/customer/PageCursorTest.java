package io.kefu.platform.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;

class PageCursorTest {

    private static final String ID = "3f2b8c1e-9a7d-4e6f-8b5a-1c2d3e4f5a6b";

    @Test
    void aCursorComesBackAsItWasMade() {
        OffsetDateTime t = OffsetDateTime.of(2026, 11, 25, 8, 41, 49, 123_456_000, ZoneOffset.UTC);
        PageCursor c = new PageCursor(t, ID);
        assertEquals(c, PageCursor.decode(c.encode(), "cursor"));
    }

    @Test
    void theInstantCountsNotTheOffset() {
        OffsetDateTime beijing = OffsetDateTime.of(2026, 11, 25, 16, 0, 0, 1_000, ZoneOffset.ofHours(8));
        PageCursor c = new PageCursor(beijing, ID);
        assertEquals(ZoneOffset.UTC, c.createdAt().getOffset());
        assertEquals(beijing.toInstant(), PageCursor.decode(c.encode(), "cursor").createdAt().toInstant());
    }

    @Test
    void theCursorIsOpaqueAndUrlSafe() {
        String s = new PageCursor(OffsetDateTime.now(ZoneOffset.UTC), UUID.randomUUID().toString()).encode();
        assertTrue(s.matches("[A-Za-z0-9_-]+"), s);
        assertFalse(s.contains(ID.substring(0, 8)));
    }

    @Test
    void noCursorIsTheFirstPage() {
        assertNull(PageCursor.decode(null, "cursor"));
        assertNull(PageCursor.decode(" ", "cursor"));
    }

    @Test
    void anythingElseIsRefusedAsAFieldError() {
        String[] bad = {
                "not-base64!",
                b64("c1|1|0"), // too few parts
                b64("c2|1764060109|0|" + ID), // unknown version
                b64("c1|x|0|" + ID), // not a number
                b64("c1|1764060109|1000000000|" + ID), // nanos out of range
                b64("c1|1764060109|0|' or 1=1 --"), // not an id
                b64("c1|99999999999999999|0|" + ID), // beyond the supported instants
        };
        for (String cursor : bad) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> PageCursor.decode(cursor, "cursor"), cursor);
            assertEquals(FieldError.of("cursor", PageCursor.INVALID), e.errors().get(0));
        }
    }

    private static String b64(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }
}
