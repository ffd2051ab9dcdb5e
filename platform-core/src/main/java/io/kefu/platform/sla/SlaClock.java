package io.kefu.platform.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

import io.kefu.platform.sla.calendar.BusinessCalendar;
import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * One ticket's clock for one target. It starts, pauses while the customer is awaited (the
 * paused working time moves the due time later), stops met or breached, and is recomputed from
 * its start when the ticket's rule changes. {@code warnedAt} and {@code breachedAt} record that
 * the warning and the breach have fired; the sweep sets them with a conditional UPDATE so that
 * each fires once, whichever node sweeps (ADR 0008). A recompute never clears them.
 *
 * <p>Every method takes the calendar in which the clock counts: the rule's calendar in business
 * time, {@link BusinessCalendar#ALWAYS} in elapsed time ({@link #counting}).
 */
@Entity
@Table(name = "sla_clock")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantPersistence.TENANT_PROPERTY)
public class SlaClock {

    /** How a clock ended. */
    public enum Outcome { MET, BREACHED, CANCELLED }

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "ticket_id", nullable = false)
    private String ticketId;

    @Enumerated(EnumType.STRING)
    @Column(name = "target", nullable = false)
    private TargetKind target;

    @Column(name = "rule_code", nullable = false)
    private String ruleCode;

    @Column(name = "rule_version", nullable = false)
    private int ruleVersion;

    @Column(name = "calendar_code", nullable = false)
    private String calendarCode;

    @Column(name = "business_time", nullable = false)
    private boolean businessTime;

    @Column(name = "target_iso", nullable = false)
    private String targetIso;

    @Column(name = "warn_percent")
    private Integer warnPercent;

    @Column(name = "cycle", nullable = false)
    private int cycle;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    @Column(name = "due_at", nullable = false)
    private OffsetDateTime dueAt;

    @Column(name = "warn_at")
    private OffsetDateTime warnAt;

    @Column(name = "target_millis", nullable = false)
    private long targetMillis;

    @Column(name = "paused_since")
    private OffsetDateTime pausedSince;

    @Column(name = "paused_millis", nullable = false)
    private long pausedMillis;

    @Column(name = "stopped_at")
    private OffsetDateTime stoppedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome")
    private Outcome outcome;

    @Column(name = "breached_by_millis")
    private Long breachedByMillis;

    @Column(name = "warned_at")
    private OffsetDateTime warnedAt;

    @Column(name = "breached_at")
    private OffsetDateTime breachedAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    /**
     * Where the sweep finds this clock (ADR 0012, eighth amendment), for a running clock that is
     * not paused. For a target the sweep can find by rule ({@link #alarmKeyed}): the start as a
     * position on the counting calendar's working time plus the paused time, so that the warning
     * is due at {@code alarmKey + target × warn% } and the breach at {@code alarmKey + target};
     * a new target leaves it as it is, and so a rule change rewrites no indexed column.
     */
    @Column(name = "alarm_key")
    private Long alarmKey;

    /** For the other clocks (targets in working days, follow-ups): the next alarm itself ({@link #nextAlarm}). */
    @Column(name = "alarm_at")
    private OffsetDateTime alarmAt;

    protected SlaClock() {
    }

    /** A running clock for {@code target} of {@code rule}, started at {@code at}. */
    public static SlaClock start(String ticketId, TargetKind target, ServiceStandard rule, BusinessCalendar calendar, Instant at) {
        SlaClock c = new SlaClock();
        c.id = UUID.randomUUID().toString();
        c.ticketId = ticketId;
        c.target = target;
        c.cycle = 1;
        c.startedAt = odt(at);
        c.apply(rule, calendar, at);
        return c;
    }

    /**
     * A clock as stored, read by the set-based paths ({@link ClockTables}) without an
     * EntityManager; the row's columns in table order.
     */
    static SlaClock restore(String id, String ticketId, TargetKind target, String ruleCode, int ruleVersion, String calendarCode,
                            boolean businessTime, String targetIso, Integer warnPercent, int cycle, OffsetDateTime startedAt,
                            OffsetDateTime dueAt, OffsetDateTime warnAt, long targetMillis, OffsetDateTime pausedSince, long pausedMillis,
                            OffsetDateTime stoppedAt, Outcome outcome, Long breachedByMillis, OffsetDateTime warnedAt,
                            OffsetDateTime breachedAt, OffsetDateTime updatedAt, Long alarmKey, OffsetDateTime alarmAt) {
        SlaClock c = new SlaClock();
        c.id = id;
        c.ticketId = ticketId;
        c.target = target;
        c.ruleCode = ruleCode;
        c.ruleVersion = ruleVersion;
        c.calendarCode = calendarCode;
        c.businessTime = businessTime;
        c.targetIso = targetIso;
        c.warnPercent = warnPercent;
        c.cycle = cycle;
        c.startedAt = startedAt;
        c.dueAt = dueAt;
        c.warnAt = warnAt;
        c.targetMillis = targetMillis;
        c.pausedSince = pausedSince;
        c.pausedMillis = pausedMillis;
        c.stoppedAt = stoppedAt;
        c.outcome = outcome;
        c.breachedByMillis = breachedByMillis;
        c.warnedAt = warnedAt;
        c.breachedAt = breachedAt;
        c.updatedAt = updatedAt;
        c.alarmKey = alarmKey;
        c.alarmAt = alarmAt;
        return c;
    }

    /**
     * Whether the sweep finds clocks of this target by their rule and {@link #alarmKey}: when the
     * target is the same working time from any start (hours in business time; anything in
     * elapsed time). A target in working days ends with a working day, whose length depends on
     * the start's date; a follow-up runs on a resolved ticket, which a rule change does not
     * re-evaluate, so it may keep an older version's target for good: both carry their alarm
     * instant instead ({@link #alarmAt}).
     */
    static boolean alarmKeyed(TargetKind target, boolean businessTime, Target t) {
        return target != TargetKind.FOLLOW_UP && (!businessTime || t.days() == 0);
    }

    /**
     * The working milliseconds of a keyed target: what a clock's {@link #targetMillis} is for it
     * from any start, and so what the sweep adds to the key.
     */
    static long keyedTargetMillis(boolean businessTime, Target t) {
        return (businessTime ? 0 : Duration.ofDays(t.days()).toMillis()) + t.time().toMillis();
    }

    /** The part of a keyed target after which the warning is due, as a recompute rounds it. */
    static long warnMillis(long targetMillis, int warnPercent) {
        return targetMillis * warnPercent / 100;
    }

    /** The calendar a rule's clocks count in. */
    public static BusinessCalendar counting(ServiceStandard rule, BusinessCalendar ruleCalendar) {
        return rule.businessTime() ? ruleCalendar : BusinessCalendar.ALWAYS;
    }

    /** Takes the rule's target for this clock (a new rule or version) and recomputes from the start. */
    public void apply(ServiceStandard rule, BusinessCalendar calendar, Instant now) {
        Target t = rule.targets().get(target);
        if (t == null) {
            throw new IllegalArgumentException("rule " + rule.code() + " has no " + target.member() + " target");
        }
        ruleCode = rule.code();
        ruleVersion = rule.version();
        calendarCode = rule.calendar();
        businessTime = rule.businessTime();
        targetIso = t.iso();
        warnPercent = rule.warnAtPercent();
        Instant start = startedAt.toInstant();
        Instant base = calendar.due(start, t.days(), t.time(), businessTime);
        targetMillis = calendar.workingTimeBetween(start, base).toMillis();
        recompute(calendar);
        updatedAt = odt(now);
    }

    private void recompute(BusinessCalendar calendar) {
        Instant start = startedAt.toInstant();
        Target t = Target.parse(targetIso);
        Instant base = calendar.due(start, t.days(), t.time(), businessTime);
        dueAt = odt(calendar.addWorkingTime(base, Duration.ofMillis(pausedMillis)));
        warnAt = warnPercent == null ? null
                : odt(calendar.addWorkingTime(start, Duration.ofMillis(warnMillis(targetMillis, warnPercent) + pausedMillis)));
        placeAlarm(calendar, t);
    }

    /** Sets {@link #alarmKey} or {@link #alarmAt} (or neither, when stopped or paused) from the clock as it now is. */
    private void placeAlarm(BusinessCalendar calendar, Target t) {
        alarmKey = null;
        alarmAt = null;
        if (!isRunning() || pausedSince != null) {
            return;
        }
        if (alarmKeyed(target, businessTime, t)) {
            alarmKey = calendar.position(startedAt.toInstant()) + pausedMillis;
        } else {
            Instant next = nextAlarm();
            alarmAt = next == null ? null : odt(next);
        }
    }

    /** Not running or paused: no alarm for the sweep to find. */
    private void clearAlarm() {
        alarmKey = null;
        alarmAt = null;
    }

    /** Stops counting until {@link #resume}; nothing when not running or already paused. */
    public boolean pause(Instant at) {
        if (!isRunning() || pausedSince != null) {
            return false;
        }
        pausedSince = odt(at);
        clearAlarm();
        updatedAt = pausedSince;
        return true;
    }

    /** Counts again; the due time moves later by the working time the pause took. */
    public boolean resume(Instant at, BusinessCalendar calendar) {
        if (pausedSince == null) {
            return false;
        }
        pausedMillis += calendar.workingTimeBetween(pausedSince.toInstant(), at).toMillis();
        pausedSince = null;
        recompute(calendar);
        updatedAt = odt(at);
        return true;
    }

    /** The target is reached at {@code at}: met if not later than the due time, else breached by the working time over. */
    public boolean stop(Instant at, BusinessCalendar calendar) {
        if (!isRunning()) {
            return false;
        }
        resume(at, calendar);
        stoppedAt = odt(at);
        clearAlarm();
        Duration late = calendar.workingTimeBetween(dueAt.toInstant(), at);
        boolean overdue = at.isAfter(dueAt.toInstant());
        outcome = overdue || breachedAt != null ? Outcome.BREACHED : Outcome.MET;
        breachedByMillis = overdue ? late.toMillis() : null;
        updatedAt = stoppedAt;
        return true;
    }

    /** The target no longer applies (ticket cancelled, rule without this target). */
    public boolean cancel(Instant at) {
        if (!isRunning()) {
            return false;
        }
        stoppedAt = odt(at);
        clearAlarm();
        outcome = Outcome.CANCELLED;
        updatedAt = stoppedAt;
        return true;
    }

    /**
     * Continues a stopped clock (a reopened ticket): the time it stood stopped counts as paused,
     * and it is judged again when it stops next.
     */
    public void continueAfterStop(Instant at, BusinessCalendar calendar) {
        if (stoppedAt == null) {
            return;
        }
        pausedSince = stoppedAt;
        stoppedAt = null;
        outcome = null;
        breachedByMillis = null;
        resume(at, calendar);
    }

    /** A new cycle from {@code at} (the next response after a new customer message): fires anew. */
    public void restart(Instant at, ServiceStandard rule, BusinessCalendar calendar) {
        cycle++;
        startedAt = odt(at);
        pausedSince = null;
        pausedMillis = 0;
        stoppedAt = null;
        outcome = null;
        breachedByMillis = null;
        warnedAt = null;
        breachedAt = null;
        apply(rule, calendar, at);
    }

    public boolean isRunning() {
        return stoppedAt == null;
    }

    /** Working time counted so far, pauses excluded. */
    public Duration elapsed(Instant now, BusinessCalendar calendar) {
        Instant end = stoppedAt != null ? stoppedAt.toInstant() : pausedSince != null ? pausedSince.toInstant() : now;
        return calendar.workingTimeBetween(startedAt.toInstant(), end).minusMillis(pausedMillis);
    }

    /** Working time left before the due time; negative once over. */
    public Duration remaining(Instant now, BusinessCalendar calendar) {
        return Duration.ofMillis(targetMillis).minus(elapsed(now, calendar));
    }

    public Risk risk(Instant now, BusinessCalendar calendar) {
        if (outcome == Outcome.MET) {
            return Risk.MET;
        }
        if (outcome == Outcome.BREACHED || breachedAt != null) {
            return Risk.BREACHED;
        }
        Duration elapsed = elapsed(now, calendar);
        if (elapsed.toMillis() >= targetMillis && outcome == null) {
            return Risk.BREACHED;
        }
        if (warnPercent != null && outcome == null && elapsed.toMillis() * 100 >= targetMillis * warnPercent) {
            return Risk.AT_RISK;
        }
        return Risk.ON_TRACK;
    }

    /** The next instant the sweep must look at this clock, or null when it never must. */
    public Instant nextAlarm() {
        if (!isRunning() || pausedSince != null) {
            return null;
        }
        if (warnAt != null && warnedAt == null && warnAt.isBefore(dueAt)) {
            return warnAt.toInstant();
        }
        return breachedAt == null ? dueAt.toInstant() : null;
    }

    private static OffsetDateTime odt(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    public String id() {
        return id;
    }

    public String ticketId() {
        return ticketId;
    }

    public TargetKind target() {
        return target;
    }

    public String ruleCode() {
        return ruleCode;
    }

    public int ruleVersion() {
        return ruleVersion;
    }

    public String calendarCode() {
        return calendarCode;
    }

    public boolean businessTime() {
        return businessTime;
    }

    public int cycle() {
        return cycle;
    }

    public Instant startedAt() {
        return startedAt.toInstant();
    }

    public Instant dueAt() {
        return dueAt.toInstant();
    }

    public Instant warnAt() {
        return warnAt == null ? null : warnAt.toInstant();
    }

    public boolean isPaused() {
        return pausedSince != null;
    }

    public Duration pausedTime() {
        return Duration.ofMillis(pausedMillis);
    }

    public Instant stoppedAt() {
        return stoppedAt == null ? null : stoppedAt.toInstant();
    }

    public Outcome outcome() {
        return outcome;
    }

    public Duration breachedBy() {
        return breachedByMillis == null ? null : Duration.ofMillis(breachedByMillis);
    }

    public Instant warnedAt() {
        return warnedAt == null ? null : warnedAt.toInstant();
    }

    // Columns as stored, for ClockTables' batch writes.

    String targetIso() {
        return targetIso;
    }

    Integer warnPercent() {
        return warnPercent;
    }

    long targetMillis() {
        return targetMillis;
    }

    OffsetDateTime pausedSinceColumn() {
        return pausedSince;
    }

    OffsetDateTime startedAtColumn() {
        return startedAt;
    }

    OffsetDateTime dueAtColumn() {
        return dueAt;
    }

    OffsetDateTime warnAtColumn() {
        return warnAt;
    }

    OffsetDateTime stoppedAtColumn() {
        return stoppedAt;
    }

    Long breachedByMillis() {
        return breachedByMillis;
    }

    OffsetDateTime warnedAtColumn() {
        return warnedAt;
    }

    OffsetDateTime breachedAtColumn() {
        return breachedAt;
    }

    OffsetDateTime updatedAtColumn() {
        return updatedAt;
    }

    long pausedMillis() {
        return pausedMillis;
    }

    Long alarmKey() {
        return alarmKey;
    }

    OffsetDateTime alarmAtColumn() {
        return alarmAt;
    }

    public Instant breachedAt() {
        return breachedAt == null ? null : breachedAt.toInstant();
    }
}
