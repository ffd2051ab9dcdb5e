package io.kefu.platform.plugin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts hook calls and failures per plugin and tenant, and decides when a plugin is DEGRADED for
 * a tenant: {@link #FAILURES} failures (exceptions, time-outs, refusals of a full executor)
 * within {@link #WINDOW} skip its hooks for that tenant for {@link #COOL_DOWN}; after that its
 * hooks are called again, and it takes another {@link #FAILURES} failures to degrade it again.
 * Successes do not wipe out failures: a plugin whose validation works while its on-create hook
 * always fails is still degraded. Kept in memory, per node: a restart or
 * another node starts afresh, which only means a few more failing calls (ADR 0010).
 */
@ApplicationScoped
public class HookHealth {

    static final int FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final Duration COOL_DOWN = Duration.ofMinutes(5);

    Clock clock = Clock.systemUTC();

    private final Map<Key, Record> records = new ConcurrentHashMap<>();

    record Key(String plugin, String tenant) {
    }

    /** The counters of one plugin in one tenant, as shown to operators. */
    public record Counters(String plugin, String tenant, long calls, long failures, long timeouts, boolean degraded,
                           Instant degradedUntil, String lastFailure) {
    }

    private static final class Record {
        long calls;
        long failures;
        long timeouts;
        final Deque<Instant> recent = new ArrayDeque<>();
        Instant degradedUntil;
        String lastFailure;
    }

    /** False while the plugin is degraded for the tenant: its hooks are skipped. */
    public boolean mayCall(String plugin, String tenant) {
        Record r = records.get(new Key(plugin, tenant));
        if (r == null) {
            return true;
        }
        synchronized (r) {
            return r.degradedUntil == null || !clock.instant().isBefore(r.degradedUntil);
        }
    }

    public void succeeded(String plugin, String tenant) {
        Record r = records.computeIfAbsent(new Key(plugin, tenant), k -> new Record());
        synchronized (r) {
            r.calls++;
        }
    }

    /** Counts a failure; true when it made the plugin DEGRADED for the tenant. */
    public boolean failed(String plugin, String tenant, boolean timeout, String what) {
        Record r = records.computeIfAbsent(new Key(plugin, tenant), k -> new Record());
        Instant now = clock.instant();
        synchronized (r) {
            r.calls++;
            r.failures++;
            if (timeout) {
                r.timeouts++;
            }
            r.lastFailure = what;
            r.recent.addLast(now);
            while (!r.recent.isEmpty() && r.recent.peekFirst().isBefore(now.minus(WINDOW))) {
                r.recent.removeFirst();
            }
            if (r.recent.size() >= FAILURES) {
                r.degradedUntil = now.plus(COOL_DOWN);
                r.recent.clear();
                return true;
            }
            return false;
        }
    }

    public List<Counters> counters() {
        Instant now = clock.instant();
        return records.entrySet().stream().map(e -> {
            Record r = e.getValue();
            synchronized (r) {
                boolean degraded = r.degradedUntil != null && now.isBefore(r.degradedUntil);
                return new Counters(e.getKey().plugin(), e.getKey().tenant(), r.calls, r.failures, r.timeouts, degraded,
                        degraded ? r.degradedUntil : null, r.lastFailure);
            }
        }).sorted(java.util.Comparator.comparing(Counters::plugin).thenComparing(Counters::tenant)).toList();
    }

    /** Tenants for which the plugin is degraded now. */
    public List<String> degradedTenants(String plugin) {
        return counters().stream().filter(c -> c.plugin().equals(plugin) && c.degraded()).map(Counters::tenant).toList();
    }
}
