package io.kefu.platform.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.kefu.platform.security.CallerContext;
import io.kefu.platform.sla.calendar.BusinessCalendar;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.platform.db.TenantTestDatabase;
import io.kefu.platform.tenant.persistence.PlatformSchema;
import io.kefu.platform.tenant.persistence.TenantPersistence;
import io.kefu.platform.ticket.TicketStatus;

/**
 * {@link ClockTables}, the JDBC side of the set-based re-evaluation and sweep, against real
 * databases (H2 and PostgreSQL) outside the container, with local transactions: clocks survive
 * the round trip through their columns, two sweeps claiming the same page of warnings at once
 * win each exactly once, and timeline entries are numbered after the ticket's last one and
 * refused when the ticket changed since it was read.
 */
class ClockTablesDatabaseTest {

    private static final String TENANT = "clocks";
    private static final String SCHEMA = "t_" + TENANT;

    private EntityManagerFactory emf;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();
    private final TenantContext tenants = new TenantContext();
    private ClockTables tables;

    @AfterEach
    void close() {
        if (emf != null) {
            emf.close();
        }
    }

    private void open(String database) throws Exception {
        String url = TenantTestDatabase.migrated(database, SCHEMA);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url)) {
            // The platform schema too: the sweep's agenda lives there, one row per tenant.
            io.kefu.db.SchemaMigrator.migrate(c, new io.kefu.db.SchemaMigrator.SchemaName(PlatformSchema.NAME), io.kefu.db.SchemaMigrator.PLATFORM_CHANGELOG);
            try (java.sql.Statement st = c.createStatement()) {
                st.executeUpdate("insert into " + PlatformSchema.NAME + ".tenant (code, name, industry, status, schema_name, plan_code, admin_email,"
                        + " created_at, updated_at, version) values ('" + TENANT + "', 'Clocks', 'EXPRESS', 'ACTIVE', '" + SCHEMA
                        + "', 'standard', 'a@example.com', current_timestamp, current_timestamp, 0)");
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        emf = TenantTestDatabase.persistenceUnit(database, url);
        tables = new ClockTables();
        tables.data = TenantTestDatabase.persistence(current::get);
        tables.tenants = tenants;
        tables.callers = new CallerContext();
        tables.ranges = new AlarmRanges();
        tables.ranges.data = tables.data;
        tables.ranges.tenants = tenants;
        tables.ranges.arithmetic = new CalendarArithmetic();
    }

    /**
     * Makes {@code rule} the tenant's current version of its code, as the store would (the sweep
     * finds keyed clocks by the current rules), and lets this node's sweep know of it at once, as
     * a change made on this node does; {@link #aRuleChangedOnAnotherNodeIsFoundByTheStampTheSweepReads} covers another node's.
     */
    private void storeRule(ServiceStandard rule) {
        storeRuleUnseen(rule);
        inTransaction(em -> tables.ranges.rebuild());
    }

    /** As {@link #storeRule}, without telling this node's sweep. */
    private void storeRuleUnseen(ServiceStandard rule) {
        inTransaction(em -> writeRule(em, rule));
    }

    /** Writes {@code rule} as the current version of its code in the transaction of {@code em}. */
    private static Void writeRule(EntityManager em, ServiceStandard rule) {
        em.createNativeQuery("delete from " + SCHEMA + ".sla_standard where code = ?").setParameter(1, rule.code()).executeUpdate();
        em.createNativeQuery("insert into " + SCHEMA + ".sla_standard (code, position, rule_version, document, updated_at) values (?, 10, ?, ?, ?)")
                .setParameter(1, rule.code()).setParameter(2, rule.version()).setParameter(3, StandardsDocument.write(rule).toString())
                .setParameter(4, java.time.OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
        return null;
    }

    /** The tenant's gate between rule changes and evaluations, on the test's connections. */
    private RulesGate gate() {
        RulesGate gate = new RulesGate();
        gate.data = tables.data;
        gate.tenants = tenants;
        return gate;
    }

    /** Runs {@code work} for the tenant in its own transaction on its own EntityManager, as one sweep page would. */
    private <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager(Map.of(TenantPersistence.TENANT_PROPERTY, SCHEMA));
        current.set(em);
        try (TenantContext.Binding ignored = tenants.bind(new TenantCode(TENANT))) {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            current.remove();
            em.close();
        }
    }

    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");

    /** When the tests' sweeps settle the agenda, unless they say otherwise: before any alarm of theirs. */
    private static final Instant SETTLED_AT = START.plus(Duration.ofMinutes(1));

    /** Open tickets, each with a running resolution clock of {@code rule} started at START, written through the tables. */
    private List<String> ticketsWithClocks(int n, ServiceStandard rule) {
        storeRule(rule);
        return inTransaction(em -> {
            List<String> ids = new ArrayList<>();
            List<SlaClock> clocks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String id = String.format("ticket-%04d", i);
                insertTicket(em, id, "T-" + i);
                ids.add(id);
                clocks.add(SlaClock.start(id, TargetKind.RESOLUTION, rule, BusinessCalendar.ALWAYS, START));
            }
            tables.insert(clocks);
            return ids;
        });
    }

    /** An open ticket created at START whose timeline holds two entries. */
    private static void insertTicket(EntityManager em, String id, String number) {
        em.createNativeQuery("insert into " + SCHEMA + ".ticket (id, number, kind, status, priority, channel, subject, subject_search,"
                        + " tags, created_at, created_by, updated_at, last_event_seq) values (?, ?, 'FAULT', 'IN_PROGRESS', 'NORMAL', 'PHONE',"
                        + " 'x', 'x', ',', ?, 'test', ?, 2)")
                .setParameter(1, id).setParameter(2, number).setParameter(3, START.atOffset(ZoneOffset.UTC))
                .setParameter(4, START.atOffset(ZoneOffset.UTC)).executeUpdate();
    }

    /** The ids of these tickets' resolution clocks, in the same order. */
    private List<String> resolutionClocks(List<String> ticketIds) {
        List<String> clockIds = new ArrayList<>();
        for (String id : ticketIds) {
            clockIds.add(inTransaction(em -> tables.clocksOfTickets(null, id)).get(id).get(TargetKind.RESOLUTION).id());
        }
        return clockIds;
    }

    private static ServiceStandard rule(int version, String resolution) {
        return SlaClockTest.rule("bench", version, false, resolution, 75);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void clocksSurviveTheRoundTripAndARecomputeKeepsTheFireGuards(String database) throws Exception {
        open(database);
        List<String> ids = ticketsWithClocks(3, rule(1, "PT8H"));
        Instant now = START.plus(Duration.ofHours(7));
        // The warning (75 % of 8 h = 6 h) of the first ticket fires before the rule changes.
        String first = inTransaction(em -> tables.clocksOfTickets(null, ids.get(0))).get(ids.get(0)).get(TargetKind.RESOLUTION).id();
        assertEquals(Set.of(first), inTransaction(em -> tables.claim(List.of(first), true, now)));

        inTransaction(em -> {
            var clocks = tables.clocksOfTickets(null, ids.get(2));
            assertEquals(3, clocks.size());
            List<SlaClock> changed = new ArrayList<>();
            clocks.values().forEach(m -> {
                SlaClock c = m.get(TargetKind.RESOLUTION);
                c.apply(rule(2, "PT4H"), BusinessCalendar.ALWAYS, now);
                changed.add(c);
            });
            tables.update(changed);
            return null;
        });
        storeRule(rule(2, "PT4H"));
        var after = inTransaction(em -> tables.clocksOfTickets(ids.get(0), ids.get(2)));
        assertEquals(Set.of(ids.get(1), ids.get(2)), after.keySet(), "the range excludes its start");
        SlaClock c = inTransaction(em -> tables.clocksOfTickets(null, ids.get(0))).get(ids.get(0)).get(TargetKind.RESOLUTION);
        assertEquals(2, c.ruleVersion());
        assertEquals("PT4H", c.targetIso());
        assertEquals(START.plus(Duration.ofHours(4)), c.dueAt(), "recomputed from the start");
        assertEquals(START.plus(Duration.ofHours(3)), c.warnAt());
        assertEquals(Duration.ofHours(4).toMillis(), c.targetMillis());
        assertEquals(now.truncatedTo(ChronoUnit.MILLIS), c.warnedAt().truncatedTo(ChronoUnit.MILLIS), "the fired warning stays fired");
        assertNull(c.breachedAt());
        assertNull(c.outcome());
        assertTrue(c.isRunning());
        assertEquals(List.of(), inTransaction(em -> tables.due(true, now, 10)).stream().filter(first::equals).toList());
        assertEquals(2, inTransaction(em -> tables.due(true, now, 10)).size(), "the other two warnings are due at 7 h of a 4 h target");
        assertEquals(3, inTransaction(em -> tables.due(false, now, 10)).size());
        ClockTables.Due both = inTransaction(em -> tables.dueLocked(now, 10));
        assertEquals(Set.copyOf(inTransaction(em -> tables.due(true, now, 10))), Set.copyOf(both.warnings()), "a visit's one read finds the same warnings");
        assertEquals(Set.copyOf(inTransaction(em -> tables.due(false, now, 10))), Set.copyOf(both.breaches()), "and the same breaches");
        assertEquals(new ClockTables.RuleRef("bench", 2), both.rules().get(both.breaches().get(0)), "with each clock's rule");
        assertEquals(3, both.tickets().size(), "and the rows of their tickets");
        assertEquals(2, inTransaction(em -> tables.dueLocked(now, 2)).breaches().size(), "each list is limited on its own");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theNextAlarmIsTheEarliestUnfiredWarningThenTheEarliestUnfiredBreach(String database) throws Exception {
        open(database);
        insertAgendaEntry(START);
        List<String> ids = ticketsWithClocks(2, rule(1, "PT8H"));
        List<String> clockIds = resolutionClocks(ids);
        assertEquals(START.plus(Duration.ofHours(6)), settled(), "75 % of 8 h");
        Instant seven = START.plus(Duration.ofHours(7));
        assertEquals(Set.of(clockIds.get(0)), inTransaction(em -> tables.claim(List.of(clockIds.get(0)), true, seven)));
        assertEquals(START.plus(Duration.ofHours(6)), settled(), "the other warning has not fired");
        assertEquals(Set.of(clockIds.get(1)), inTransaction(em -> tables.claim(List.of(clockIds.get(1)), true, seven)));
        assertEquals(START.plus(Duration.ofHours(8)), settled(), "then the breaches");
        Instant nine = START.plus(Duration.ofHours(9));
        assertEquals(Set.copyOf(clockIds), inTransaction(em -> tables.claim(clockIds, false, nine)));
        assertNull(settled(), "nothing left to fire");
    }

    /**
     * The sweep keeps each tenant's alarm ranges in memory. A rule replaced on another node (here:
     * behind this node's back) and its clocks recomputed show in the stamp the sweep reads with
     * the clocks: the agenda is set by the rule the clocks now have, not by the one remembered.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRuleChangedOnAnotherNodeIsFoundByTheStampTheSweepReads(String database) throws Exception {
        open(database);
        insertAgendaEntry(START);
        List<String> ids = ticketsWithClocks(2, rule(1, "PT8H"));
        assertEquals(START.plus(Duration.ofHours(6)), settled(), "75 % of 8 h");
        storeRuleUnseen(rule(2, "PT2H"));
        recomputeAll(ids, rule(2, "PT2H"));
        assertEquals(START.plus(Duration.ofMinutes(90)), settled(), "75 % of the new 2 h");
        Instant late = START.plus(Duration.ofHours(3));
        assertEquals(2, inTransaction(em -> tables.due(false, late, 10)).size(), "and the sweep's next read finds them by it");
    }

    /** Recomputes the resolution clocks of these tickets under {@code rule} through the tables, as a rule change's page does; what the transaction saw of its updates. */
    private long[] recomputeAll(List<String> ids, ServiceStandard rule) {
        return inTransaction(em -> {
            long[] before = database(em).equals("postgresql") ? updatesOfClocks(em) : new long[2];
            List<SlaClock> changed = new ArrayList<>();
            tables.clocksOfTickets(null, ids.get(ids.size() - 1)).values().forEach(m -> {
                SlaClock c = m.get(TargetKind.RESOLUTION);
                c.apply(rule, BusinessCalendar.ALWAYS, START);
                changed.add(c);
            });
            tables.update(changed);
            if (!database(em).equals("postgresql")) {
                return new long[2];
            }
            long[] after = updatesOfClocks(em);
            return new long[]{after[0] - before[0], after[1] - before[1]};
        });
    }

    private String database(EntityManager em) {
        return tables.data.postgres() ? "postgresql" : "h2";
    }

    /** This transaction's counts of updated and of in-place (HOT) updated rows of sla_clock (PostgreSQL). */
    private static long[] updatesOfClocks(EntityManager em) {
        Object[] row = (Object[]) em.createNativeQuery("select n_tup_upd, n_tup_hot_upd from pg_stat_xact_user_tables"
                + " where schemaname = ? and relname = 'sla_clock'").setParameter(1, SCHEMA).getSingleResult();
        return new long[]{((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    /**
     * What the alarm key is for (ADR 0012, eighth amendment): a rule change gives every open
     * clock a new target, and PostgreSQL updates each row in place, because no indexed column
     * changed (the key stays; the due and warning times are in no index) and the page had room
     * (fill factor 50). An index on the due time, or a key that moved with the target, makes
     * every one a new row version with an entry in each index.
     */
    @org.junit.jupiter.api.Test
    void aRuleChangeUpdatesTheClocksInPlace() throws Exception {
        open("postgresql");
        List<String> ids = ticketsWithClocks(300, rule(1, "PT8H"));
        long[] updates = recomputeAll(ids, rule(2, "PT4H"));
        assertEquals(300, updates[0], "every clock recomputed");
        assertEquals(300, updates[1], "and every one in place");
    }

    /** Settles the tenant's agenda entry as a sweep does (locked, then set to the next alarm) and returns it. */
    private Instant settled() {
        inTransaction(em -> {
            assertTrue(tables.lockAgenda());
            tables.settleAgenda(SETTLED_AT);
            return null;
        });
        return agendaEntry();
    }

    private void insertAgendaEntry(Instant at) {
        inTransaction(em -> em.createNativeQuery("insert into " + PlatformSchema.NAME + ".sla_agenda (tenant_code, next_due_at) values (?, ?)")
                .setParameter(1, TENANT).setParameter(2, at.atOffset(ZoneOffset.UTC)).executeUpdate());
    }

    /**
     * Two sweeps claim the same page at the same moment, each holding its transaction open a
     * little: every warning is won by exactly one of them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void twoSweepsClaimingOnePageWinEachWarningOnce(String database) throws Exception {
        open(database);
        ticketsWithClocks(40, rule(1, "PT1H"));
        Instant now = START.plus(Duration.ofMinutes(50));
        List<String> due = inTransaction(em -> tables.due(true, now, 100));
        assertEquals(40, due.size());
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Set<String>>> sweeps = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                // The second sweep claims the page in the opposite order: the guard takes rows by id either way.
                List<String> page = new ArrayList<>(due);
                if (s == 1) {
                    java.util.Collections.reverse(page);
                }
                sweeps.add(pool.submit(() -> inTransaction(em -> {
                    await(together);
                    Set<String> won = tables.claim(page, true, now);
                    pause(300);
                    return won;
                })));
            }
            Set<String> a = sweeps.get(0).get();
            Set<String> b = sweeps.get(1).get();
            Set<String> both = new HashSet<>(a);
            both.retainAll(b);
            assertEquals(Set.of(), both, "no warning won twice");
            Set<String> all = new HashSet<>(a);
            all.addAll(b);
            assertEquals(new HashSet<>(due), all, "every warning won once");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), inTransaction(em -> tables.due(true, now, 100)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void timelineEntriesFollowTheLastAndAreRefusedForATicketChangedSinceRead(String database) throws Exception {
        open(database);
        List<String> ids = ticketsWithClocks(2, rule(1, "PT1H"));
        Instant now = START.plus(Duration.ofMinutes(5));
        List<String> clockIds = resolutionClocks(ids);
        var rows = inTransaction(em -> tables.lockTicketsOfClocks(clockIds));
        var heads = new HashMap<String, ClockTables.TimelineHead>();
        rows.values().forEach(r -> heads.put(r.id(), r.head()));
        assertEquals(new ClockTables.TimelineHead(2, 0), heads.get(ids.get(0)));
        var details = Json.createObjectBuilder().add("change", "WARNED").build().toString();
        List<ClockTables.Entry> entries = List.of(new ClockTables.Entry(ids.get(0), now, details),
                new ClockTables.Entry(ids.get(0), now, details), new ClockTables.Entry(ids.get(1), now, details));
        assertEquals(Set.of(), inTransaction(em -> tables.append(entries, heads, List.of())));
        List<?> seqs = inTransaction(em -> em.createNativeQuery("select seq from " + SCHEMA + ".ticket_event where ticket_id = ? order by seq")
                .setParameter(1, ids.get(0)).getResultList());
        assertEquals(List.of(3, 4), seqs.stream().map(x -> ((Number) x).intValue()).toList());
        var moved = inTransaction(em -> tables.lockTicketsOfClocks(clockIds)).get(ids.get(0)).head();
        assertEquals(new ClockTables.TimelineHead(4, 1), moved, "the row version moves on with the timeline");

        // Read before someone else's change: the entry is refused, nothing is written.
        assertEquals(Set.of(ids.get(0)), inTransaction(em -> tables.append(List.of(entries.get(0)), heads, List.of())));
        assertEquals(3L, ((Number) inTransaction(em -> em.createNativeQuery("select count(*) from " + SCHEMA + ".ticket_event")
                .getSingleResult())).longValue());
        assertTrue(inTransaction(em -> tables.lockOpenTickets(null, null)).stream()
                .allMatch(t -> t.status() == TicketStatus.IN_PROGRESS && t.createdAt().equals(START)));
    }

    /**
     * A 24x7 rule with a resolution target only: a page recomputing to it starts no clock (a new
     * clock's insert would take a key-share lock on its ticket on PostgreSQL, for the foreign
     * key, and hide whether the page's own lock is there).
     */
    private static ServiceStandard resolutionOnly(int version, String resolution) {
        return new ServiceStandard("bench", new Texts("规则", "Rule"), 10, Match.ANY, "24x7", false,
                Map.of(TargetKind.RESOLUTION, Target.parse(resolution)), Set.of(), 75, List.of(), version);
    }

    /** Clocks over the tables, with the rules a store of these standards (all 24x7) gives, at {@code now}. */
    private SlaClocks clocks(Instant now, List<ServiceStandard> current) {
        SlaClocks clocks = new SlaClocks();
        clocks.gate = gate();
        clocks.data = tables.data;
        clocks.tables = tables;
        clocks.written = new NoEvents();
        clocks.clock = java.time.Clock.fixed(now, ZoneOffset.UTC);
        clocks.store = new StandardsStore() {
            @Override
            public List<ServiceStandard> standards() {
                return current;
            }

            @Override
            public BusinessCalendar businessCalendar(String code) {
                return BusinessCalendar.ALWAYS;
            }
        };
        Agenda agenda = new Agenda();
        agenda.tenants = tenants;
        agenda.data = tables.data;
        clocks.agenda = agenda;
        return clocks;
    }

    /** Clocks over the tables whose rules are the tenant's stored ones, read as the store reads them. */
    private SlaClocks clocksOfStoredRules(Instant now) {
        SlaClocks clocks = clocks(now, List.of());
        StandardsStore store = new StandardsStore();
        store.data = tables.data;
        store.tenants = tenants;
        clocks.store = store;
        return clocks;
    }

    /**
     * The gate between rule changes and the evaluations of tickets (ADR 0012, ninth amendment;
     * PostgreSQL's advisory lock, H2 has none). A change closing it waits for a page in flight
     * and then finds what the page wrote, as a re-evaluation after it would find a ticket
     * created meanwhile; a page that comes while a change holds it waits, then reads the rules
     * the change stored. Without the gate the change would read the page's clock unchanged and
     * the page would recompute to the old rules.
     */
    @org.junit.jupiter.api.Test
    void aRuleChangeWaitsForTheEvaluationsInFlightAndTheNextOnesWaitForIt() throws Exception {
        open("postgresql");
        insertAgendaEntry(START.plus(Duration.ofHours(6)));
        String ticket = ticketsWithClocks(1, resolutionOnly(1, "PT8H")).get(0);
        SlaClocks v2 = clocks(START.plus(Duration.ofHours(1)), List.of(resolutionOnly(2, "PT4H")));
        CyclicBarrier inFlight = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> page = pool.submit(() -> inTransaction(em -> {
                v2.agenda.em = em;
                int n = v2.reevaluateRange(null, null, "admin");
                await(inFlight);
                pause(500);
                return n;
            }));
            Future<Integer> change = pool.submit(() -> {
                await(inFlight);
                return inTransaction(em -> {
                    gate().close();
                    return tables.clocksOfTickets(null, ticket).get(ticket).get(TargetKind.RESOLUTION).ruleVersion();
                });
            });
            assertEquals(1, page.get(30, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(2, change.get(30, java.util.concurrent.TimeUnit.SECONDS), "the change went on after the page had committed");

            storeRule(resolutionOnly(2, "PT4H"));
            Future<Void> stored = pool.submit(() -> inTransaction(em -> {
                gate().close();
                writeRule(em, resolutionOnly(3, "PT2H"));
                await(inFlight);
                pause(500);
                return null;
            }));
            Future<Integer> next = pool.submit(() -> {
                await(inFlight);
                SlaClocks current = clocksOfStoredRules(START.plus(Duration.ofHours(1)));
                return inTransaction(em -> {
                    current.agenda.em = em;
                    return current.reevaluateRange(null, null, "admin");
                });
            });
            stored.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(1, next.get(30, java.util.concurrent.TimeUnit.SECONDS));
            var clock = inTransaction(em -> tables.clocksOfTickets(null, ticket)).get(ticket).get(TargetKind.RESOLUTION);
            assertEquals(3, clock.ruleVersion(), "the page read the rules the change committed");
            assertEquals(START.plus(Duration.ofHours(2)), clock.dueAt());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A rule change's page (ADR 0012, fifth amendment): the tickets of its range get the new
     * version, each a row of history beside its timeline (the timeline and the ticket rows are
     * not written), and their rows stay locked until the page commits; the pages are cut by id.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRuleChangePageRecomputesItsRangeKeepsTheHistoryAndHoldsItsTickets(String database) throws Exception {
        open(database);
        insertAgendaEntry(START.plus(Duration.ofHours(6)));
        List<String> ids = ticketsWithClocks(3, resolutionOnly(1, "PT8H"));
        assertEquals(List.of(ids.get(1)), inTransaction(em -> tables.pageBounds(2)), "pages of two: the second id ends the first");
        assertEquals(ids, inTransaction(em -> tables.pageBounds(1)));
        Instant now = START.plus(Duration.ofHours(1)).plusNanos(654_321_000);
        SlaClocks v2 = clocks(now, List.of(resolutionOnly(2, "PT4H")));

        int seen = inTransaction(em -> {
            v2.agenda.em = em;
            int n = v2.reevaluateRange(null, ids.get(1), "admin");
            assertEquals(false, lockableElsewhere(ids.get(0)), "the page's tickets are locked until it commits");
            assertEquals(true, lockableElsewhere(ids.get(2)), "the others are not");
            return n;
        });
        assertEquals(2, seen);
        var after = inTransaction(em -> tables.clocksOfTickets(null, ids.get(2)));
        assertEquals(List.of(2, 2, 1), ids.stream().map(id -> after.get(id).get(TargetKind.RESOLUTION).ruleVersion()).toList());
        assertEquals(START.plus(Duration.ofHours(4)), after.get(ids.get(0)).get(TargetKind.RESOLUTION).dueAt(), "recomputed from the start");
        assertEquals(START.plus(Duration.ofHours(3)), agendaEntry(), "the agenda lowered to the earliest new warning");
        List<ClockTables.Recompute> history = inTransaction(em -> tables.recomputes(ids.get(0)));
        assertEquals(1, history.size());
        assertEquals("admin", history.get(0).actor());
        assertEquals(now, history.get(0).at());
        var details = Json.createReader(new java.io.StringReader(history.get(0).data())).readObject();
        assertEquals("RECOMPUTED", details.getString("change"));
        assertEquals(List.of(), inTransaction(em -> tables.recomputes(ids.get(2))));
        assertEquals(List.of(2L, 0L, 0L), inTransaction(em -> {
            Object[] row = (Object[]) em.createNativeQuery("select last_event_seq, version, (select count(*) from " + SCHEMA
                    + ".ticket_event) from " + SCHEMA + ".ticket where id = ?").setParameter(1, ids.get(0)).getSingleResult();
            return java.util.Arrays.stream(row).map(x -> ((Number) x).longValue()).toList();
        }), "the ticket's row and timeline are not written");

        // The last page, open-ended; a ticket already on the rule is left alone.
        assertEquals(1, (int) inTransaction(em -> {
            v2.agenda.em = em;
            return v2.reevaluateRange(ids.get(1), null, "admin");
        }));
        assertEquals(1, inTransaction(em -> tables.recomputes(ids.get(2))).size());
        assertEquals(3, (int) inTransaction(em -> {
            v2.agenda.em = em;
            return v2.reevaluateRange(null, null, "admin");
        }), "every open ticket looked at");
        assertEquals(1, inTransaction(em -> tables.recomputes(ids.get(0))).size(), "nothing changed, nothing recorded");
    }

    /**
     * A page reads the rows of its own range, not whole tables. Its UPDATE of the clocks, joined
     * to the page's values, once made PostgreSQL hash the whole sla_clock table for every page (a
     * rule change over 100,000 open tickets read it fifty times, and a tenant's stopped clocks
     * make the table larger still); the customers' grades were a join the planner could do the
     * same with. Counted by PostgreSQL in the page's own transaction, a page of 100 among 5,000.
     */
    @org.junit.jupiter.api.Test
    void aRuleChangePageScansNoWholeTable() throws Exception {
        open("postgresql");
        insertAgendaEntry(START.plus(Duration.ofHours(6)));
        int n = 5000;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(String.format("ticket-%05d", i));
        }
        inTransaction(em -> em.createNativeQuery("insert into " + SCHEMA + ".ticket (id, number, kind, status, priority, channel, subject,"
                        + " subject_search, tags, created_at, created_by, updated_at, last_event_seq) select 'ticket-' || lpad(i::text, 5, '0'),"
                        + " 'T-' || i, 'FAULT', 'IN_PROGRESS', 'NORMAL', 'PHONE', 'x', 'x', ',', ?, 'test', ?, 2 from generate_series(0, ?) i")
                .setParameter(1, START.atOffset(ZoneOffset.UTC)).setParameter(2, START.atOffset(ZoneOffset.UTC)).setParameter(3, n - 1)
                .executeUpdate());
        inTransaction(em -> {
            em.createNativeQuery("insert into " + SCHEMA + ".customer (id, customer_type, name, name_search, status, created_at, updated_at,"
                    + " version) select 'customer-' || i, 'PERSON', 'c', 'c', 'ACTIVE', now(), now(), 0 from generate_series(0, ?) i")
                    .setParameter(1, n - 1).executeUpdate();
            return em.createNativeQuery("update " + SCHEMA + ".ticket set customer_id = 'customer-' || substr(id, 8)::int").executeUpdate();
        });
        inTransaction(em -> {
            tables.insert(ids.stream().map(id -> SlaClock.start(id, TargetKind.RESOLUTION, resolutionOnly(1, "PT8H"), BusinessCalendar.ALWAYS,
                    START)).toList());
            for (String table : List.of("ticket", "sla_clock", "customer")) {
                em.createNativeQuery("analyze " + SCHEMA + "." + table).executeUpdate();
            }
            return null;
        });
        SlaClocks v2 = clocks(START.plus(Duration.ofHours(1)), List.of(resolutionOnly(2, "PT4H")));

        List<String> scanned = inTransaction(em -> {
            v2.agenda.em = em;
            // Counted before and after the page: PostgreSQL 15's "xact" counters also hold what earlier
            // transactions of the same backend did until it reports them (at most once a second), such
            // as the set-up's UPDATE of every ticket.
            Map<String, Long> before = sequentialScans(em);
            assertEquals(100, v2.reevaluateRange(ids.get(999), ids.get(1099), "admin"));
            Map<String, Long> after = sequentialScans(em);
            return after.keySet().stream().filter(t -> after.get(t) > before.getOrDefault(t, 0L)).sorted().toList();
        });
        assertEquals(List.of(), scanned, "tables read whole by a page of 100");
        var after = inTransaction(em -> tables.clocksOfTickets(ids.get(998), ids.get(1100)));
        assertEquals(List.of(1, 2, 2, 1), java.util.stream.Stream.of(999, 1000, 1099, 1100)
                .map(i -> after.get(ids.get(i)).get(TargetKind.RESOLUTION).ruleVersion()).toList(), "the page's range and only it");
    }

    /** Sequential scans of the ticket, clock and customer tables counted in this backend's current transaction. */
    private static Map<String, Long> sequentialScans(EntityManager em) {
        Map<String, Long> out = new HashMap<>();
        for (Object row : em.createNativeQuery("select relname, seq_scan from pg_stat_xact_user_tables where schemaname = ?"
                + " and relname in ('ticket', 'sla_clock', 'customer')").setParameter(1, SCHEMA).getResultList()) {
            Object[] r = (Object[]) row;
            out.put(String.valueOf(r[0]), ((Number) r[1]).longValue());
        }
        return out;
    }

    /**
     * A ticket change while a rule change's page holds the ticket: the change's lock
     * ({@link ClockTables#lockTicket}, taken by {@link SlaClocks} before it reads a ticket's
     * clocks) waits for the page, and then it reads the clocks the page wrote. Without the
     * page's lock it would read the old clocks and write its result over the page's.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aTicketChangeWaitsForTheRuleChangePageHoldingItsTicketAndReadsWhatItWrote(String database) throws Exception {
        open(database);
        insertAgendaEntry(START.plus(Duration.ofHours(6)));
        String ticket = ticketsWithClocks(1, resolutionOnly(1, "PT8H")).get(0);
        SlaClocks v2 = clocks(START.plus(Duration.ofHours(1)), List.of(resolutionOnly(2, "PT4H")));
        CyclicBarrier paging = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> page = pool.submit(() -> inTransaction(em -> {
                v2.agenda.em = em;
                int n = v2.reevaluateRange(null, null, "admin");
                await(paging);
                pause(500);
                return n;
            }));
            Future<Integer> change = pool.submit(() -> {
                await(paging);
                return inTransaction(em -> {
                    tables.lockTicket(ticket);
                    return tables.clocksOfTickets(null, ticket).get(ticket).get(TargetKind.RESOLUTION).ruleVersion();
                });
            });
            assertEquals(1, page.get(30, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(2, change.get(30, java.util.concurrent.TimeUnit.SECONDS), "the change read the clocks after the page committed");
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aClaimReturnsTheClocksItWonAsTheyAreNow(String database) throws Exception {
        open(database);
        List<String> ids = ticketsWithClocks(3, rule(1, "PT8H"));
        Instant seven = START.plus(Duration.ofHours(7));
        List<String> clockIds = resolutionClocks(ids);
        assertEquals(Set.of(clockIds.get(0)), inTransaction(em -> tables.claim(List.of(clockIds.get(0)), true, seven)));

        List<SlaClock> won = inTransaction(em -> tables.claimClocks(clockIds, true, seven));
        assertEquals(Set.of(clockIds.get(1), clockIds.get(2)), won.stream().map(SlaClock::id).collect(java.util.stream.Collectors.toSet()),
                "the warning fired before is not won again");
        for (SlaClock c : won) {
            assertEquals(seven.truncatedTo(ChronoUnit.MILLIS), c.warnedAt().truncatedTo(ChronoUnit.MILLIS), "as written by the claim");
            assertEquals(START.plus(Duration.ofHours(8)), c.dueAt());
            assertNull(c.breachedAt());
        }
        assertEquals(List.of(), inTransaction(em -> tables.claimClocks(clockIds, true, seven)));
        assertEquals(List.of(), inTransaction(em -> tables.claimClocks(clockIds, false, seven)), "no breach is due at 7 h of 8 h");
        var locked = inTransaction(em -> tables.lockTicketsOfClocks(clockIds.subList(1, 3)));
        assertEquals(Set.copyOf(ids.subList(1, 3)), locked.keySet(), "the tickets of these clocks");
        assertEquals("T-1", locked.get(ids.get(1)).number());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void supervisorsAreThoseOfEachTeamAndOfTheTenant(String database) throws Exception {
        open(database);
        inTransaction(em -> {
            String[][] members = {{"sue", "SUPERVISOR"}, {"sam", "SUPERVISOR"}, {"ann", "AGENT"}, {"bob", "ADMIN"}};
            for (String[] m : members) {
                em.createNativeQuery("insert into " + SCHEMA + ".member (id, username, display_name, role, created_at) values (?, ?, ?, ?, ?)")
                        .setParameter(1, m[0] + "-id").setParameter(2, m[0]).setParameter(3, m[0]).setParameter(4, m[1])
                        .setParameter(5, START.atOffset(ZoneOffset.UTC)).executeUpdate();
            }
            for (String team : List.of("north", "south", "west")) {
                em.createNativeQuery("insert into " + SCHEMA + ".team (id, code, name, strategy, created_at, updated_at, version) values (?, ?, ?, 'MANUAL', ?, ?, 0)")
                        .setParameter(1, team + "-id").setParameter(2, team).setParameter(3, team)
                        .setParameter(4, START.atOffset(ZoneOffset.UTC)).setParameter(5, START.atOffset(ZoneOffset.UTC)).executeUpdate();
            }
            String[][] memberships = {{"north", "sue"}, {"north", "ann"}, {"south", "ann"}, {"south", "bob"}, {"west", "sam"}, {"west", "sue"}};
            for (String[] tm : memberships) {
                em.createNativeQuery("insert into " + SCHEMA + ".team_member (id, team_id, username, joined_at) values (?, ?, ?, ?)")
                        .setParameter(1, tm[0] + "-" + tm[1]).setParameter(2, tm[0] + "-id").setParameter(3, tm[1])
                        .setParameter(4, START.atOffset(ZoneOffset.UTC)).executeUpdate();
            }
            return null;
        });
        ClockTables.Supervisors s = inTransaction(em -> tables.supervisors(List.of("north-id", "south-id", "west-id")));
        assertEquals(List.of("sam", "sue"), s.tenant(), "every supervisor once, whatever their teams");
        assertEquals(Map.of("north-id", List.of("sue"), "west-id", List.of("sam", "sue")), s.byTeam(), "south has no supervisor");
        ClockTables.Supervisors none = inTransaction(em -> tables.supervisors(List.of()));
        assertEquals(List.of("sam", "sue"), none.tenant());
        assertEquals(Map.of(), none.byTeam());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theAgendaEntryIsLockedAndSetToTheNextAlarm(String database) throws Exception {
        open(database);
        assertEquals(false, inTransaction(em -> tables.lockAgenda()), "no entry before the tenant's first rule");
        insertAgendaEntry(START);
        assertNull(settled(), "no clocks, nothing to fire");
        ticketsWithClocks(1, rule(1, "PT8H"));
        assertEquals(START.plus(Duration.ofHours(6)), settled());
    }

    /**
     * A clock change is written while a sweep settles the tenant, and commits after the sweep
     * read the next alarm: the change lowers the entry after the sweep locked it, before the
     * sweep sets it. The change's lower waits for the sweep (it share-locks the entry the sweep
     * holds), then compares with what the sweep set: the entry ends at the new clock's alarm,
     * not past it. Without the wait, the lower found the entry still due (the value that
     * brought the sweep), changed nothing, and the sweep set a later alarm.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aClockChangeCommittingWhileASweepSettlesIsNotOverwritten(String database) throws Exception {
        open(database);
        insertAgendaEntry(START);
        ticketsWithClocks(1, rule(1, "PT8H"));
        Agenda agenda = new Agenda();
        agenda.tenants = tenants;
        agenda.data = tables.data;
        CyclicBarrier locked = new CyclicBarrier(2);
        java.util.concurrent.CountDownLatch settled = new java.util.concurrent.CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Instant> sweep = pool.submit(() -> inTransaction(em -> {
                tables.lockAgenda();
                await(locked);
                // The change writes its clock and lowers meanwhile (or waits to lower).
                pause(500);
                tables.settleAgenda(SETTLED_AT);
                settled.countDown();
                Object set = em.createNativeQuery("select next_due_at from " + PlatformSchema.NAME + ".sla_agenda where tenant_code = ?")
                        .setParameter(1, TENANT).getSingleResult();
                return set instanceof java.sql.Timestamp ts ? ts.toInstant() : ((java.time.OffsetDateTime) set).toInstant();
            }));
            Future<?> change = pool.submit(() -> {
                await(locked);
                return inTransaction(em -> {
                    agenda.em = em;
                    SlaClock early = SlaClock.start("ticket-x", TargetKind.RESOLUTION, rule(1, "PT1H"), BusinessCalendar.ALWAYS, START);
                    insertTicket(em, "ticket-x", "T-x");
                    tables.insert(List.of(early));
                    agenda.lower(early.nextAlarm());
                    // Commit only after the sweep has read the clocks.
                    try {
                        settled.await(5, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                });
            });
            assertEquals(START.plus(Duration.ofHours(6)), sweep.get(), "the sweep read the clocks before the change committed");
            change.get();
        } finally {
            pool.shutdownNow();
        }
        assertEquals(START.plus(Duration.ofMinutes(45)), agendaEntry(), "75 % of the new clock's hour");
    }

    /**
     * Two clock changes of one tenant lower its agenda entry at the same moment, each having
     * taken its lock before either updates: neither waits for the other's lock to end (a
     * deadlock, one of them aborted, when the lock was FOR SHARE), and the earlier alarm wins.
     */
    @org.junit.jupiter.api.Test
    void twoClockChangesLoweringTheAgendaAtOnceDoNotDeadlock() throws Exception {
        open("postgresql");
        inTransaction(em -> em.createNativeQuery("insert into " + PlatformSchema.NAME + ".sla_agenda (tenant_code, next_due_at) values (?, ?)")
                .setParameter(1, TENANT).setParameter(2, START.plus(Duration.ofHours(9)).atOffset(ZoneOffset.UTC)).executeUpdate());
        CyclicBarrier locked = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> changes = new ArrayList<>();
            for (int hours : new int[] {2, 3}) {
                changes.add(pool.submit(() -> inTransaction(em -> {
                    Agenda agenda = new Agenda();
                    agenda.tenants = tenants;
                    agenda.data = tables.data;
                    agenda.em = em;
                    agenda.holdAgainstSettling();
                    await(locked);
                    agenda.lowerTo(START.plus(Duration.ofHours(hours)));
                    return null;
                })));
            }
            for (Future<Object> f : changes) {
                f.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(START.plus(Duration.ofHours(2)), agendaEntry());
    }

    /**
     * An agent's edit of a ticket (the ticket's row, then its clock) meets the sweep firing that
     * clock's warning: the sweep locks the ticket before it claims the clock, the same order, so
     * it waits for the edit instead of holding the clock the edit needs (a deadlock, one of the
     * two aborted, when the sweep claimed first).
     */
    @org.junit.jupiter.api.Test
    void aTicketEditAndTheSweepFiringItsWarningDoNotDeadlock() throws Exception {
        open("postgresql");
        String ticket = ticketsWithClocks(1, rule(1, "PT1H")).get(0);
        String clock = resolutionClocks(List.of(ticket)).get(0);
        SlaClocks clocks = new SlaClocks();
        clocks.gate = gate();
        clocks.data = tables.data;
        clocks.tables = tables;
        clocks.written = new NoEvents();
        CyclicBarrier editing = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Object> edit = pool.submit(() -> inTransaction(em -> {
                em.createNativeQuery("update " + SCHEMA + ".ticket set priority = 'HIGH', version = version + 1 where id = ?")
                        .setParameter(1, ticket).executeUpdate();
                await(editing);
                pause(500);
                em.createNativeQuery("update " + SCHEMA + ".sla_clock set updated_at = current_timestamp where id = ?")
                        .setParameter(1, clock).executeUpdate();
                return null;
            }));
            Future<Integer> sweep = pool.submit(() -> {
                await(editing);
                return inTransaction(em -> clocks.fireWarnings(List.of(clock), START.plus(Duration.ofMinutes(50))));
            });
            edit.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(1, sweep.get(30, java.util.concurrent.TimeUnit.SECONDS), "the warning fired after the edit committed");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A sweep visit in one transaction: a ticket whose warning and breach are both due gets
     * both entries on its timeline, numbered one after the other (the breach writes after the
     * warning, from the head the visit read once), another ticket its warning; the assignee and
     * the tenant's supervisor are notified of each; the agenda entry is set to the next alarm.
     * While the visit's first statement holds them, the due clocks' tickets are locked.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aVisitFiresTheDueWarningsAndBreachesAndSettlesTheAgenda(String database) throws Exception {
        open(database);
        insertAgendaEntry(START);
        ServiceStandard rule = new ServiceStandard("notify", new Texts("通知", "Notify"), 10, Match.ANY, "24x7", false,
                Map.of(TargetKind.RESOLUTION, Target.parse("PT1H")), Set.of(), 75,
                List.of(new BreachAction(BreachAction.Kind.NOTIFY, null)), 1);
        // Started at 08:00, 08:50 and 13:00: due at 09:00, 09:50 and 14:00, warned 15 minutes before.
        List<Duration> starts = List.of(Duration.ZERO, Duration.ofMinutes(50), Duration.ofHours(5));
        storeRule(rule);
        inTransaction(em -> {
            List<SlaClock> clocks = new ArrayList<>();
            for (int i = 0; i < starts.size(); i++) {
                insertTicket(em, "ticket-" + i, "T-" + i);
                clocks.add(SlaClock.start("ticket-" + i, TargetKind.RESOLUTION, rule, BusinessCalendar.ALWAYS, START.plus(starts.get(i))));
            }
            tables.insert(clocks);
            em.createNativeQuery("update " + SCHEMA + ".ticket set assignee = 'amy' where id = 'ticket-0'").executeUpdate();
            em.createNativeQuery("insert into " + SCHEMA + ".member (id, username, display_name, role, created_at) values ('sue-id', 'sue', 'Sue',"
                    + " 'SUPERVISOR', ?)").setParameter(1, START.atOffset(ZoneOffset.UTC)).executeUpdate();
            return null;
        });
        SlaClocks clocks = new SlaClocks();
        clocks.gate = gate();
        clocks.data = tables.data;
        clocks.tables = tables;
        clocks.written = new NoEvents();
        clocks.store = new StandardsStore() {
            @Override
            public java.util.Optional<ServiceStandard> version(String code, int version) {
                return code.equals(rule.code()) && version == rule.version() ? java.util.Optional.of(rule) : java.util.Optional.empty();
            }
        };
        // Microseconds in it: the entries and notifications must keep the instant to the microsecond.
        Instant now = START.plus(Duration.ofMinutes(100)).plusNanos(123_456_000);

        inTransaction(em -> {
            ClockTables.Due due = tables.dueLocked(now, 10);
            assertEquals(Set.of("ticket-0", "ticket-1"), due.tickets().keySet());
            assertEquals(false, lockableElsewhere("ticket-0"), "the due clocks' tickets are locked by the visit");
            assertEquals(true, lockableElsewhere("ticket-2"), "the others are not");
            return null;
        });

        assertEquals(new SlaClocks.Visit(2, 1, false), inTransaction(em -> clocks.visit(now, 10, false)));
        assertEquals(List.of("3 WARNED", "4 BREACHED"), timeline("ticket-0"));
        assertEquals(List.of("3 WARNED"), timeline("ticket-1"));
        assertEquals(List.of(), timeline("ticket-2"));
        assertEquals(List.of(4L, 2L), inTransaction(em -> {
            Object[] row = (Object[]) em.createNativeQuery("select last_event_seq, version from " + SCHEMA + ".ticket where id = 'ticket-0'")
                    .getSingleResult();
            return List.of(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }), "the head after both entries, the row version moved once per entry");
        assertEquals(List.of("amy sla.breach T-0", "amy sla.warning T-0", "sue sla.breach T-0", "sue sla.warning T-0", "sue sla.warning T-1"),
                inTransaction(em -> em.createNativeQuery("select recipient, kind, ticket_number from " + SCHEMA + ".notification")
                        .getResultList().stream().map(r -> ((Object[]) r)[0] + " " + ((Object[]) r)[1] + " " + ((Object[]) r)[2])
                        .sorted().toList()));
        assertEquals(List.of(3L, 5L), inTransaction(em -> java.util.stream.Stream.of("ticket_event where occurred_at", "notification where created_at")
                .map(t -> ((Number) em.createNativeQuery("select count(*) from " + SCHEMA + "." + t + " = ?")
                        .setParameter(1, now.atOffset(ZoneOffset.UTC)).getSingleResult()).longValue()).toList()),
                "every entry and notification at the visit's instant");
        assertEquals(START.plus(Duration.ofMinutes(110)), agendaEntry(), "the second ticket's breach, at 09:50");
        assertEquals(new SlaClocks.Visit(0, 0, false), inTransaction(em -> clocks.visit(now, 10, false)), "each fires once");
    }

    /** The timeline of a ticket as "seq change" of its SLA entries. */
    private List<String> timeline(String ticketId) {
        return inTransaction(em -> em.createNativeQuery("select seq, data from " + SCHEMA + ".ticket_event where ticket_id = ? order by seq")
                .setParameter(1, ticketId).getResultList().stream().map(r -> {
                    Object[] row = (Object[]) r;
                    String data = row[1] instanceof java.sql.Clob c ? clob(c) : String.valueOf(row[1]);
                    return row[0] + " " + Json.createReader(new java.io.StringReader(data)).readObject().getString("change");
                }).toList());
    }

    private static String clob(java.sql.Clob c) {
        try {
            return c.getSubString(1, (int) c.length());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether another transaction can lock this ticket's row right now (without waiting). */
    private boolean lockableElsewhere(String ticketId) {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            return other.submit(() -> {
                try {
                    inTransaction(em -> em.createNativeQuery("select id from " + SCHEMA + ".ticket where id = ? for update nowait")
                            .setParameter(1, ticketId).getResultList());
                    return true;
                } catch (jakarta.persistence.PersistenceException e) {
                    return false;
                }
            }).get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            other.shutdownNow();
        }
    }

    /** Events nobody observes (the sweep announces its entries to open views; no views here). */
    private static final class NoEvents implements jakarta.enterprise.event.Event<io.kefu.platform.ticket.TimelineEntriesWritten> {
        @Override
        public void fire(io.kefu.platform.ticket.TimelineEntriesWritten event) {
        }

        @Override
        public <U extends io.kefu.platform.ticket.TimelineEntriesWritten> java.util.concurrent.CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends io.kefu.platform.ticket.TimelineEntriesWritten> java.util.concurrent.CompletionStage<U> fireAsync(U event,
                jakarta.enterprise.event.NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public jakarta.enterprise.event.Event<io.kefu.platform.ticket.TimelineEntriesWritten> select(java.lang.annotation.Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends io.kefu.platform.ticket.TimelineEntriesWritten> jakarta.enterprise.event.Event<U> select(Class<U> subtype,
                java.lang.annotation.Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends io.kefu.platform.ticket.TimelineEntriesWritten> jakarta.enterprise.event.Event<U> select(
                jakarta.enterprise.util.TypeLiteral<U> subtype, java.lang.annotation.Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }

    private Instant agendaEntry() {
        Object at = inTransaction(em -> em.createNativeQuery("select next_due_at from " + PlatformSchema.NAME + ".sla_agenda where tenant_code = ?")
                .setParameter(1, TENANT).getSingleResult());
        if (at == null) {
            return null;
        }
        return at instanceof java.sql.Timestamp ts ? ts.toInstant() : ((java.time.OffsetDateTime) at).toInstant();
    }

    private static void await(CyclicBarrier b) {
        try {
            b.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
