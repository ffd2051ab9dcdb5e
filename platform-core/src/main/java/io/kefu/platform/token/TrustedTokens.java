package io.kefu.platform.token;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.kefu.platform.identity.Caller;

/**
 * API tokens this node has just authenticated, trusted for a few seconds (ADR 0004, amended
 * 2026-12-02). Without it every API request opened a transaction and read the token, its tenant
 * and its login from the platform schema: about a fifth of a ticket read's server time
 * (docs/benchmarks.md).
 *
 * <p>The key is the token's SHA-256 hash, which names one token of one tenant, and the value
 * is the caller it stood for; so nothing here can answer for another tenant. A revocation on
 * this node forgets the token at once (and again after its commit, so that a request reading
 * the token while the revocation was in flight cannot put it back). Another node's revocation,
 * a disabled login or a suspended tenant is seen within {@link #TRUST}. Bounded: when full,
 * expired entries go, and if that frees nothing every entry goes.
 */
@ApplicationScoped
public class TrustedTokens {

    /** How long an authentication is trusted without asking the database again. */
    public static final Duration TRUST = Duration.ofSeconds(5);
    static final int CAPACITY = 10_000;

    private record Entry(String tokenId, Caller.TenantUser caller, long until) {
    }

    private final Map<String, Entry> byHash = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    public TrustedTokens() {
        this(System::nanoTime);
    }

    TrustedTokens(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** The caller the token with this hash stood for a moment ago, if this node still trusts it. */
    public Optional<Caller.TenantUser> caller(String tokenHash) {
        Entry e = byHash.get(tokenHash);
        if (e == null) {
            return Optional.empty();
        }
        if (nanoClock.getAsLong() - e.until() >= 0) {
            byHash.remove(tokenHash, e);
            return Optional.empty();
        }
        return Optional.of(e.caller());
    }

    void remember(String tokenHash, String tokenId, Caller.TenantUser caller) {
        long now = nanoClock.getAsLong();
        if (byHash.size() >= CAPACITY) {
            byHash.values().removeIf(e -> now - e.until() >= 0);
            if (byHash.size() >= CAPACITY) {
                byHash.clear();
            }
        }
        byHash.put(tokenHash, new Entry(tokenId, caller, now + TRUST.toNanos()));
    }

    void forget(String tokenId) {
        byHash.values().removeIf(e -> e.tokenId().equals(tokenId));
    }

    int size() {
        return byHash.size();
    }
}
