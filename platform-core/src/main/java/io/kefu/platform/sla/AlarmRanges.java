package io.kefu.platform.sla;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import io.kefu.platform.sla.calendar.BusinessCalendar;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * The bound tenant's current rules as the sweep reads its clocks (ADR 0012, eighth amendment):
 * one {@link Range} per rule and target whose clocks carry an alarm key, with the working time
 * after which its warning and its breach are due and the calendar the key counts in.
 *
 * <p>Kept in memory per tenant (the key is the tenant, so no entry can serve another) with the
 * {@link Stamp} of the rules and calendars it was built from. The sweep reads that stamp in the
 * same statement as the clocks it settles the agenda from ({@link ClockTables#settleAgenda}) and
 * rebuilds the ranges when it differs, so the next alarm it sets is always computed with the rules
 * its snapshot holds, whichever node changed them. Built through JDBC alone: a sweep visit has no
 * EntityManager.
 */
@ApplicationScoped
class AlarmRanges {

    /**
     * The clocks of one rule's target that carry an alarm key: due for the warning at
     * {@code key + warnMillis} (null: the rule does not warn) and for the breach at
     * {@code key + breachMillis}, on {@code counting}'s line of working time.
     */
    record Range(String ruleCode, TargetKind target, boolean businessTime, String calendarCode, BusinessCalendar counting,
                 long breachMillis, Long warnMillis) {

        /** The largest key whose warning (or breach) is due at {@code now}. */
        long dueKey(boolean warning, Instant now) {
            return counting.position(now) - (warning ? warnMillis : breachMillis);
        }

        /** When the clock with {@code key} has its warning (or breach) due, as the earliest instant it could be (stored times say the exact one). */
        Instant alarmOf(boolean warning, long key) {
            return counting.instantAt(key + (warning ? warnMillis : breachMillis));
        }
    }

    /**
     * What the ranges were built from: the rules (how many, their versions' sum, the latest
     * change) and the calendars (how many, the latest change). A replaced rule moves the sum and
     * the time, a deleted one the count; a calendar edit its time.
     */
    record Stamp(long rules, long versions, Instant rulesChanged, long calendars, Instant calendarsChanged) {
    }

    /** A tenant's ranges and the stamp of what they were built from. */
    record Ranges(Stamp stamp, List<Range> ranges) {
    }

    @Inject
    TenantPersistence data;

    @Inject
    TenantContext tenants;

    @Inject
    CalendarArithmetic arithmetic;

    private final Map<TenantCode, Ranges> byTenant = new ConcurrentHashMap<>();

    /** The bound tenant's ranges as last built (built now when there are none). */
    Ranges current() {
        TenantCode tenant = tenants.require();
        Ranges r = byTenant.get(tenant);
        return r != null ? r : rebuild();
    }

    /**
     * Builds the bound tenant's ranges afresh from its rules and calendars, and keeps them. The
     * stamp is read first: rules changed between the two reads leave ranges newer than their
     * stamp, which the next comparison rebuilds (never the reverse).
     */
    Ranges rebuild() {
        Stamp stamp = readStamp();
        Map<String, BusinessCalendar> calendars = new HashMap<>();
        calendars.put(BusinessCalendar.ALWAYS_CODE, BusinessCalendar.ALWAYS);
        List<Range> out = new ArrayList<>();
        try {
            Connection c = data.connection();
            try (PreparedStatement ps = c.prepareStatement("select code, document from " + table("sla_calendar"));
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    calendars.put(rs.getString(1), arithmetic.of(tenants.require(), rs.getString(2)));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select document, rule_version from " + table("sla_standard") + " order by code");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.addAll(ranges(StandardsStore.readStored(rs.getString(1), rs.getInt(2)), calendars));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("Reading the service standards for the SLA sweep failed", e);
        }
        Ranges built = new Ranges(stamp, List.copyOf(out));
        byTenant.put(tenants.require(), built);
        return built;
    }

    /** The ranges of one rule: its targets whose clocks carry a key ({@link SlaClock#alarmKeyed}). */
    static List<Range> ranges(ServiceStandard rule, Map<String, BusinessCalendar> calendars) {
        List<Range> out = new ArrayList<>();
        BusinessCalendar calendar = calendars.get(rule.calendar());
        BusinessCalendar counting = rule.businessTime() && calendar == null ? null : SlaClock.counting(rule, calendar);
        if (counting == null) {
            // A rule names only calendars that exist (validated when stored): none to count in, no clock either.
            return out;
        }
        for (Entry<TargetKind, Target> e : rule.targets().entrySet()) {
            if (!SlaClock.alarmKeyed(e.getKey(), rule.businessTime(), e.getValue())) {
                continue;
            }
            long target = SlaClock.keyedTargetMillis(rule.businessTime(), e.getValue());
            Long warn = rule.warnAtPercent() == null ? null : SlaClock.warnMillis(target, rule.warnAtPercent());
            out.add(new Range(rule.code(), e.getKey(), rule.businessTime(), rule.calendar(), counting, target, warn));
        }
        return out;
    }

    /** The stamp as {@link ClockTables#settleAgenda} also reads it: the rows kinds 'S' (rules) and 'C' (calendars). */
    static String stampRows(String standardTable, String calendarTable) {
        return "select 'S' as k, count(*) as g, coalesce(sum(rule_version), 0) as v, max(updated_at) as t from " + standardTable
                + " union all select 'C', count(*), 0, max(updated_at) from " + calendarTable;
    }

    private Stamp readStamp() {
        try (PreparedStatement ps = data.connection().prepareStatement(stampRows(table("sla_standard"), table("sla_calendar")));
             ResultSet rs = ps.executeQuery()) {
            StampReader reader = new StampReader();
            while (rs.next()) {
                reader.row(rs.getString(1), rs.getLong(2), rs.getLong(3), ClockTables.instant(rs, 4));
            }
            return reader.stamp();
        } catch (SQLException e) {
            throw new PersistenceException("Reading the service standards' stamp failed", e);
        }
    }

    /** Collects a stamp from the rows of {@link #stampRows}. */
    static final class StampReader {
        private long rules;
        private long versions;
        private Instant rulesChanged;
        private long calendars;
        private Instant calendarsChanged;

        /** True when the row was a stamp row. */
        boolean row(String kind, long count, long sum, Instant changed) {
            if ("S".equals(kind)) {
                rules = count;
                versions = sum;
                rulesChanged = changed;
                return true;
            }
            if ("C".equals(kind)) {
                calendars = count;
                calendarsChanged = changed;
                return true;
            }
            return false;
        }

        Stamp stamp() {
            return new Stamp(rules, versions, rulesChanged, calendars, calendarsChanged);
        }
    }

    private String table(String name) {
        return tenants.require().schemaName().value() + "." + name;
    }
}
