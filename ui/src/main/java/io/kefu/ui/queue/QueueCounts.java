package io.kefu.ui.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kefu.platform.queue.Queue;
import io.kefu.platform.queue.QueueQuery;
import io.kefu.platform.queue.Queues;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.ui.live.TicketFeed;

/**
 * The queue counts every open queue view of a tenant shows, read once and shared rather than
 * read by each view. When a ticket changes, each of the tenant's open queue views refreshes on its
 * next poll; without sharing, 200 agents cost 200 × 7 count queries a second for numbers that
 * are mostly the same for all of them.
 * <p>
 * A count is kept under what it depends on: the tenant, the queue, and for "mine" the user, for
 * "my team's" the user's teams; the other five are the same for everyone in the tenant. A reading
 * serves whoever needs the changes heard up to the {@link TicketFeed#generation} it started at
 * (the feed hears the cluster's changes too): navigation needs the latest, a live refresh only
 * the change it heard, so a busy tenant's views share about one reading per queue and refresh
 * interval. No reading serves longer than {@link #MAX_AGE} (the service-standard queues change
 * with time alone, and a change made outside the ticket service is heard by no feed). Views that
 * ask at the same time wait for one reading.
 * <p>
 * The tenant comes from the binding the count runs under, never from the asker: a count read for
 * one tenant cannot be handed to another.
 */
@ApplicationScoped
public class QueueCounts {

    /** The longest a count is shown without being read again, even when nothing was heard. */
    static final Duration MAX_AGE = Duration.ofSeconds(10);
    /** Past this many kept counts, the expired ones are dropped (users who left keep none for long). */
    static final int PRUNE_ABOVE = 10_000;

    private record Key(TenantCode tenant, Queue queue, String who) {
    }

    /** One reading: the generation and time it started at, and its result once there. */
    private record Reading(long generation, Instant at, CompletableFuture<Long> count) {
        boolean serves(long since, Instant time) {
            return generation >= since && !time.isAfter(at.plus(MAX_AGE));
        }
    }

    /**
     * Counts, and the oldest generation a count among them was read at: a view that needed a
     * newer one shows what was read and looks again on its next refresh.
     */
    public record Counted(Map<Queue, Long> counts, long generation) {
    }

    private final Map<Key, Reading> readings = new ConcurrentHashMap<>();
    /** When expired counts were last dropped, and how often (for tests). */
    private final AtomicReference<Instant> pruned = new AtomicReference<>(Instant.EPOCH);
    private final AtomicInteger prunes = new AtomicInteger();
    private TicketFeed feed;
    private TenantContext tenants;
    private Clock clock;

    @Inject
    public QueueCounts(TicketFeed feed, TenantContext tenants) {
        this(feed, tenants, Clock.systemUTC());
    }

    QueueCounts(TicketFeed feed, TenantContext tenants, Clock clock) {
        this.feed = feed;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** For CDI's proxy only. */
    protected QueueCounts() {
    }

    /**
     * How many tickets each queue holds for {@code asker}, the caller bound now, in {@link Queue}
     * order.
     */
    public Map<Queue, Long> counts(Queues queues, QueueQuery.Asker asker) {
        long now = tenants.current().map(feed::generation).orElse(0L);
        return counts(queues, asker, now, Map.of()).counts();
    }

    /**
     * As {@link #counts(Queues, QueueQuery.Asker)}, sharing a reading started at generation
     * {@code since} or later (a live refresh needs the changes it heard, not those since).
     *
     * @param known counts the caller knows are current (its own "mine" when no change it heard
     *              concerned it): these are not read
     */
    public Counted counts(Queues queues, QueueQuery.Asker asker, long since, Map<Queue, Long> known) {
        Optional<TenantCode> tenant = tenants.current();
        Map<Queue, Long> out = new EnumMap<>(Queue.class);
        long oldest = Long.MAX_VALUE;
        for (Queue q : Queue.values()) {
            Long k = known.get(q);
            if (k != null) {
                out.put(q, k);
            } else if (tenant.isEmpty()) {
                out.put(q, queues.count(q, asker));
            } else {
                Reading r = count(tenant.get(), q, asker, queues, since);
                out.put(q, r.count().join());
                oldest = Math.min(oldest, r.generation());
            }
        }
        return new Counted(out, oldest);
    }

    private Reading count(TenantCode tenant, Queue queue, QueueQuery.Asker asker, Queues queues, long since) {
        Key key = new Key(tenant, queue, switch (queue) {
            case MINE -> asker.username();
            case TEAM -> String.join(",", asker.teamIds().stream().sorted().toList());
            default -> "";
        });
        // Read before counting: a change committed while the count runs makes it stale at once.
        long generation = feed.generation(tenant);
        Instant now = clock.instant();
        Reading mine = new Reading(generation, now, new CompletableFuture<>());
        Reading current = readings.compute(key, (k, old) -> old != null && old.serves(Math.min(since, generation), now) ? old : mine);
        if (current != mine) {
            try {
                current.count().join();
                return current;
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                // The reading this view waited for failed (its own request sees why): count here.
                return new Reading(generation, now, CompletableFuture.completedFuture(queues.count(queue, asker)));
            }
        }
        try {
            long n = queues.count(queue, asker);
            mine.count().complete(n);
            return mine;
        } catch (RuntimeException e) {
            readings.remove(key, mine);
            mine.count().completeExceptionally(e);
            throw e;
        } finally {
            pruneIfDue(now);
        }
    }

    /**
     * Past {@link #PRUNE_ABOVE} kept counts, drops the expired ones: at most once per
     * {@link #MAX_AGE}, not on every count (a scan of the whole map on each would put it on the
     * hot path of every view's refresh once a node has that many users).
     */
    private void pruneIfDue(Instant now) {
        if (readings.size() <= PRUNE_ABOVE) {
            return;
        }
        Instant last = pruned.get();
        if (now.isAfter(last.plus(MAX_AGE)) && pruned.compareAndSet(last, now)) {
            prunes.incrementAndGet();
            prune(now);
        }
    }

    private void prune(Instant now) {
        List<Key> expired = readings.entrySet().stream()
                .filter(e -> e.getValue().count().isDone() && now.isAfter(e.getValue().at().plus(MAX_AGE)))
                .map(Map.Entry::getKey).toList();
        expired.forEach(readings::remove);
    }

    /** How many times expired counts were dropped (for tests). */
    int prunes() {
        return prunes.get();
    }

    /** How many counts are kept now (for tests). */
    int kept() {
        return readings.size();
    }
}
