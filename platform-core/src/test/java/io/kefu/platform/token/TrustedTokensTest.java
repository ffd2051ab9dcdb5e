package io.kefu.platform.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Role;
import io.kefu.platform.tenant.TenantCode;

class TrustedTokensTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final TrustedTokens trusted = new TrustedTokens(nanos::get);
    private final Caller.TenantUser alice = new Caller.TenantUser(new TenantCode("acme"), "alice", Role.TENANT_ADMIN);
    private final Caller.TenantUser bob = new Caller.TenantUser(new TenantCode("beta"), "bob", Role.AGENT);

    @Test
    void aTokenIsTrustedForTheTrustPeriodThenAskedAgain() {
        trusted.remember("hash-a", "token-a", alice);
        assertEquals(Optional.of(alice), trusted.caller("hash-a"));
        nanos.addAndGet(TrustedTokens.TRUST.toNanos() - 1);
        assertEquals(Optional.of(alice), trusted.caller("hash-a"));
        nanos.addAndGet(1);
        assertEquals(Optional.empty(), trusted.caller("hash-a"), "expired");
        assertEquals(0, trusted.size(), "an expired entry is dropped when met");
    }

    @Test
    void eachHashAnswersOnlyForItsOwnTokenAndTenant() {
        trusted.remember("hash-a", "token-a", alice);
        trusted.remember("hash-b", "token-b", bob);
        assertEquals(Optional.of(alice), trusted.caller("hash-a"));
        assertEquals(Optional.of(bob), trusted.caller("hash-b"));
        assertEquals(Optional.empty(), trusted.caller("hash-c"));
    }

    @Test
    void aRevokedTokenIsForgottenAtOnceAndTheOthersStay() {
        trusted.remember("hash-a", "token-a", alice);
        trusted.remember("hash-b", "token-b", bob);
        trusted.forget("token-a");
        assertEquals(Optional.empty(), trusted.caller("hash-a"));
        assertEquals(Optional.of(bob), trusted.caller("hash-b"));
    }

    @Test
    void whenFullExpiredEntriesGoFirstThenAll() {
        for (int i = 0; i < TrustedTokens.CAPACITY; i++) {
            trusted.remember("old-" + i, "t-" + i, alice);
        }
        nanos.addAndGet(TrustedTokens.TRUST.toNanos());
        trusted.remember("new", "t-new", bob);
        assertEquals(1, trusted.size(), "the expired ones made room");

        for (int i = 1; i < TrustedTokens.CAPACITY; i++) {
            trusted.remember("live-" + i, "l-" + i, alice);
        }
        trusted.remember("one-more", "t-more", bob);
        assertTrue(trusted.size() <= TrustedTokens.CAPACITY, "bounded");
        assertEquals(Optional.of(bob), trusted.caller("one-more"));
    }
}
