package io.kefu.platform.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.kefu.platform.identity.Member;
import io.kefu.platform.identity.Members;
import io.kefu.platform.identity.Role;
import io.kefu.platform.sla.calendar.BusinessCalendar;
import io.kefu.platform.team.Teams;
import io.kefu.platform.tenant.persistence.TenantPersistence;
import io.kefu.platform.ticket.Ticket;
import io.kefu.platform.ticket.TicketChanged;
import io.kefu.platform.ticket.TicketService;
import io.kefu.platform.ticket.TicketStatus;

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
    TicketService tickets;

    @Inject
    Agenda agenda;

    @Inject
    Members members;

    @Inject
    Teams teams;

    Clock clock = Clock.systemUTC();

    /** Rules and calendars read once per transaction or batch. */
    final class Rules {
        private List<ServiceStandard> ordered;
        private final Map<String, BusinessCalendar> calendars = new HashMap<>();
        private final Map<String, ServiceStandard> versions = new HashMap<>();

        List<ServiceStandard> ordered() {
            if (ordered == null) {
                ordered = store.standards();
            }
            return ordered;
        }

        /** The calendar the rule's clocks count in. */
        BusinessCalendar counting(ServiceStandard rule) {
            return SlaClock.counting(rule, calendars.computeIfAbsent(rule.calendar(), store::businessCalendar));
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
            case CREATED, MATCHED_FIELDS -> agenda.lower(evaluate(t, clocks(t.id()), grade(t.customerId()), e.at(),
                    e.change() == TicketChanged.Change.CREATED, rules));
            case STATUS -> status(t, e.from(), e.at(), rules);
            case PUBLIC_REPLY -> stop(t, e.at(), rules, TargetKind.FIRST_RESPONSE, TargetKind.NEXT_RESPONSE);
            case CUSTOMER_MESSAGE -> customerMessage(t, e.at(), rules);
            case CUSTOMER_CONTACT -> stop(t, e.at(), rules, TargetKind.FOLLOW_UP);
            default -> throw new IllegalArgumentException(e.change().name());
        }
    }

    /** The clocks of a ticket, by target. */
    public Map<TargetKind, SlaClock> clocks(String ticketId) {
        return clocksOf(List.of(ticketId)).getOrDefault(ticketId, new EnumMap<>(TargetKind.class));
    }

    private Map<String, Map<TargetKind, SlaClock>> clocksOf(List<String> ticketIds) {
        Map<String, Map<TargetKind, SlaClock>> out = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return out;
        }
        for (SlaClock c : data.entityManager().createQuery("select c from SlaClock c where c.ticketId in :ids", SlaClock.class)
                .setParameter("ids", ticketIds).getResultList()) {
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

    private static Match.Subject subject(Ticket t, String grade) {
        return new Match.Subject(t.kind(), t.category(), t.priority(), grade, t.channel());
    }

    /**
     * Gives the ticket the first matching rule: starts the clocks a new ticket needs, or
     * recomputes running clocks from their start when the rule or its version differs. Stopped
     * clocks keep the rule they were judged by. No rule: running clocks are cancelled.
     */
    Instant evaluate(Ticket t, Map<TargetKind, SlaClock> clocks, String grade, Instant at, boolean created, Rules rules) {
        ServiceStandard rule = ServiceStandard.firstMatch(rules.ordered(), subject(t, grade));
        EntityManager em = data.entityManager();
        List<SlaClock> changed = new ArrayList<>();
        if (rule == null) {
            for (SlaClock c : clocks.values()) {
                if (c.cancel(at)) {
                    changed.add(c);
                }
            }
            return changed.isEmpty() ? null : record(t, at, "UNMATCHED", null, changed);
        }
        boolean current = !clocks.isEmpty() && clocks.values().stream().filter(SlaClock::isRunning)
                .allMatch(c -> c.ruleCode().equals(rule.code()) && c.ruleVersion() == rule.version());
        if (current && !missingClocks(t, rule, clocks)) {
            return null;
        }
        BusinessCalendar cal = rules.counting(rule);
        boolean pausedNow = rule.pausesIn(t.status());
        if (created) {
            // Clocks refer to their ticket: the new ticket's row must be written first.
            em.flush();
        }
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
            } else if (c == null && has && startsFromCreation(k, t)) {
                Instant start = k == TargetKind.FOLLOW_UP ? t.resolvedAt().toInstant() : t.createdAt().toInstant();
                SlaClock fresh = SlaClock.start(t.id(), k, rule, cal, start);
                if (pausedNow) {
                    fresh.pause(at);
                }
                em.persist(fresh);
                clocks.put(k, fresh);
                changed.add(fresh);
            }
        }
        return changed.isEmpty() ? null : record(t, at, created ? "STARTED" : "RECOMPUTED", rule, changed);
    }

    private boolean missingClocks(Ticket t, ServiceStandard rule, Map<TargetKind, SlaClock> clocks) {
        return rule.targets().keySet().stream().anyMatch(k -> !clocks.containsKey(k) && startsFromCreation(k, t));
    }

    /** Targets whose clock runs from the ticket's creation (or resolution) and still matters now. */
    private static boolean startsFromCreation(TargetKind k, Ticket t) {
        return switch (k) {
            case FIRST_RESPONSE -> t.firstResponseAt() == null && t.status().isOpen();
            case RESOLUTION -> t.status().isOpen();
            case FOLLOW_UP -> (t.status() == TicketStatus.RESOLVED || t.status() == TicketStatus.CLOSED) && t.resolvedAt() != null;
            case NEXT_RESPONSE -> false;
        };
    }

    private void status(Ticket t, TicketStatus from, Instant at, Rules rules) {
        Map<TargetKind, SlaClock> clocks = clocks(t.id());
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
        Map<TargetKind, SlaClock> clocks = clocks(t.id());
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
        Map<TargetKind, SlaClock> clocks = clocks(t.id());
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
        JsonObjectBuilder b = Json.createObjectBuilder().add("change", change);
        if (rule != null) {
            b.add("serviceStandard", rule.code()).add("version", rule.version());
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        Instant earliest = null;
        for (SlaClock c : changed) {
            list.add(clockSummary(c));
            Instant alarm = c.nextAlarm();
            if (alarm != null && (earliest == null || alarm.isBefore(earliest))) {
                earliest = alarm;
            }
        }
        tickets.recordServiceStandardEvent(t, at, b.add("clocks", list).build());
        return earliest;
    }

    private static JsonObject clockSummary(SlaClock c) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("target", c.target().member()).add("dueAt", c.dueAt().toString())
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
     * Re-evaluates up to {@code size} open tickets with ids after {@code afterId} (null: from the
     * start) under the current rules, in its own transaction. Null when there were none left.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Batch reevaluateBatch(String afterId, int size) {
        EntityManager em = data.entityManager();
        var query = em.createQuery("select t from Ticket t where t.status in :open"
                        + (afterId == null ? "" : " and t.id > :after") + " order by t.id", Ticket.class)
                .setParameter("open", openStatuses());
        if (afterId != null) {
            query.setParameter("after", afterId);
        }
        List<Ticket> batch = query.setMaxResults(size).getResultList();
        if (batch.isEmpty()) {
            return null;
        }
        List<String> ids = batch.stream().map(Ticket::id).toList();
        Map<String, Map<TargetKind, SlaClock>> clocks = clocksOf(ids);
        Set<String> customerIds = new LinkedHashSet<>();
        batch.forEach(t -> {
            if (t.customerId() != null) {
                customerIds.add(t.customerId());
            }
        });
        Map<String, String> grades = new HashMap<>();
        if (!customerIds.isEmpty()) {
            for (Object[] row : em.createQuery("select c.id, c.grade from Customer c where c.id in :ids", Object[].class)
                    .setParameter("ids", new ArrayList<>(customerIds)).getResultList()) {
                grades.put((String) row[0], (String) row[1]);
            }
        }
        Rules rules = new Rules();
        Instant now = clock.instant();
        Instant earliest = null;
        for (Ticket t : batch) {
            Instant alarm = evaluate(t, clocks.getOrDefault(t.id(), new EnumMap<>(TargetKind.class)), grades.get(t.customerId()), now, false, rules);
            if (alarm != null && (earliest == null || alarm.isBefore(earliest))) {
                earliest = alarm;
            }
        }
        // Once per batch: a bulk UPDATE flushes the persistence context, per ticket it made batches quadratic.
        agenda.lower(earliest);
        return new Batch(batch.size(), batch.get(batch.size() - 1).id());
    }

    /** What one re-evaluation batch did: how many tickets, and the last id (where the next starts). */
    public record Batch(int size, String lastId) {
    }

    static List<TicketStatus> openStatuses() {
        return java.util.Arrays.stream(TicketStatus.values()).filter(TicketStatus::isOpen).toList();
    }

    // ---- the sweep's part ----

    /** Running clocks whose warning is due and has not fired. */
    public List<String> dueWarnings(Instant now, int limit) {
        return data.entityManager().createQuery("select c.id from SlaClock c where c.stoppedAt is null and c.pausedSince is null"
                        + " and c.warnedAt is null and c.warnAt <= :now and c.warnAt < c.dueAt order by c.warnAt", String.class)
                .setParameter("now", now.atOffset(ZoneOffset.UTC)).setMaxResults(limit).getResultList();
    }

    /** Running clocks past their due time whose breach has not fired. */
    public List<String> dueBreaches(Instant now, int limit) {
        return data.entityManager().createQuery("select c.id from SlaClock c where c.stoppedAt is null and c.pausedSince is null"
                        + " and c.breachedAt is null and c.dueAt <= :now order by c.dueAt", String.class)
                .setParameter("now", now.atOffset(ZoneOffset.UTC)).setMaxResults(limit).getResultList();
    }

    /** Sets the tenant's agenda entry to its next alarm (after a sweep visited it). */
    public void settleAgenda() {
        // Bind the tenant's schema to this transaction's EntityManager before the agenda uses it.
        data.entityManager();
        agenda.settle(this::nextAlarm);
    }

    /** The earliest alarm among running clocks, or null. */
    public Instant nextAlarm() {
        EntityManager em = data.entityManager();
        java.time.OffsetDateTime warn = em.createQuery("select min(c.warnAt) from SlaClock c where c.stoppedAt is null and c.pausedSince is null"
                + " and c.warnedAt is null and c.warnAt < c.dueAt", java.time.OffsetDateTime.class).getSingleResult();
        java.time.OffsetDateTime due = em.createQuery("select min(c.dueAt) from SlaClock c where c.stoppedAt is null and c.pausedSince is null"
                + " and c.breachedAt is null", java.time.OffsetDateTime.class).getSingleResult();
        if (warn == null) {
            return due == null ? null : due.toInstant();
        }
        return due == null || warn.isBefore(due) ? warn.toInstant() : due.toInstant();
    }

    /**
     * Fires the warning of one clock, once: the conditional UPDATE succeeds for exactly one
     * transaction however many sweeps run; the others change nothing and do nothing.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean fireWarning(String clockId, Instant now) {
        int won = data.entityManager().createQuery("update SlaClock c set c.warnedAt = :now where c.id = :id and c.warnedAt is null"
                        + " and c.stoppedAt is null and c.pausedSince is null and c.warnAt <= :now")
                .setParameter("now", now.atOffset(ZoneOffset.UTC)).setParameter("id", clockId).executeUpdate();
        if (won != 1) {
            return false;
        }
        SlaClock c = data.entityManager().find(SlaClock.class, clockId);
        data.entityManager().refresh(c);
        Ticket t = ticket(c.ticketId());
        JsonObject details = Json.createObjectBuilder().add("change", "WARNED").add("serviceStandard", c.ruleCode())
                .add("version", c.ruleVersion()).add("clocks", Json.createArrayBuilder().add(clockSummary(c))).build();
        tickets.recordServiceStandardEvent(t, now, details);
        notify(t, c, "sla.warning", now);
        return true;
    }

    /** Fires the breach of one clock once, with the rule's actions, each on the timeline. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean fireBreach(String clockId, Instant now) {
        int won = data.entityManager().createQuery("update SlaClock c set c.breachedAt = :now where c.id = :id and c.breachedAt is null"
                        + " and c.stoppedAt is null and c.pausedSince is null and c.dueAt <= :now")
                .setParameter("now", now.atOffset(ZoneOffset.UTC)).setParameter("id", clockId).executeUpdate();
        if (won != 1) {
            return false;
        }
        SlaClock c = data.entityManager().find(SlaClock.class, clockId);
        data.entityManager().refresh(c);
        Ticket t = ticket(c.ticketId());
        ServiceStandard rule = new Rules().version(c.ruleCode(), c.ruleVersion());
        JsonArrayBuilder done = Json.createArrayBuilder();
        for (BreachAction a : rule.onBreach()) {
            JsonObjectBuilder ab = Json.createObjectBuilder().add("action", a.action().name());
            switch (a.action()) {
                case NOTIFY -> ab.add("notified", notify(t, c, "sla.breach", now));
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
        JsonObject details = Json.createObjectBuilder().add("change", "BREACHED").add("serviceStandard", c.ruleCode())
                .add("version", c.ruleVersion()).add("clocks", Json.createArrayBuilder().add(clockSummary(c)))
                .add("actions", done).build();
        tickets.recordServiceStandardEvent(t, now, details);
        return true;
    }

    private Ticket ticket(String id) {
        return data.entityManager().find(Ticket.class, id);
    }

    /** The assignee and the supervisors (of the ticket's team, else of the tenant) get a notification; returns how many. */
    private int notify(Ticket t, SlaClock c, String kind, Instant now) {
        Set<String> to = new LinkedHashSet<>();
        if (t.assignee() != null) {
            to.add(t.assignee());
        }
        List<String> supervisors = t.teamId() == null ? List.of() : teams.get(t.teamId()).members().stream()
                .filter(m -> m.role() == Role.SUPERVISOR).map(Teams.MemberDetails::username).toList();
        if (supervisors.isEmpty()) {
            supervisors = members.all().stream().filter(m -> m.role() == Role.SUPERVISOR).map(Member::username).toList();
        }
        to.addAll(supervisors);
        String data = Json.createObjectBuilder().add("target", c.target().member()).add("serviceStandard", c.ruleCode())
                .add("dueAt", c.dueAt().toString()).add("subject", t.subject()).build().toString();
        for (String who : to) {
            this.data.entityManager().persist(new Notification(who, kind, t.id(), t.number(), data, now.atOffset(ZoneOffset.UTC)));
        }
        return to.size();
    }

    /** A person's notifications, newest first. */
    public List<Notification> notifications(String recipient, int limit) {
        return data.entityManager().createQuery("select n from Notification n where n.recipient = :r order by n.createdAt desc", Notification.class)
                .setParameter("r", recipient).setMaxResults(limit).getResultList();
    }
}
