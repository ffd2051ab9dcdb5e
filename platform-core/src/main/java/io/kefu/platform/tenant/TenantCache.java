package io.kefu.platform.tenant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One value per tenant, read from the tenant's schema and kept in memory between requests: the
 * key is always the tenant, so no entry can serve another tenant.
 * <p>
 * Freshness across a cluster without messaging between nodes: each entry remembers a cheap
 * <em>stamp</em> of what it was loaded from (e.g. the ids and version numbers of the rows). A
 * request within {@code recheckAfter} of the last check uses the entry as is; a later one reads
 * the stamp again and reloads only when it changed; meanwhile the other requests of the tenant
 * keep using the entry (one re-check at a time). A change on another node is therefore seen
 * within {@code recheckAfter} (plus one stamp query). A change on this node calls {@link #invalidate} after its commit,
 * and a load that raced with that invalidation is not kept (a generation counter tells), so this
 * node never keeps a value older than its own last commit.
 *
 * @param <V> an immutable value, shared by every thread working for the tenant
 */
public final class TenantCache<V> {

    private record Entry<V>(Object stamp, V value, Instant checkedAt) {
    }

    private final Map<TenantCode, Entry<V>> entries = new ConcurrentHashMap<>();
    /** Bumped by every invalidation; a load started before one is not cached. */
    private final AtomicLong generation = new AtomicLong();
    private final Duration recheckAfter;
    private final Clock clock;

    public TenantCache(Duration recheckAfter, Clock clock) {
        this.recheckAfter = Objects.requireNonNull(recheckAfter);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * The tenant's value: cached, re-checked against {@code stamp} when older than the re-check
     * interval, loaded with {@code load} when missing or when the stamp differs.
     */
    public V get(TenantCode tenant, Supplier<?> stamp, Supplier<V> load) {
        Objects.requireNonNull(tenant);
        Entry<V> e = entries.get(tenant);
        Instant now = clock.instant();
        if (e != null && now.isBefore(e.checkedAt().plus(recheckAfter))) {
            return e.value();
        }
        if (e != null && !entries.replace(tenant, e, new Entry<>(e.stamp(), e.value(), now))) {
            // Another request is re-checking this entry right now: use the value it checks.
            Entry<V> other = entries.get(tenant);
            if (other != null) {
                return other.value();
            }
            e = null; // invalidated meanwhile: load afresh
        }
        long before = generation.get();
        // The stamp is read before the value: a change committed in between leaves an entry whose
        // stamp is older than its value, which the next check reloads (never the reverse).
        Object s = stamp.get();
        if (e != null && e.stamp().equals(s)) {
            return e.value();
        }
        V value = load.get();
        Entry<V> fresh = new Entry<>(s, value, now);
        entries.put(tenant, fresh);
        if (generation.get() != before) {
            // An invalidation came while loading: the value may predate that commit.
            entries.remove(tenant, fresh);
        }
        return value;
    }

    /** Forgets the tenant's value; call after the change that outdates it has committed. */
    public void invalidate(TenantCode tenant) {
        generation.incrementAndGet();
        entries.remove(tenant);
    }

    /** How many tenants have a value now (for tests and metrics). */
    public int size() {
        return entries.size();
    }
}
