package io.kefu.platform.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.kefu.platform.tenant.TenantContext;

/**
 * The sweep's paging without a database: a tenant's due clocks are fired a page per call until
 * a page is not full, a page that fails is fired again one clock at a time so that one bad
 * clock holds back nobody else, and a tenant's trouble does not stop the next tenant.
 */
class SlaSweepTest {

    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    /** Clocks of every tenant by id; a fired one is no longer due, a "bad" one always fails. */
    static final class FakeClocks extends SlaClocks {
        final Set<String> due = new LinkedHashSet<>();
        final List<Integer> pageSizes = new ArrayList<>();
        final TenantContext tenants;

        FakeClocks(TenantContext tenants, List<String> ids) {
            this.tenants = tenants;
            due.addAll(ids);
        }

        private List<String> mine(int limit) {
            String prefix = tenants.require().value() + ":";
            return due.stream().filter(id -> id.startsWith(prefix)).limit(limit).toList();
        }

        @Override
        public List<String> dueWarnings(Instant now, int limit) {
            return mine(limit);
        }

        @Override
        public List<String> dueBreaches(Instant now, int limit) {
            return List.of();
        }

        @Override
        public int fireWarnings(List<String> clockIds, Instant now) {
            pageSizes.add(clockIds.size());
            if (clockIds.stream().anyMatch(id -> id.endsWith(":bad"))) {
                throw new IllegalStateException("rule version missing");
            }
            clockIds.forEach(due::remove);
            return clockIds.size();
        }

        int visits;

        /** A visit in one transaction: nothing of it stays when it fails (settling first stands in for the rollback). */
        @Override
        public Visit visit(Instant now, int page, boolean withEntities) {
            visits++;
            List<String> mine = mine(page);
            if (mine.size() == page) {
                return null;
            }
            if (mine.stream().anyMatch(id -> id.endsWith(":bad"))) {
                throw new IllegalStateException("rule version missing");
            }
            settleAgenda(now);
            mine.forEach(due::remove);
            return new Visit(mine.size(), 0, false);
        }

        @Override
        public void settleAgenda(Instant now) {
            if (tenants.require().value().equals("broken")) {
                throw new IllegalStateException("agenda row locked too long");
            }
        }
    }

    static final class FakeAgenda extends Agenda {
        final List<String> tenants;

        FakeAgenda(List<String> tenants) {
            this.tenants = tenants;
        }

        @Override
        public List<SlaAgenda> due(Instant now, int limit) {
            return tenants.stream().map(SlaAgenda::new).toList();
        }
    }

    private static SlaSweep sweep(FakeClocks clocks, TenantContext tenants, String... dueTenants) {
        SlaSweep s = new SlaSweep();
        s.clocks = clocks;
        s.tenantContext = tenants;
        s.agenda = new FakeAgenda(List.of(dueTenants));
        // The other worker runs first, on the calling thread: these tests are about paging, not threads.
        s.workers = Runnable::run;
        return s;
    }

    @Test
    void aTenantsDueClocksAreFiredAPageAtATimeUntilAPageIsNotFull() {
        TenantContext tenants = new TenantContext();
        List<String> ids = IntStream.range(0, SlaSweep.PAGE * 2 + 7).mapToObj(i -> String.format("acme:%05d", i)).toList();
        FakeClocks clocks = new FakeClocks(tenants, ids);
        SlaSweep.Result r = sweep(clocks, tenants, "acme").sweep(NOW);
        assertEquals(new SlaSweep.Result(1, SlaSweep.PAGE * 2 + 7, 0), r);
        assertEquals(List.of(SlaSweep.PAGE, SlaSweep.PAGE, 7), clocks.pageSizes);
    }

    @Test
    void aTenantWithLessThanAPageDueIsVisitedInOneTransaction() {
        TenantContext tenants = new TenantContext();
        FakeClocks clocks = new FakeClocks(tenants, List.of("acme:a", "acme:b", "globex:c"));
        SlaSweep.Result r = sweep(clocks, tenants, "acme", "globex").sweep(NOW);
        assertEquals(new SlaSweep.Result(2, 3, 0), r);
        assertEquals(2, clocks.visits);
        assertEquals(List.of(), clocks.pageSizes, "no page went through the paged path");
        assertEquals(Set.of(), clocks.due);
    }

    @Test
    void aPageThatFailsIsFiredOneClockAtATimeAndOnlyTheBadClockWaits() {
        TenantContext tenants = new TenantContext();
        FakeClocks clocks = new FakeClocks(tenants, List.of("acme:a", "acme:bad", "acme:c"));
        SlaSweep.Result r = sweep(clocks, tenants, "acme").sweep(NOW);
        assertEquals(2, r.warnings());
        assertEquals(List.of(3, 1, 1, 1), clocks.pageSizes);
        assertEquals(Set.of("acme:bad"), clocks.due, "the bad clock stays due for the next pass");
    }

    @Test
    void oneTenantsTroubleDoesNotStopTheNext() {
        TenantContext tenants = new TenantContext();
        FakeClocks clocks = new FakeClocks(tenants, List.of("broken:a", "acme:b", "acme:c"));
        SlaSweep.Result r = sweep(clocks, tenants, "broken", "acme").sweep(NOW);
        assertEquals(2, r.tenants());
        assertEquals(Set.of(), clocks.due, "both tenants' warnings fired; the broken tenant's agenda entry stays due");
        assertEquals(3, r.warnings(), "what fired counts even when settling the tenant failed");
    }

    /**
     * Two tenants are visited at once, on two threads: each visit waits (a second at most) until
     * the other one has started. Every due tenant is visited exactly once, and the pass adds up
     * what each visit fired.
     */
    @Test
    void twoTenantsAreVisitedAtOnceAndEachOnce() throws Exception {
        TenantContext tenants = new TenantContext();
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> visits = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Set<String> atOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
        SlaClocks clocks = new SlaClocks() {
            @Override
            public Visit visit(Instant now, int page, boolean withEntities) {
                String tenant = tenants.require().value();
                visits.computeIfAbsent(tenant, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                if (tenant.startsWith("first")) {
                    try {
                        together.await(1, java.util.concurrent.TimeUnit.SECONDS);
                        atOnce.add(tenant);
                    } catch (Exception e) {
                        // Not at once: the assertion below says so.
                    }
                }
                return new Visit(tenant.length(), 1, false);
            }
        };
        List<String> due = List.of("first-a", "first-b", "third", "fourth-d", "fifth-ee", "sixth-fff");
        SlaSweep s = sweep(new FakeClocks(tenants, List.of()), tenants, due.toArray(String[]::new));
        s.clocks = clocks;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            s.workers = pool;
            SlaSweep.Result r = s.sweep(NOW);
            assertEquals(Set.of("first-a", "first-b"), atOnce, "the first two tenants were visited at the same time");
            assertEquals(due.stream().collect(java.util.stream.Collectors.toMap(t -> t, t -> 1)),
                    visits.entrySet().stream().collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, e -> e.getValue().get())));
            assertEquals(new SlaSweep.Result(6, due.stream().mapToInt(String::length).sum(), 6), r);
        } finally {
            pool.shutdownNow();
        }
    }
}
