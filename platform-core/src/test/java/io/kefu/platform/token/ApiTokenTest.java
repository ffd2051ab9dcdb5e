package io.kefu.platform.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.tenant.TenantCode;

class ApiTokenTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 25, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void keepsTheHashAndPrefixButNeverTheSecret() {
        String secret = TokenSecret.generate();
        ApiToken t = new ApiToken(new TenantCode("acme"), "boss", "WeChat channel", secret, T0);
        assertEquals(TokenSecret.hash(secret), t.tokenHash());
        assertEquals(secret.substring(0, 8), t.prefix());
        assertEquals("acme", t.tenant().value());
        assertEquals("boss", t.username());
        assertEquals(T0, t.createdAt());
        assertNull(t.lastUsedAt());
        assertFalse(t.isRevoked());
    }

    @Test
    void useIsNotedAtMostOnceAMinute() {
        ApiToken t = token();
        assertTrue(t.recordUse(T0), "the first use is always noted");
        assertEquals(T0, t.lastUsedAt());
        assertFalse(t.recordUse(T0.plusSeconds(1)));
        assertFalse(t.recordUse(T0.plusSeconds(59)));
        assertEquals(T0, t.lastUsedAt(), "no write within the minute");
        assertTrue(t.recordUse(T0.plusSeconds(60)));
        assertEquals(T0.plusSeconds(60), t.lastUsedAt());
        assertFalse(t.recordUse(T0.plusSeconds(90)));
        assertTrue(t.recordUse(T0.plusMinutes(10)));
    }

    @Test
    void revokingIsForGoodAndIdempotent() {
        ApiToken t = token();
        assertTrue(t.revoke(T0));
        assertTrue(t.isRevoked());
        assertEquals(T0, t.revokedAt());
        assertFalse(t.revoke(T0.plusHours(1)), "a second revocation changes nothing");
        assertEquals(T0, t.revokedAt());
        assertEquals("WeChat channel", t.name(), "the name stays for the list");
    }

    @Test
    void namesAreTrimmedAndHaveOneToAHundredCharacters() {
        assertEquals("WeChat channel", ApiTokens.parseName("  WeChat channel ", "name"));
        assertEquals("微信渠道", ApiTokens.parseName("微信渠道", "name"));
        assertEquals("x".repeat(100), ApiTokens.parseName("x".repeat(100), "name"));
        assertEquals("field.required", code(null));
        assertEquals("field.required", code("   "));
        assertEquals("token.name.invalid", code("x".repeat(101)));
        assertEquals("token.name.invalid", code("two\nlines"));
    }

    private static String code(String name) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ApiTokens.parseName(name, "name"));
        assertEquals("name", e.errors().get(0).field());
        return e.errors().get(0).code();
    }

    private static ApiToken token() {
        return new ApiToken(new TenantCode("acme"), "boss", "WeChat channel", TokenSecret.generate(), T0);
    }
}
