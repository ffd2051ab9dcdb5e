package io.kefu.ui.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.kefu.db.testing.MutableClock;
import io.kefu.platform.queue.Queue;
import io.kefu.platform.queue.QueueQuery;
import io.kefu.platform.queue.Queues;
import io.kefu.platform.security.CallerContext;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.ui.live.TicketFeed;
import io.kefu.ui.live.TicketUpdate;

class QueueCountsTest {

    private static final TenantCode SF = new TenantCode("sf-express");
    private static final TenantCode HOTEL = new TenantCode("jinjiang");

    private final TenantContext tenants = new TenantContext();
    private final TicketFeed feed = TicketFeed.direct(tenants, new CallerContext());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final QueueCounts counts = new QueueCounts(feed, tenants, clock);
    private final CountingQueues queues = new CountingQueues();

    private static final QueueQuery.Asker WXM = new QueueQuery.Asker("wxm", List.of("team-a"));
    private static final QueueQuery.Asker LI = new QueueQuery.Asker("li", List.of("team-b"));
    private static final QueueQuery.Asker ZHAO = new QueueQuery.Asker("zhao", List.of("team-a"));

    /** Counts by the tenant bound and the queue, and says how often it was asked. */
    static class CountingQueues extends Queues {
        final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
        final Map<String, Long> answers = new ConcurrentHashMap<>();
        TenantContext tenants;
        volatile CountDownLatch hold;
        volatile RuntimeException failure;

        @Override
        public long count(Queue queue, QueueQuery.Asker asker) {
            String tenant = tenants.current().map(TenantCode::value).orElse("(none)");
            asked.computeIfAbsent(tenant + "/" + queue, k -> new AtomicInteger()).incrementAndGet();
            if (hold != null) {
                try {
                    hold.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failure != null) {
                throw failure;
            }
            String who = queue == Queue.MINE ? "/" + asker.username() : queue == Queue.TEAM ? "/" + asker.teamIds() : "";
            return answers.getOrDefault(tenant + "/" + queue + who, 0L);
        }

        int asked(TenantCode tenant, Queue queue) {
            AtomicInteger n = asked.get(tenant.value() + "/" + queue);
            return n == null ? 0 : n.get();
        }
    }

    CountingQueues queues() {
        queues.tenants = tenants;
        return queues;
    }

    private Map<Queue, Long> countsIn(TenantCode tenant, QueueQuery.Asker asker) {
        try (TenantContext.Binding b = tenants.bind(tenant)) {
            return counts.counts(queues(), asker);
        }
    }

    @Test
    void aTenantsCounts_areReadOnce_untilAChangeIsHeard() {
        queues().answers.put("sf-express/UNASSIGNED", 4L);
        countsIn(SF, WXM);
        assertEquals(4L, countsIn(SF, LI).get(Queue.UNASSIGNED));
        assertEquals(1, queues.asked(SF, Queue.UNASSIGNED), "the same for everyone in the tenant");

        queues.answers.put("sf-express/UNASSIGNED", 5L);
        feed.publish(new TicketUpdate(SF, "T-1", "CREATED", "api", clock.instant()));

        assertEquals(5L, countsIn(SF, WXM).get(Queue.UNASSIGNED));
        assertEquals(2, queues.asked(SF, Queue.UNASSIGNED));
    }

    @Test
    void aLiveRefresh_sharesAReadingAsNewAsTheChangeItHeard_andIsToldItsAge() {
        feed.publish(new TicketUpdate(SF, "T-1", "CREATED", "api", clock.instant()));
        long first = feed.generation(SF);
        countsIn(SF, WXM);
        feed.publish(new TicketUpdate(SF, "T-2", "CREATED", "api", clock.instant()));

        QueueCounts.Counted shared;
        try (TenantContext.Binding b = tenants.bind(SF)) {
            shared = counts.counts(queues(), LI, first, Map.of(Queue.MINE, 1L));
        }
        assertEquals(1, queues.asked(SF, Queue.UNASSIGNED), "read after the change li's view heard: shared");
        assertEquals(first, shared.generation(), "older than the latest change: the view looks again");
        assertEquals(1L, shared.counts().get(Queue.MINE), "a count the view knows is not read");
        assertEquals(0, queues.asked(SF, Queue.MINE) - 1, "only wxm's own reading of mine");

        QueueCounts.Counted fresh;
        try (TenantContext.Binding b = tenants.bind(SF)) {
            fresh = counts.counts(queues(), LI, feed.generation(SF), Map.of());
        }
        assertEquals(2, queues.asked(SF, Queue.UNASSIGNED));
        assertEquals(feed.generation(SF), fresh.generation());
    }

    @Test
    void anotherTenantsChange_leavesTheCountsAlone_andItsCountsAreItsOwn() {
        queues().answers.put("sf-express/COMPLAINTS", 3L);
        queues.answers.put("jinjiang/COMPLAINTS", 9L);
        assertEquals(3L, countsIn(SF, WXM).get(Queue.COMPLAINTS));
        assertEquals(9L, countsIn(HOTEL, WXM).get(Queue.COMPLAINTS), "the same asker in another tenant: its own count");

        feed.publish(new TicketUpdate(HOTEL, "T-1", "CREATED", "api", clock.instant()));
        countsIn(SF, WXM);

        assertEquals(1, queues.asked(SF, Queue.COMPLAINTS));
        assertEquals(1, queues.asked(HOTEL, Queue.COMPLAINTS));
    }

    @Test
    void mineIsPerUser_andTheTeamsPerSetOfTeams() {
        queues().answers.put("sf-express/MINE/wxm", 2L);
        queues.answers.put("sf-express/MINE/li", 7L);
        queues.answers.put("sf-express/TEAM/[team-a]", 11L);
        queues.answers.put("sf-express/TEAM/[team-b]", 13L);

        assertEquals(2L, countsIn(SF, WXM).get(Queue.MINE));
        assertEquals(7L, countsIn(SF, LI).get(Queue.MINE));
        assertEquals(13L, countsIn(SF, LI).get(Queue.TEAM));
        Map<Queue, Long> zhao = countsIn(SF, ZHAO);

        assertEquals(11L, zhao.get(Queue.TEAM), "zhao shares wxm's team");
        assertEquals(0L, zhao.get(Queue.MINE));
        assertEquals(3, queues.asked(SF, Queue.MINE), "wxm, li and zhao each");
        assertEquals(2, queues.asked(SF, Queue.TEAM), "team-a once for wxm and zhao, team-b once");
    }

    @Test
    void aCount_isReadAgain_afterItsMaximumAge_evenWithoutAChange() {
        countsIn(SF, WXM);
        clock.advance(QueueCounts.MAX_AGE.minusSeconds(1));
        countsIn(SF, WXM);
        assertEquals(1, queues.asked(SF, Queue.AT_RISK));

        clock.advance(Duration.ofSeconds(2));
        countsIn(SF, WXM);
        assertEquals(2, queues.asked(SF, Queue.AT_RISK), "the service-standard queues change with time alone");
    }

    @Test
    void viewsAskingAtOnce_waitForOneReading() throws Exception {
        queues().answers.put("sf-express/BREACHED", 6L);
        queues.hold = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map<Queue, Long>>> views = List.of(
                    pool.submit(() -> countsIn(SF, WXM)), pool.submit(() -> countsIn(SF, LI)),
                    pool.submit(() -> countsIn(SF, ZHAO)), pool.submit(() -> countsIn(SF, WXM)));
            // All four have asked before the first reading is let through.
            Thread.sleep(300);
            queues.hold.countDown();
            for (Future<Map<Queue, Long>> v : views) {
                assertEquals(6L, v.get(10, TimeUnit.SECONDS).get(Queue.BREACHED));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, queues.asked(SF, Queue.BREACHED));
    }

    @Test
    void aFailedReading_isNotKept() {
        queues().failure = new IllegalStateException("database gone");
        assertThrows(IllegalStateException.class, () -> countsIn(SF, WXM));

        queues.failure = null;
        queues.answers.put("sf-express/MINE/wxm", 1L);
        assertEquals(1L, countsIn(SF, WXM).get(Queue.MINE));
        assertEquals(0, counts.kept() - Queue.values().length, "one reading per queue kept, none of the failed one");
    }

    @Test
    void expiredCounts_areDropped_pastTheLimit_atMostOncePerMaximumAge() {
        int users = QueueCounts.PRUNE_ABOVE + 10;
        for (int i = 0; i < users; i++) {
            countsIn(SF, new QueueQuery.Asker("u" + i, List.of()));
        }
        assertEquals(1, counts.prunes(), "one scan when the limit was passed, not one per count after it");
        int kept = counts.kept();

        clock.advance(QueueCounts.MAX_AGE.plusSeconds(1));
        countsIn(SF, WXM);
        countsIn(SF, LI);
        assertEquals(2, counts.prunes(), "one scan for both");
        assertTrue(counts.kept() < kept / 100, "the expired readings are gone: " + counts.kept());
    }

    @Test
    void withoutATenantBound_nothingIsKept() {
        counts.counts(queues(), WXM);
        counts.counts(queues(), WXM);
        assertEquals(0, counts.kept());
        assertEquals(2, queues.asked.get("(none)/MINE").get(), "read each time");
    }
}
