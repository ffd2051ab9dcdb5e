package io.kefu.platform.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.kefu.db.testing.MutableClock;
import io.kefu.platform.config.KefuConfig;
import io.kefu.platform.security.CallerContext;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * A rule change's re-evaluation is requested before the change and cleared by the run that
 * finishes it; a run cut short leaves its request, which the sweep's node takes over once the
 * lease has run out and finishes; a change that fails takes its request back (ADR 0012, seventh
 * amendment). Without a database: the agenda's requests live in a map with the same rules as
 * its SQL, the pages are a list.
 */
class ReevaluationRequestsTest {

    static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");
    static final Duration LEASE = KefuConfig.slaReevaluationLease();

    /** Per tenant: the pending request's token and due instant, changed as Agenda's statements change them. */
    static final class FakeAgenda extends Agenda {
        final Map<String, String> token = new HashMap<>();
        final Map<String, Instant> due = new HashMap<>();
        final TenantContext tenants;

        FakeAgenda(TenantContext tenants) {
            this.tenants = tenants;
        }

        private String me() {
            return tenants.require().value();
        }

        @Override
        public Reevaluation requestReevaluation(Instant now, Duration lease) {
            Instant was = due.get(me());
            Reevaluation r = new Reevaluation(java.util.UUID.randomUUID().toString(), token.get(me()),
                    was == null ? null : OffsetDateTime.ofInstant(was, ZoneOffset.UTC));
            token.put(me(), r.token());
            due.put(me(), now.plus(lease));
            return r;
        }

        @Override
        public void withdraw(Reevaluation r) {
            if (r.token().equals(token.get(me()))) {
                token.put(me(), r.replaced());
                due.put(me(), r.replaced() == null ? null : r.replacedDue().toInstant());
            }
        }

        @Override
        public void holdReevaluation(String t, Instant now, Duration lease) {
            if (t.equals(token.get(me())) && due.get(me()).isBefore(now.plus(lease.dividedBy(2)))) {
                due.put(me(), now.plus(lease));
            }
        }

        @Override
        public boolean completeReevaluation(String t) {
            if (!t.equals(token.get(me()))) {
                return false;
            }
            token.put(me(), null);
            due.put(me(), null);
            return true;
        }

        @Override
        public List<String> reevaluationsDue(Instant now, int limit) {
            return due.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isAfter(now)).map(Map.Entry::getKey).sorted()
                    .limit(limit).toList();
        }

        @Override
        public String claimReevaluation(Instant now, Duration lease) {
            Instant d = due.get(me());
            if (d == null || d.isAfter(now)) {
                return null;
            }
            due.put(me(), now.plus(lease));
            return token.get(me());
        }
    }

    /** Three pages per re-evaluation; a page whose name is in {@code failing} fails (once each when asked). */
    static class FakeClocks extends SlaClocks {
        final List<String> pagesRun = new ArrayList<>();
        final List<String> failing = new ArrayList<>();

        @Override
        public List<String> pageBounds(int size) {
            return List.of("a", "b");
        }

        @Override
        public int reevaluateRange(String afterId, String lastId, String actor) {
            String page = afterId + ".." + lastId;
            if (failing.remove(page)) {
                throw new IllegalStateException("page " + page + " failed");
            }
            pagesRun.add(page);
            return 10;
        }
    }

    /** Rule changes that succeed, or fail as a bad input would. */
    static final class FakeStore extends StandardsStore {
        @Override
        public void delete(String code) {
            if (code.equals("missing")) {
                throw new IllegalArgumentException("no rule " + code);
            }
        }
    }

    /** Whether the change runs inside a caller's transaction, as a plugin's enabling does. */
    boolean callerTransaction;

    final TenantContext tenants = new TenantContext();
    final FakeAgenda agenda = new FakeAgenda(tenants);
    final FakeClocks clocks = new FakeClocks();
    final ServiceStandards standards = standards(T0);

    private ServiceStandards standards(Instant now) {
        ServiceStandards s = new ServiceStandards();
        s.store = new FakeStore();
        s.clocks = clocks;
        s.tenants = tenants;
        s.callers = new CallerContext();
        s.agenda = agenda;
        s.data = new TenantPersistence() {
            @Override
            public boolean inTransaction() {
                return callerTransaction;
            }
        };
        s.clock = Clock.fixed(now, ZoneOffset.UTC);
        // One page at a time, on the calling thread: these tests are about the requests, not threads.
        s.workers = Runnable::run;
        return s;
    }

    private void asAcme(Runnable r) {
        tenants.run(new TenantCode("acme"), r);
    }

    @Test
    void aChangeThatFinishesItsReEvaluationLeavesNothingPending() {
        asAcme(() -> standards.delete("normal"));
        assertEquals(List.of("null..a", "a..b", "b..null"), clocks.pagesRun);
        assertNull(agenda.token.get("acme"));
        assertEquals(List.of(), agenda.reevaluationsDue(T0.plus(Duration.ofDays(1)), 10));
    }

    @Test
    void aReEvaluationCutShortIsFinishedByTheSweepOnceItsLeaseRanOut() {
        clocks.failing.add("a..b");
        assertThrows(IllegalStateException.class, () -> asAcme(() -> standards.delete("normal")));
        String token = agenda.token.get("acme");
        assertEquals(T0.plus(LEASE), agenda.due.get("acme"), "the request stays, due for the sweep when its lease runs out");

        assertEquals(List.of(), standards(T0.plus(LEASE).minusSeconds(1)).resumeCutShort(T0.plus(LEASE).minusSeconds(1)),
                "nothing is taken over before the lease runs out: the run may still be alive");
        clocks.pagesRun.clear();
        Instant later = T0.plus(LEASE);
        List<CompletableFuture<Integer>> runs = standards(later).resumeCutShort(later);
        assertEquals(1, runs.size());
        assertEquals(30, runs.get(0).join(), "every page again: one already done finds its tickets current and writes nothing");
        assertEquals(List.of("null..a", "a..b", "b..null"), clocks.pagesRun);
        assertNull(agenda.token.get("acme"), "request " + token + " finished");
        assertEquals(List.of(), standards(later.plus(LEASE)).resumeCutShort(later.plus(LEASE)));
    }

    @Test
    void aResumedRunThatFailsAgainIsRetriedAfterAnotherLease() {
        clocks.failing.add("a..b");
        assertThrows(IllegalStateException.class, () -> asAcme(() -> standards.delete("normal")));
        clocks.failing.add("a..b");
        Instant later = T0.plus(LEASE);
        CompletableFuture<Integer> run = standards(later).resumeCutShort(later).get(0);
        assertThrows(CompletionException.class, run::join);
        assertEquals(later.plus(LEASE), agenda.due.get("acme"), "taken over: due again one lease after the take-over");
        assertEquals(List.of(), standards(later.plusSeconds(1)).resumeCutShort(later.plusSeconds(1)));
        assertEquals(30, standards(later.plus(LEASE)).resumeCutShort(later.plus(LEASE)).get(0).join());
        assertNull(agenda.token.get("acme"));
    }

    @Test
    void aRunKeepsItsLeaseAliveFromPageToPage() {
        // A run that outlives half its lease pushes it on, so the sweep does not start a second run beside it.
        ServiceStandards slow = standards(T0);
        MutableClock now = new MutableClock(T0);
        slow.clock = now;
        List<Instant> dueAfterPages = new ArrayList<>();
        slow.clocks = new FakeClocks() {
            @Override
            public int reevaluateRange(String afterId, String lastId, String actor) {
                dueAfterPages.add(ReevaluationRequestsTest.this.agenda.due.get("acme"));
                now.advance(LEASE.dividedBy(2).plusSeconds(1));
                if ("b".equals(afterId)) {
                    throw new IllegalStateException("the node dies");
                }
                return 10;
            }
        };
        assertThrows(IllegalStateException.class, () -> asAcme(() -> slow.delete("normal")));
        Duration page = LEASE.dividedBy(2).plusSeconds(1);
        assertEquals(List.of(T0.plus(LEASE), T0.plus(page).plus(LEASE), T0.plus(page.multipliedBy(2)).plus(LEASE)), dueAfterPages,
                "each page found the lease pushed on by the one before");
    }

    @Test
    void aChangeInsideACallersTransactionLeavesItsReEvaluationToTheSweepDueAtOnce() {
        // Pages are transactions of their own: inside the caller's transaction they would read the rules as they were.
        callerTransaction = true;
        asAcme(() -> standards.delete("normal"));
        assertEquals(List.of(), clocks.pagesRun, "no page ran inside the caller's transaction");
        assertEquals(T0, agenda.due.get("acme"), "due at once, for the sweep after the caller commits");
        callerTransaction = false;
        assertEquals(30, standards(T0).resumeCutShort(T0).get(0).join());
        assertNull(agenda.token.get("acme"));
    }

    @Test
    void aNodeRunsAtMostTwoTakenOverReEvaluationsAtOnce() {
        for (String t : List.of("acme", "globex", "initech")) {
            clocks.failing.add("a..b");
            assertThrows(IllegalStateException.class, () -> tenants.run(new TenantCode(t), () -> standards.delete("normal")));
        }
        Instant later = T0.plus(LEASE);
        ServiceStandards sweeping = standards(later);
        // Taken-over runs wait in a queue until the test runs them; a run's own page worker runs at once.
        List<Runnable> queued = new ArrayList<>();
        boolean[] running = {false};
        sweeping.workers = r -> {
            if (running[0]) {
                r.run();
                return;
            }
            queued.add(() -> {
                running[0] = true;
                try {
                    r.run();
                } finally {
                    running[0] = false;
                }
            });
        };
        assertEquals(ServiceStandards.RESUMED_AT_ONCE, sweeping.resumeCutShort(later).size());
        assertEquals(List.of(), sweeping.resumeCutShort(later.plusSeconds(1)), "both slots busy: the third waits, still due");
        assertEquals(1, agenda.reevaluationsDue(later.plusSeconds(1), 10).size());
        queued.remove(0).run();
        List<CompletableFuture<Integer>> third = sweeping.resumeCutShort(later.plusSeconds(2));
        assertEquals(1, third.size(), "a slot came free");
        new ArrayList<>(queued).forEach(Runnable::run);
        assertEquals(30, third.get(0).join());
        assertEquals(List.of(), agenda.reevaluationsDue(later.plus(LEASE.multipliedBy(2)), 10), "all three finished");
    }

    @Test
    void aChangeThatFailsTakesItsRequestBackAndKeepsAnEarlierOne() {
        clocks.failing.add("a..b");
        assertThrows(IllegalStateException.class, () -> asAcme(() -> standards.delete("normal")));
        String cutShort = agenda.token.get("acme");
        Instant cutShortDue = agenda.due.get("acme");

        assertThrows(IllegalArgumentException.class, () -> asAcme(() -> standards(T0.plusSeconds(5)).delete("missing")));
        assertEquals(cutShort, agenda.token.get("acme"), "the earlier request, cut short, is still to be finished");
        assertEquals(cutShortDue, agenda.due.get("acme"));

        asAcme(() -> standards(T0.plusSeconds(9)).delete("normal"));
        assertNull(agenda.token.get("acme"), "a later change's full run finishes everything pending");
    }

    @Test
    void aRunDoesNotClearTheRequestOfAChangeMadeWhileItRan() {
        ServiceStandards first = standards(T0);
        first.clocks = new FakeClocks() {
            @Override
            public int reevaluateRange(String afterId, String lastId, String actor) {
                if (afterId == null) {
                    // Meanwhile another admin changes a rule, and that change's own run is cut short.
                    clocks.failing.add("b..null");
                    assertThrows(IllegalStateException.class, () -> standards(T0.plusSeconds(1)).delete("other"));
                }
                return 10;
            }
        };
        asAcme(() -> first.delete("normal"));
        assertTrue(agenda.token.get("acme") != null, "the second change's request waits for the sweep");
        assertEquals(T0.plusSeconds(1).plus(LEASE), agenda.due.get("acme"));
    }
}
