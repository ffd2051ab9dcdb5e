package io.kefu.platform.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;

import io.kefu.platform.db.KefuDatabase;
import io.kefu.platform.json.Jsons;
import io.kefu.platform.sla.calendar.BusinessCalendar;
import io.kefu.platform.team.Teams;
import io.kefu.platform.tenant.persistence.TenantPersistence;
import io.kefu.platform.ticket.Ticket;
import io.kefu.platform.ticket.TicketChanged;
import io.kefu.platform.ticket.TicketService;
import io.kefu.platform.ticket.TicketStatus;
import io.kefu.platform.ticket.TimelineEntriesWritten;

/**
 * Runs the clocks of the bound tenant's tickets: starts them when a ticket is created under a
 * matching rule, stops them on the first reply, resolution and follow-up, pauses them in the
 * rule's pause statuses, recomputes them when the matching fields or the rules change, and
 * fires warnings and breaches for the sweep. Every change lands on the ticket's timeline and
 * lowers the tenant's {@link Agenda} entry.
 */
@ApplicationScoped
@Transactional
public class SlaClocks {

    @Inject
    TenantPersistence data;

    @Inject
    StandardsStore store;

    @Inject
    RulesGate gate;

    @Inject
    TicketService tickets;

    @Inject
    Agenda agenda;

    @Inject
    Teams teams;

    @Inject
    ClockTables tables;

    @Inject
    Event<TimelineEntriesWritten> written;

    Clock clock = Clock.systemUTC();


    /** Rules and calendars read once per transaction or batch. */
    final class Rules {
        private List<ServiceStandard> ordered;
        private final Map<String, BusinessCalendar> calendars = new HashMap<>();
        private final Map<String, ServiceStandard> versions = new HashMap<>();
        private boolean held;

        List<ServiceStandard> ordered() {
            if (ordered == null) {
                hold();
                ordered = store.standards();
            }
            return ordered;
        }

        /** The calendar the rule's clocks count in. */
        BusinessCalendar counting(ServiceStandard rule) {
            hold();
            return SlaClock.counting(rule, calendars.computeIfAbsent(rule.calendar(), store::businessCalendar));
        }

        /**
         * The current rules and calendars are read under the gate ({@link RulesGate}): a change
         * that commits after them waits for this transaction. Versions are not: they never change.
         */
        private void hold() {
            if (!held) {
                gate.hold();
                held = true;
            }
        }

        ServiceStandard version(String code, int version) {
            return versions.computeIfAbsent(code + "@" + version, k -> store.version(code, version)
                    .orElseThrow(() -> new IllegalStateException("rule " + k + " is missing from its history")));
        }
    }

    void on(@Observes TicketChanged e) {
        Rules rules = new Rules();
        Ticket t = e.ticket();
        switch (e.change()) {
            case CREATED, MATCHED_FIELDS -> {
                boolean created = e.change() == TicketChanged.Change.CREATED;
                agenda.lower(save(t, evaluate(ClockInputs.of(t, grade(t.customerId())), created ? clocks(t.id()) : heldClocks(t), e.at(), created, rules), e.at(), created));
            }
            case STATUS -> status(t, e.from(), e.at(), rules);
            case PUBLIC_REPLY -> stop(t, e.at(), rules, TargetKind.FIRST_RESPONSE, TargetKind.NEXT_RESPONSE);
            case CUSTOMER_MESSAGE -> customerMessage(t, e.at(), rules);
            case CUSTOMER_CONTACT -> stop(t, e.at(), rules, TargetKind.FOLLOW_UP);
            // Nothing a clock measures or a rule matches on: an assignment keeps the status, notes are not replies.
            case FIELDS, ASSIGNMENT, INTERNAL_NOTE, ATTACHMENT, SERVICE_STANDARD -> { }
            default -> throw new IllegalArgumentException(e.change().name());
        }
    }

    /**
     * Holds the ticket's row before its clocks are read: a rule change's page locks the rows of
     * the tickets it recomputes and does not move their row version (ADR 0012, fifth
     * amendment), so a ticket change that reads the clocks must wait for a page holding its
     * ticket and then read what the page wrote, or the page would wait for it. Usually the
     * change's own UPDATE of the ticket holds the row already. Pending changes are flushed
     * first so that the clocks can be read back from the database ({@link #clocksOf}). Every
     * change of an existing ticket reads its clocks through here; a new ticket's are read plainly
     * (no page can hold a ticket not yet committed).
     */
    private Map<TargetKind, SlaClock> heldClocks(Ticket t) {
        data.entityManager().flush();
        tables.lockTicket(t.id());
        return clocks(t.id());
    }

    /** The clocks of a ticket, by target. */
    public Map<TargetKind, SlaClock> clocks(String ticketId) {
        return clocksOf(List.of(ticketId)).getOrDefault(ticketId, new EnumMap<>(TargetKind.class));
    }

    /** The clocks of many tickets in one query, by ticket and target; tickets without clocks are absent. */
    public Map<String, Map<TargetKind, SlaClock>> clocksOf(List<String> ticketIds) {
        Map<String, Map<TargetKind, SlaClock>> out = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return out;
        }
        // Refreshed: a clock this transaction loaded before its ticket's lock may have been recomputed by a rule change since.
        for (SlaClock c : data.entityManager().createQuery("select c from SlaClock c where c.ticketId in :ids", SlaClock.class)
                .setParameter("ids", ticketIds).setHint(QueryHints.REFRESH, HintValues.TRUE).getResultList()) {
            out.computeIfAbsent(c.ticketId(), k -> new EnumMap<>(TargetKind.class)).put(c.target(), c);
        }
        return out;
    }

    private String grade(String customerId) {
        if (customerId == null) {
            return null;
        }
        return data.entityManager().createQuery("select c.grade from Customer c where c.id = :id", String.class)
                .setParameter("id", customerId).getResultStream().findFirst().orElse(null);
    }

    /**
     * What evaluating one ticket did: the clocks it started (to be written as new), every clock
     * it changed (the new ones too, in target order) and the word for it on the timeline.
     */
    record Evaluation(String change, ServiceStandard rule, List<SlaClock> started, List<SlaClock> changed) {

        JsonObject details() {
            return SlaClocks.details(change, rule, changed);
        }

        Instant earliestAlarm() {
            return SlaClocks.earliestAlarm(changed);
        }
    }

    /**
     * Gives the ticket the first matching rule: starts the clocks a new ticket needs, or
     * recomputes running clocks from their start when the rule or its version differs. Stopped
     * clocks keep the rule they were judged by. No rule: running clocks are cancelled. Changes
     * the clocks in memory only; null when nothing changed.
     */
    Evaluation evaluate(ClockInputs t, Map<TargetKind, SlaClock> clocks, Instant at, boolean created, Rules rules) {
        ServiceStandard rule = ServiceStandard.firstMatch(rules.ordered(), t.subject());
        List<SlaClock> changed = new ArrayList<>();
        List<SlaClock> started = new ArrayList<>();
        if (rule == null) {
            for (SlaClock c : clocks.values()) {
                if (c.cancel(at)) {
                    changed.add(c);
                }
            }
            return changed.isEmpty() ? null : new Evaluation("UNMATCHED", null, started, changed);
        }
        boolean current = !clocks.isEmpty() && clocks.values().stream().filter(SlaClock::isRunning)
                .allMatch(c -> c.ruleCode().equals(rule.code()) && c.ruleVersion() == rule.version());
        if (current && rule.targets().keySet().stream().allMatch(k -> clocks.containsKey(k) || !t.startsFromCreation(k))) {
            return null;
        }
        BusinessCalendar cal = rules.counting(rule);
        boolean pausedNow = rule.pausesIn(t.status());
        for (TargetKind k : TargetKind.values()) {
            SlaClock c = clocks.get(k);
            boolean has = rule.targets().containsKey(k);
            if (c != null && c.isRunning()) {
                if (!has) {
                    c.cancel(at);
                } else if (!(c.ruleCode().equals(rule.code()) && c.ruleVersion() == rule.version())) {
                    c.apply(rule, cal, at);
                } else {
                    continue;
                }
                changed.add(c);
            } else if (c == null && has && t.startsFromCreation(k)) {
                SlaClock fresh = SlaClock.start(t.ticketId(), k, rule, cal, t.startOf(k));
                if (pausedNow) {
                    fresh.pause(at);
                }
                clocks.put(k, fresh);
                started.add(fresh);
                changed.add(fresh);
            }
        }
        return changed.isEmpty() ? null : new Evaluation(created ? "STARTED" : "RECOMPUTED", rule, started, changed);
    }

    /** Writes one ticket's evaluation through the EntityManager; returns its earliest alarm for the agenda. */
    private Instant save(Ticket t, Evaluation e, Instant at, boolean created) {
        if (e == null) {
            return null;
        }
        EntityManager em = data.entityManager();
        if (created && !e.started().isEmpty()) {
            // Clocks refer to their ticket: the new ticket's row must be written first.
            em.flush();
        }
        e.started().forEach(em::persist);
        tickets.recordServiceStandardEvent(t, at, e.details());
        return e.earliestAlarm();
    }

    private void status(Ticket t, TicketStatus from, Instant at, Rules rules) {
        Map<TargetKind, SlaClock> clocks = heldClocks(t);
        if (clocks.isEmpty()) {
            return;
        }
        ServiceStandard rule = ruleOf(clocks, rules);
        BusinessCalendar cal = rules.counting(rule);
        TicketStatus to = t.status();
        List<SlaClock> changed = new ArrayList<>();
        switch (to) {
            case RESOLVED -> {
                for (TargetKind k : List.of(TargetKind.FIRST_RESPONSE, TargetKind.NEXT_RESPONSE, TargetKind.RESOLUTION)) {
                    stopOne(clocks.get(k), at, cal, changed);
                }
                if (rule.targets().containsKey(TargetKind.FOLLOW_UP)) {
                    SlaClock f = clocks.get(TargetKind.FOLLOW_UP);
                    if (f == null) {
                        f = SlaClock.start(t.id(), TargetKind.FOLLOW_UP, rule, cal, at);
                        data.entityManager().persist(f);
                    } else {
                        f.restart(at, rule, cal);
                    }
                    changed.add(f);
                }
            }
            case CANCELLED -> clocks.values().forEach(c -> {
                if (c.cancel(at)) {
                    changed.add(c);
                }
            });
            case ARCHIVED -> stopOne(clocks.get(TargetKind.FOLLOW_UP), at, cal, changed);
            case REOPENED -> {
                SlaClock r = clocks.get(TargetKind.RESOLUTION);
                if (r != null && !r.isRunning() && r.outcome() != SlaClock.Outcome.CANCELLED) {
                    r.continueAfterStop(at, cal);
                    changed.add(r);
                }
                SlaClock f = clocks.get(TargetKind.FOLLOW_UP);
                if (f != null && f.cancel(at)) {
                    changed.add(f);
                }
            }
            default -> {
            }
        }
        boolean wasPaused = rule.pausesIn(from);
        boolean paused = rule.pausesIn(to);
        for (SlaClock c : clocks.values()) {
            if (!wasPaused && paused && c.pause(at) || wasPaused && !paused && c.resume(at, cal)) {
                if (!changed.contains(c)) {
                    changed.add(c);
                }
            }
        }
        if (!changed.isEmpty()) {
            timeline(t, at, "STATUS_" + to.name(), rule, changed);
        }
    }

    private static void stopOne(SlaClock c, Instant at, BusinessCalendar cal, List<SlaClock> changed) {
        if (c != null && c.stop(at, cal)) {
            changed.add(c);
        }
    }

    private void stop(Ticket t, Instant at, Rules rules, TargetKind... targets) {
        Map<TargetKind, SlaClock> clocks = heldClocks(t);
        if (clocks.isEmpty()) {
            return;
        }
        ServiceStandard rule = ruleOf(clocks, rules);
        BusinessCalendar cal = rules.counting(rule);
        List<SlaClock> changed = new ArrayList<>();
        for (TargetKind k : targets) {
            stopOne(clocks.get(k), at, cal, changed);
        }
        if (!changed.isEmpty()) {
            timeline(t, at, "STOPPED", rule, changed);
        }
    }

    private void customerMessage(Ticket t, Instant at, Rules rules) {
        Map<TargetKind, SlaClock> clocks = heldClocks(t);
        if (clocks.isEmpty() || !t.status().isOpen()) {
            return;
        }
        ServiceStandard rule = ruleOf(clocks, rules);
        if (!rule.targets().containsKey(TargetKind.NEXT_RESPONSE)) {
            return;
        }
        BusinessCalendar cal = rules.counting(rule);
        SlaClock c = clocks.get(TargetKind.NEXT_RESPONSE);
        if (c != null && c.isRunning()) {
            return;
        }
        if (c == null) {
            c = SlaClock.start(t.id(), TargetKind.NEXT_RESPONSE, rule, cal, at);
            data.entityManager().persist(c);
        } else {
            c.restart(at, rule, cal);
        }
        if (rule.pausesIn(t.status())) {
            c.pause(at);
        }
        timeline(t, at, "STARTED", rule, List.of(c));
    }

    /** The rule the ticket's clocks run under: a running clock's, else the last one stopped. */
    private ServiceStandard ruleOf(Map<TargetKind, SlaClock> clocks, Rules rules) {
        SlaClock pick = clocks.values().stream().filter(SlaClock::isRunning).findFirst()
                .orElseGet(() -> clocks.values().stream().max(java.util.Comparator.comparing(SlaClock::stoppedAt)).orElseThrow());
        return rules.version(pick.ruleCode(), pick.ruleVersion());
    }

    /** On the timeline (what changed, the due times now) and into the tenant's agenda. */
    private void timeline(Ticket t, Instant at, String change, ServiceStandard rule, List<SlaClock> changed) {
        agenda.lower(record(t, at, change, rule, changed));
    }

    /** On the timeline; returns the earliest alarm of the changed clocks (null: none) for the agenda. */
    private Instant record(Ticket t, Instant at, String change, ServiceStandard rule, List<SlaClock> changed) {
        tickets.recordServiceStandardEvent(t, at, details(change, rule, changed));
        return earliestAlarm(changed);
    }

    /** A timeline entry's details: what changed, under which rule, and the clocks' due times now. */
    static JsonObject details(String change, ServiceStandard rule, List<SlaClock> changed) {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("change", change);
        if (rule != null) {
            b.add("serviceStandard", rule.code()).add("version", rule.version());
        }
        JsonArrayBuilder list = Jsons.createArrayBuilder();
        changed.forEach(c -> list.add(clockSummary(c)));
        return b.add("clocks", list).build();
    }

    /**
     * {@link #details} as JSON text, written directly: a rule change writes one for every open
     * ticket it recomputes, and building the JSON-P object and serializing it through its writer
     * took a sixth of the page threads' CPU (a flight recording of bench/sla.sh, 2026-12-03). The
     * same document; {@code SlaClocksDetailsTest} holds the two to it.
     */
    static String detailsText(String change, ServiceStandard rule, List<SlaClock> changed) {
        StringBuilder b = new StringBuilder(64 + 96 * changed.size());
        b.append("{\"change\":");
        jsonString(b, change);
        if (rule != null) {
            b.append(",\"serviceStandard\":");
            jsonString(b, rule.code());
            b.append(",\"version\":").append(rule.version());
        }
        b.append(",\"clocks\":[");
        for (int i = 0; i < changed.size(); i++) {
            SlaClock c = changed.get(i);
            b.append(i == 0 ? "{\"target\":" : ",{\"target\":");
            jsonString(b, c.target().member());
            b.append(",\"dueAt\":\"");
            appendInstant(b, c.dueAt());
            b.append('"');
            b.append(",\"paused\":").append(c.isPaused());
            if (c.outcome() != null) {
                b.append(",\"outcome\":");
                jsonString(b, c.outcome().name());
            }
            if (c.breachedBy() != null) {
                b.append(",\"breachedBy\":");
                jsonString(b, c.breachedBy().toString());
            }
            b.append('}');
        }
        return b.append("]}").toString();
    }

    /**
     * Appends {@code at} as {@link Instant#toString()} writes it (ISO-8601 in UTC, seconds always,
     * a fraction in groups of three digits as needed), without going through a
     * DateTimeFormatter: a flight recording of a rule change over 100,000 tickets (2026-12-03
     * 16:50) had the history's text at a seventh of the page threads' samples, most of it
     * formatting due times. Years outside 0 to 9999 (never a due time) go through toString.
     */
    static void appendInstant(StringBuilder b, Instant at) {
        long seconds = at.getEpochSecond();
        if (seconds < YEAR_0 || seconds >= YEAR_10000) {
            b.append(at);
            return;
        }
        java.time.LocalDate day = java.time.LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        int second = (int) Math.floorMod(seconds, 86_400L);
        digits(b, day.getYear(), 4).append('-');
        digits(b, day.getMonthValue(), 2).append('-');
        digits(b, day.getDayOfMonth(), 2).append('T');
        digits(b, second / 3600, 2).append(':');
        digits(b, second / 60 % 60, 2).append(':');
        digits(b, second % 60, 2);
        int nano = at.getNano();
        if (nano != 0) {
            b.append('.');
            if (nano % 1_000_000 == 0) {
                digits(b, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                digits(b, nano / 1_000, 6);
            } else {
                digits(b, nano, 9);
            }
        }
        b.append('Z');
    }

    private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    /** Appends {@code value} (not negative) with leading zeros to {@code width} digits. */
    private static StringBuilder digits(StringBuilder b, int value, int width) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(text);
    }

    /** A JSON string: quotation marks, backslashes and control characters escaped (RFC 8259). */
    private static void jsonString(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') {
                b.append('\\').append(ch);
            } else if (ch < 0x20) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        b.append('"');
    }

    static Instant earliestAlarm(List<SlaClock> clocks) {
        Instant earliest = null;
        for (SlaClock c : clocks) {
            earliest = earlier(earliest, c.nextAlarm());
        }
        return earliest;
    }

    /** The earlier of two instants, either of which may be null (none). */
    static Instant earlier(Instant a, Instant b) {
        return a == null || b != null && b.isBefore(a) ? b : a;
    }

    private static JsonObject clockSummary(SlaClock c) {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("target", c.target().member()).add("dueAt", c.dueAt().toString())
                .add("paused", c.isPaused());
        if (c.outcome() != null) {
            b.add("outcome", c.outcome().name());
        }
        if (c.breachedBy() != null) {
            b.add("breachedBy", c.breachedBy().toString());
        }
        return b.build();
    }

    // ---- re-evaluation after a rule change ----

    /**
     * Re-evaluates the open tickets with ids in ({@code afterId}, {@code lastId}] (either null:
     * unbounded) under the current rules, in its own transaction and set-based (ADR 0012): one
     * query reads and locks the page's tickets, one reads their clocks; the rules and calendars
     * run in memory; the changes go back in a few statements (the history of each ticket's
     * recompute, new clocks, recomputed clocks), and the page's earliest alarm lowers the agenda
     * once, so the sweep picks up whatever became due. The tickets' rows are locked, not
     * rewritten: a ticket changed meanwhile waits for the page, then recomputes from its clocks
     * (fifth amendment). Returns how many tickets the page held.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int reevaluateRange(String afterId, String lastId, String actor) {
        List<ClockInputs> page = tables.lockOpenTickets(afterId, lastId);
        if (page.isEmpty()) {
            return 0;
        }
        Map<String, Map<TargetKind, SlaClock>> clocks = tables.clocksOfTickets(afterId, page.get(page.size() - 1).ticketId());
        Rules rules = new Rules();
        Instant now = clock.instant();
        List<SlaClock> started = new ArrayList<>();
        List<SlaClock> recomputed = new ArrayList<>();
        List<ClockTables.Entry> entries = new ArrayList<>();
        Instant earliest = null;
        for (ClockInputs t : page) {
            String id = t.ticketId();
            Evaluation e = evaluate(t, clocks.computeIfAbsent(id, k -> new EnumMap<>(TargetKind.class)), now, false, rules);
            if (e == null) {
                continue;
            }
            started.addAll(e.started());
            e.changed().stream().filter(c -> !e.started().contains(c)).forEach(recomputed::add);
            entries.add(new ClockTables.Entry(id, now, detailsText(e.change(), e.rule(), e.changed())));
            earliest = earlier(earliest, e.earliestAlarm());
        }
        tables.recordRecomputes(entries, actor);
        tables.insert(started);
        tables.update(recomputed);
        agenda.lower(earliest);
        return page.size();
    }

    /** Where the bound tenant's re-evaluation pages of {@code size} open tickets end (see {@link ClockTables#pageBounds}). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> pageBounds(int size) {
        return tables.pageBounds(size);
    }

    static List<TicketStatus> openStatuses() {
        return java.util.Arrays.stream(TicketStatus.values()).filter(TicketStatus::isOpen).toList();
    }

    // ---- the sweep's part ----

    /** Running clocks whose warning is due and has not fired, the most overdue first. */
    public List<String> dueWarnings(Instant now, int limit) {
        return tables.due(true, now, limit);
    }

    /** Running clocks past their due time whose breach has not fired, the most overdue first. */
    public List<String> dueBreaches(Instant now, int limit) {
        return tables.due(false, now, limit);
    }

    /**
     * The sweep's whole visit to the bound tenant in one transaction, for the usual case of a few
     * due clocks: its due warnings and breaches (up to a page of each) fired, and its agenda entry
     * settled. Four transactions per visit became one, and the visit works through JDBC alone
     * unless told {@code withEntities}: the EntityManager's set-up for the tenant was the largest
     * single cost of a visit, and a period that finds a little due in many tenants is made of
     * such visits (ADR 0012, docs/benchmarks.md). Returns null, having changed nothing, when a
     * page is full (a burst): the sweep then fires page by page, a transaction each. Returns
     * {@link Visit#needsEntities()}, having changed nothing, when a due breach's rule changes its
     * ticket (priority, tag, team: edits go through the ticket service) and the visit was made
     * without entities: the sweep visits again with them. Exactly once still rests on each
     * clock's guarded UPDATE; a failure rolls the whole visit back, and the sweep goes page by page.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Visit visit(Instant now, int page, boolean withEntities) {
        if (!withEntities) {
            data.jdbcOnly(KefuDatabase.Pool.SWEEP);
        }
        // One statement: the due clocks, their rules, their tickets locked (on PostgreSQL).
        ClockTables.Due due = tables.dueLocked(now, page);
        if (due.full(page)) {
            return null;
        }
        Rules rules = new Rules();
        if (!withEntities && due.breaches().stream().map(due.rules()::get).anyMatch(r -> editsTicket(rules.version(r.code(), r.version())))) {
            return Visit.NEEDS_ENTITIES;
        }
        int warned = due.warnings().isEmpty() ? 0 : warn(due.tickets(), due.warnings(), now);
        int breached = due.breaches().isEmpty() ? 0 : breach(due.tickets(), due.breaches(), now, rules);
        settle(now);
        return new Visit(warned, breached, false);
    }

    /** What one visit fired; or that it must be made again with entities. */
    public record Visit(int warnings, int breaches, boolean needsEntities) {
        static final Visit NEEDS_ENTITIES = new Visit(0, 0, true);
    }

    private static boolean editsTicket(ServiceStandard rule) {
        return rule.onBreach().stream().anyMatch(a -> a.action() != BreachAction.Kind.NOTIFY);
    }

    /** Sets the tenant's agenda entry to its next alarm (after a sweep fired its due clocks page by page), through JDBC alone. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void settleAgenda(Instant now) {
        data.jdbcOnly(KefuDatabase.Pool.SWEEP);
        settle(now);
    }

    /**
     * Locks the agenda entry, then sets it to the next alarm: SQL, as under TABLE_PER_TENANT each
     * EntityManager would parse JPQL anew; the lock first, in a statement of its own
     * ({@link ClockTables#settleAgenda} says why). Pending entity changes are flushed first: a
     * breach's edits may have moved clocks.
     */
    private void settle(Instant now) {
        data.flushIfUsed();
        if (tables.lockAgenda()) {
            tables.settleAgenda(now);
        }
    }

    /**
     * Fires the warnings of a page of clocks in one transaction; returns how many fired here.
     * One batch of conditional UPDATEs claims them: each warning is won by exactly one
     * transaction however many sweeps run (ADR 0008), and only the won ones get their timeline
     * entry and notifications, written in batches.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int fireWarnings(List<String> clockIds, Instant now) {
        // A warning only notifies: no entity is needed.
        data.jdbcOnly(KefuDatabase.Pool.SWEEP);
        // The tickets first, then their clocks: the order a ticket edit takes.
        return warn(tables.lockTicketsOfClocks(clockIds), clockIds, now);
    }

    /**
     * Not through the bean's proxy: a visit fires in its own transaction, not in new ones. The
     * tickets of the clocks are locked already ({@code locked}: a visit's breaches use it too).
     */
    private int warn(Map<String, ClockTables.TicketRow> locked, List<String> clockIds, Instant now) {
        List<SlaClock> won = tables.claimClocks(clockIds, true, now);
        Map<String, ClockTables.TicketRow> rows = new HashMap<>(locked);
        rows.keySet().retainAll(won.stream().map(SlaClock::ticketId).collect(java.util.stream.Collectors.toSet()));
        Recipients recipients = new Recipients(rows.values());
        List<ClockTables.Entry> entries = new ArrayList<>();
        List<Notification> notes = new ArrayList<>();
        for (SlaClock c : won) {
            ClockTables.TicketRow t = rows.get(c.ticketId());
            entries.add(new ClockTables.Entry(t.id(), now, fired("WARNED", c, null).toString()));
            notes.addAll(recipients.notifications(t, c, "sla.warning", now));
        }
        write(entries, rows, notes, locked);
        return won.size();
    }

    /**
     * Fires the breaches of a page of clocks in one transaction, with their rules' actions, and
     * returns how many fired here. Claimed like warnings. Breaches whose actions only notify are
     * written in batches; a breach that changes its ticket (priority, tag, team) goes through
     * the ticket service like any other edit, with its audit and its own timeline entries.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int fireBreaches(List<String> clockIds, Instant now) {
        return breach(tables.lockTicketsOfClocks(clockIds), clockIds, now, new Rules());
    }

    /** As {@link #warn}: the tickets of the clocks are locked already. */
    private int breach(Map<String, ClockTables.TicketRow> locked, List<String> clockIds, Instant now, Rules rules) {
        List<SlaClock> won = tables.claimClocks(clockIds, false, now);
        Set<String> editing = new HashSet<>();
        for (SlaClock c : won) {
            if (editsTicket(rules.version(c.ruleCode(), c.ruleVersion()))) {
                editing.add(c.ticketId());
            }
        }
        List<SlaClock> notifying = won.stream().filter(c -> !editing.contains(c.ticketId())).toList();
        Map<String, ClockTables.TicketRow> rows = new HashMap<>(locked);
        rows.keySet().retainAll(notifying.stream().map(SlaClock::ticketId).collect(java.util.stream.Collectors.toSet()));
        Recipients recipients = new Recipients(rows.values());
        List<ClockTables.Entry> entries = new ArrayList<>();
        List<Notification> notes = new ArrayList<>();
        for (SlaClock c : notifying) {
            ClockTables.TicketRow t = rows.get(c.ticketId());
            JsonArrayBuilder done = Jsons.createArrayBuilder();
            for (BreachAction a : rules.version(c.ruleCode(), c.ruleVersion()).onBreach()) {
                List<Notification> told = recipients.notifications(t, c, "sla.breach", now);
                notes.addAll(told);
                done.add(Jsons.createObjectBuilder().add("action", a.action().name()).add("notified", told.size()));
            }
            entries.add(new ClockTables.Entry(t.id(), now, fired("BREACHED", c, done).toString()));
        }
        write(entries, rows, notes, locked);
        for (SlaClock c : won) {
            if (editing.contains(c.ticketId())) {
                breachWithEdits(c, rules.version(c.ruleCode(), c.ruleVersion()), recipients, now);
            }
        }
        return won.size();
    }

    /**
     * Appends the entries (with their notifications) to the timelines of {@code rows}, then moves
     * the heads in {@code locked} on: a visit's breaches write after its warnings, maybe to the
     * same tickets, from the heads the visit read once.
     */
    private void write(List<ClockTables.Entry> entries, Map<String, ClockTables.TicketRow> rows, List<Notification> notes,
            Map<String, ClockTables.TicketRow> locked) {
        Map<String, ClockTables.TimelineHead> heads = new HashMap<>();
        rows.values().forEach(r -> heads.put(r.id(), r.head()));
        if (!tables.append(entries, heads, notes).isEmpty()) {
            throw new IllegalStateException("a ticket locked by this transaction changed under it");
        }
        Map<String, Integer> added = new HashMap<>();
        entries.forEach(e -> added.merge(e.ticketId(), 1, Integer::sum));
        added.forEach((id, n) -> locked.put(id, locked.get(id).after(n)));
        if (!entries.isEmpty()) {
            // Open views hear of it from the rows in hand (the entry moved each row version on by one).
            written.fire(new TimelineEntriesWritten(rows.values().stream().map(r -> new TimelineEntriesWritten.Written(r.number(),
                    r.assignee(), r.teamId(), r.head().version() + 1)).toList(), entries.get(0).at()));
        }
    }

    /** A breach whose actions change the ticket: each action through the ticket service, then the breach on the timeline. */
    private void breachWithEdits(SlaClock c, ServiceStandard rule, Recipients recipients, Instant now) {
        Ticket t = data.entityManager().find(Ticket.class, c.ticketId());
        JsonArrayBuilder done = Jsons.createArrayBuilder();
        for (BreachAction a : rule.onBreach()) {
            JsonObjectBuilder ab = Jsons.createObjectBuilder().add("action", a.action().name());
            switch (a.action()) {
                case NOTIFY -> {
                    List<Notification> told = recipients.notifications(ClockTables.TicketRow.of(t), c, "sla.breach", now);
                    told.forEach(data.entityManager()::persist);
                    ab.add("notified", told.size());
                }
                case RAISE_PRIORITY -> ab.add("done", tickets.raisePriorityForBreach(t, rule.code())).add("priority", t.priority().name());
                case MARK_ESCALATED -> ab.add("done", tickets.markEscalatedForBreach(t, rule.code()));
                case REASSIGN -> {
                    ab.add("team", a.team());
                    if (teams.find(a.team()).isEmpty()) {
                        // Deleted since the rule was written: the breach still counts, the move cannot happen.
                        ab.add("done", false).add("reason", "team.not-found");
                    } else {
                        String assignee = tickets.reassignForBreach(t, a.team(), rule.code());
                        ab.add("done", true);
                        if (assignee != null) {
                            ab.add("assignee", assignee);
                        }
                    }
                }
                default -> throw new IllegalStateException(a.action().name());
            }
            done.add(ab);
        }
        tickets.recordServiceStandardEvent(t, now, fired("BREACHED", c, done));
    }

    /** The timeline's details of a fired warning or breach (with the actions done, for a breach). */
    private static JsonObject fired(String change, SlaClock c, JsonArrayBuilder actions) {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("change", change).add("serviceStandard", c.ruleCode())
                .add("version", c.ruleVersion()).add("clocks", Jsons.createArrayBuilder().add(clockSummary(c)));
        if (actions != null) {
            b.add("actions", actions);
        }
        return b.build();
    }

    /**
     * Who hears of a warning or breach: the ticket's assignee, and the supervisors of its team,
     * else of the tenant. Supervisors are read once per page, in one statement.
     */
    private final class Recipients {
        private final Set<String> teamIds = new HashSet<>();
        private ClockTables.Supervisors supervisors;

        Recipients(Collection<ClockTables.TicketRow> rows) {
            rows.forEach(r -> {
                if (r.teamId() != null) {
                    teamIds.add(r.teamId());
                }
            });
        }

        private List<String> supervisorsOf(String teamId) {
            if (supervisors == null || (teamId != null && teamIds.add(teamId))) {
                // A ticket edited by a breach may be in a team the page did not name.
                supervisors = tables.supervisors(teamIds);
            }
            List<String> ofTeam = teamId == null ? List.of() : supervisors.byTeam().getOrDefault(teamId, List.of());
            return ofTeam.isEmpty() ? supervisors.tenant() : ofTeam;
        }

        List<Notification> notifications(ClockTables.TicketRow t, SlaClock c, String kind, Instant now) {
            Set<String> to = new LinkedHashSet<>();
            if (t.assignee() != null) {
                to.add(t.assignee());
            }
            List<String> supervisors = supervisorsOf(t.teamId());
            to.addAll(supervisors);
            String details = Jsons.createObjectBuilder().add("target", c.target().member()).add("serviceStandard", c.ruleCode())
                    .add("dueAt", c.dueAt().toString()).add("subject", t.subject()).build().toString();
            List<Notification> out = new ArrayList<>(to.size());
            for (String who : to) {
                out.add(new Notification(who, kind, t.id(), t.number(), details, now.atOffset(ZoneOffset.UTC)));
            }
            return out;
        }
    }

}
