package io.kefu.platform.sla;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import io.kefu.platform.audit.AuditLog;
import io.kefu.platform.identity.Role;
import io.kefu.platform.tenant.persistence.PlatformSchema;
import io.kefu.platform.security.CallerContext;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.platform.tenant.persistence.TenantPersistence;
import io.kefu.platform.ticket.Channel;
import io.kefu.platform.ticket.Priority;
import io.kefu.platform.ticket.TicketKind;
import io.kefu.platform.ticket.TicketStatus;

/**
 * The bound tenant's clocks, ticket timelines and notifications as tables, for the set-based
 * paths (ADR 0012): the re-evaluation after a rule change and the sweep read and write a page
 * of rows per statement, with JDBC batches on the transaction's own connection, instead of an
 * entity per row. The connection is the EntityManager's, so these statements share the
 * caller's transaction with everything else it does. Table names carry the bound tenant's
 * schema, a validated code (ADR 0002); values are always bound parameters.
 */
@ApplicationScoped
class ClockTables {

    private static final String OPEN_STATUSES = SlaClocks.openStatuses().stream().map(s -> "'" + s.name() + "'")
            .collect(Collectors.joining(", "));

    /** Clocks running and not paused: the only ones a warning or breach can fire for. */
    private static final String RUNNING = "stopped_at is null and paused_since is null";

    @Inject
    TenantPersistence data;

    @Inject
    TenantContext tenants;

    @Inject
    CallerContext callers;

    @Inject
    AlarmRanges ranges;


    /** What a sweep's notifications and timeline entries need of a ticket. */
    record TicketRow(String id, String number, String subject, String assignee, String teamId, TimelineHead head) {

        /** A ticket entity's row for notifications (its timeline goes through the entity). */
        static TicketRow of(io.kefu.platform.ticket.Ticket t) {
            return new TicketRow(t.id(), t.number(), t.subject(), t.assignee(), t.teamId(), null);
        }

        /** This row after {@code entries} timeline entries were appended to it ({@link ClockTables#append}). */
        TicketRow after(int entries) {
            return new TicketRow(id, number, subject, assignee, teamId, head.after(entries));
        }
    }

    /** A ticket's last timeline sequence number and row version as read. */
    record TimelineHead(int lastEventSeq, long version) {

        /**
         * The head after {@code entries} entries were appended in one write: numbered on from the
         * last, the row version moved on once. What {@link ClockTables#append} writes, and what a
         * caller writing again in the same transaction must start from.
         */
        TimelineHead after(int entries) {
            return new TimelineHead(lastEventSeq + entries, version + 1);
        }
    }

    /** One SLA entry for a ticket's timeline; {@code details} is its JSON text. */
    record Entry(String ticketId, Instant at, String details) {
    }

    private Connection connection() {
        // The transaction's own connection (the EntityManager's, or the one a JDBC-only visit took).
        return data.connection();
    }

    private String table(String name) {
        return tenants.require().schemaName().value() + "." + name;
    }

    /**
     * Where a re-evaluation's pages of {@code size} open tickets end, by id: page i runs from the
     * bound before it (exclusive; none for the first) to bound i (inclusive), and one more page
     * from the last bound to the end. One query, so that pages can be shared out among workers.
     */
    List<String> pageBounds(int size) {
        String sql = "select id from (select id, row_number() over (order by id) as n from " + table("ticket")
                + " where status in (" + OPEN_STATUSES + ")) x where mod(n, ?) = 0 order by id";
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = connection().prepareStatement(sql)) {
            ps.setInt(1, size);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw failed("reading page bounds", e);
        }
        return out;
    }

    /**
     * The clock inputs of the open tickets with ids in ({@code afterId}, {@code lastId}] (either
     * null: unbounded), by id, their rows locked until the transaction ends. The lock stands for
     * the row version a page used to move (ADR 0012, fifth amendment): a ticket change that
     * would recompute the clocks waits for the page, and reads the clocks it wrote (see
     * {@code SlaClocks.heldClocks}); a page that comes second reads the change. Locked in id
     * order, as the sweep locks tickets, so the two cannot deadlock over them.
     */
    List<ClockInputs> lockOpenTickets(String afterId, String lastId) {
        String sql = "select t.id, t.kind, t.category, t.priority, t.channel, t.status, t.created_at, t.resolved_at, t.first_response_at,"
                // The grade by one index probe per ticket: a join let the planner hash the whole customer table for every page.
                + " (select c.grade from " + table("customer") + " c where c.id = t.customer_id) from " + table("ticket") + " t"
                + " where t.status in (" + OPEN_STATUSES + ")" + (afterId == null ? "" : " and t.id > ?") + (lastId == null ? "" : " and t.id <= ?")
                + " order by t.id for update";
        List<ClockInputs> out = new ArrayList<>();
        try (PreparedStatement ps = connection().prepareStatement(sql)) {
            int i = 1;
            if (afterId != null) {
                ps.setString(i++, afterId);
            }
            if (lastId != null) {
                ps.setString(i, lastId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ClockInputs(rs.getString(1), TicketKind.valueOf(rs.getString(2)), rs.getString(3),
                            Priority.valueOf(rs.getString(4)), Channel.valueOf(rs.getString(5)), TicketStatus.valueOf(rs.getString(6)),
                            instant(rs, 7), instant(rs, 8), instant(rs, 9), rs.getString(10)));
                }
            }
        } catch (SQLException e) {
            throw failed("reading open tickets", e);
        }
        return out;
    }

    /** Locks one ticket's row until the transaction ends (at once when the transaction holds it already). */
    void lockTicket(String ticketId) {
        try (PreparedStatement ps = connection().prepareStatement("select id from " + table("ticket") + " where id = ? for update")) {
            ps.setString(1, ticketId);
            ps.executeQuery().close();
        } catch (SQLException e) {
            throw failed("locking a ticket", e);
        }
    }

    /**
     * Writes what a rule change did to each ticket's clocks ({@code sla_recompute}, shown on the
     * ticket's timeline by {@link RecomputeHistory}): one narrow row per ticket, not a timeline
     * entry, which would also rewrite the ticket's row to move its timeline head (ADR 0012, fifth
     * amendment). On PostgreSQL one INSERT of the page's rows as arrays, as {@link #update}
     * writes its clocks: as a JDBC batch the driver encoded every row's parameters and
     * PostgreSQL executed a multi-row INSERT per 128 rows; a flight recording of a rule change
     * had that batch at about a tenth of the server's samples (2026-12-03). On H2 a batch.
     */
    void recordRecomputes(List<Entry> entries, String actor) {
        if (entries.isEmpty()) {
            return;
        }
        try {
            Connection connection = connection();
            if (data.postgres()) {
                try (PreparedStatement ps = connection.prepareStatement("insert into " + table("sla_recompute")
                        + " (ticket_id, occurred_at, actor, data) select u.ticket_id, " + fromMicros("u.at") + ", ?, u.data"
                        + " from unnest(?::varchar[], ?::int8[], ?::text[]) as u(ticket_id, at, data)")) {
                    ps.setString(1, actor);
                    ps.setArray(2, connection.createArrayOf("varchar", entries.stream().map(Entry::ticketId).toArray(String[]::new)));
                    ps.setArray(3, connection.createArrayOf("int8", entries.stream().map(e -> micros(e.at())).toArray(Long[]::new)));
                    ps.setArray(4, connection.createArrayOf("text", entries.stream().map(Entry::details).toArray(String[]::new)));
                    ps.executeUpdate();
                }
                return;
            }
            try (PreparedStatement ps = connection.prepareStatement("insert into " + table("sla_recompute")
                    + " (ticket_id, occurred_at, actor, data) values (?, ?, ?, ?)")) {
                for (Entry e : entries) {
                    ps.setString(1, e.ticketId());
                    ps.setObject(2, odt(e.at()), Types.TIMESTAMP_WITH_TIMEZONE);
                    ps.setString(3, actor);
                    ps.setString(4, e.details());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw failed("writing recompute history", e);
        }
    }

    /** A recompute as recorded: when, by whom, and the SLA entry's details. */
    record Recompute(Instant at, String actor, String data) {
    }

    /** A ticket's recomputes, oldest first. */
    List<Recompute> recomputes(String ticketId) {
        List<Recompute> out = new ArrayList<>();
        try (PreparedStatement ps = connection().prepareStatement("select occurred_at, actor, data from " + table("sla_recompute")
                + " where ticket_id = ? order by occurred_at")) {
            ps.setString(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Recompute(instant(rs, 1), rs.getString(2), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw failed("reading recompute history", e);
        }
        return out;
    }

    /** The clocks of the tickets with ids in ({@code afterId}, {@code lastId}], by ticket and target. */
    Map<String, Map<TargetKind, SlaClock>> clocksOfTickets(String afterId, String lastId) {
        String sql = "select " + CLOCK_COLUMNS + " from " + table("sla_clock") + " where ticket_id <= ?" + (afterId == null ? "" : " and ticket_id > ?");
        Map<String, Map<TargetKind, SlaClock>> out = new HashMap<>();
        try (PreparedStatement ps = connection().prepareStatement(sql)) {
            ps.setString(1, lastId);
            if (afterId != null) {
                ps.setString(2, afterId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SlaClock c = clock(rs);
                    out.computeIfAbsent(c.ticketId(), k -> new EnumMap<>(TargetKind.class)).put(c.target(), c);
                }
            }
        } catch (SQLException e) {
            throw failed("reading clocks", e);
        }
        return out;
    }

    /** The clocks with these ids. */
    List<SlaClock> clocks(Collection<String> ids) {
        List<SlaClock> out = new ArrayList<>(ids.size());
        if (ids.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = connection().prepareStatement("select " + CLOCK_COLUMNS + " from " + table("sla_clock")
                + " where id in (" + marks(ids.size()) + ")")) {
            bindAll(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(clock(rs));
                }
            }
        } catch (SQLException e) {
            throw failed("reading clocks", e);
        }
        return out;
    }

    /** Ids of running clocks whose warning ({@code warning}) or breach is due at {@code now} and has not fired, most overdue first. */
    List<String> due(boolean warning, Instant now, int limit) {
        List<String> out = new ArrayList<>();
        Sql query = dueQuery(warning, now, limit);
        try (PreparedStatement ps = connection().prepareStatement(query.text())) {
            query.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw failed("finding due clocks", e);
        }
        return out;
    }

    /** The rule (code and version) a clock was started under. */
    record RuleRef(String code, int version) {
    }

    /**
     * A sweep visit's due clocks: up to {@code limit} warnings and up to {@code limit} breaches,
     * each as {@link #due} finds them, with each clock's rule and, unless a list came back full,
     * the rows of their tickets, locked until the transaction ends.
     */
    record Due(List<String> warnings, List<String> breaches, Map<String, RuleRef> rules, Map<String, TicketRow> tickets) {

        /** A list came back full: more may be due than one visit fires (its tickets are not locked then on H2). */
        boolean full(int limit) {
            return warnings.size() == limit || breaches.size() == limit;
        }
    }

    /**
     * The first statement of a sweep visit: both of {@link #due}'s reads, each clock's rule, and
     * on PostgreSQL the clocks' tickets locked in the same statement, in id order as
     * {@link #lockTicketsOfClocks} locks them (a visit is bound by its round trips, ADR 0012). On
     * H2, embedded and without round trips, the same in two statements, the tickets locked only
     * when no list is full. The order within each list is not kept: a visit fires all of them or,
     * when a list is full, leaves them to the page-by-page path, which uses {@link #due}.
     */
    Due dueLocked(Instant now, int limit) {
        Sql warnings0 = dueQuery(true, now, limit);
        Sql breaches0 = dueQuery(false, now, limit);
        String due = "select 'W' as k, w.* from (" + warnings0.text() + ") w union all select 'B' as k, b.* from ("
                + breaches0.text() + ") b";
        boolean lockHere = data.postgres();
        String sql = lockHere
                ? "select d.k, d.id, d.rule_code, d.rule_version, t.id, t.number, t.subject, t.assignee, t.team_id, t.last_event_seq,"
                        + " t.version from (" + due + ") d join " + table("ticket") + " t on t.id = d.ticket_id order by t.id for update of t"
                : "select d.k, d.id, d.rule_code, d.rule_version from (" + due + ") d";
        List<String> warnings = new ArrayList<>();
        List<String> breaches = new ArrayList<>();
        Map<String, RuleRef> rules = new HashMap<>();
        Map<String, TicketRow> tickets = new HashMap<>();
        try (PreparedStatement ps = connection().prepareStatement(sql)) {
            warnings0.then(breaches0).bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(2);
                    ("W".equals(rs.getString(1)) ? warnings : breaches).add(id);
                    rules.put(id, new RuleRef(rs.getString(3), rs.getInt(4)));
                    if (lockHere) {
                        tickets.put(rs.getString(5), ticketRow(rs, 5));
                    }
                }
            }
        } catch (SQLException e) {
            throw failed("finding due clocks", e);
        }
        Due found = new Due(warnings, breaches, rules, tickets);
        if (!lockHere && !found.full(limit)) {
            tickets.putAll(lockTicketsOfClocks(rules.keySet()));
        }
        return found;
    }

    /** A clock of an alarm range ({@link AlarmRanges.Range}): its rule, target and calendar; its key follows as a range. */
    private static final String RANGE = "rule_code = ? and target = ? and business_time = ? and calendar_code = ? and alarm_key is not null";

    /**
     * The running clocks whose warning (or breach) is due at {@code now} and has not fired, the
     * most overdue first (ADR 0012, eighth amendment): per alarm range of the current rules, the
     * keys up to the range's due key, each range one probe of the partial index for its guard;
     * and the clocks that carry their alarm instant, from theirs. The stored warning and due
     * times decide: a clock on a rule version that is no longer current is found by the current
     * version's target, and fires by its own (late by at most the difference, while a rule
     * change's re-evaluation, which always finishes, has not reached it).
     */
    private Sql dueQuery(boolean warning, Instant now, int limit) {
        String guard = (warning ? "warned_at" : "breached_at") + " is null";
        String time = warning ? "warn_at" : "due_at";
        String fires = RUNNING + " and " + time + " <= ?" + (warning ? " and warn_at < due_at" : "");
        String select = "select id, ticket_id, rule_code, rule_version, " + time + " as a from " + table("sla_clock") + " where ";
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (AlarmRanges.Range r : ranges.current().ranges()) {
            if (warning && r.warnMillis() == null) {
                continue;
            }
            parts.add(select + RANGE + " and " + guard + " and alarm_key <= ? and " + fires);
            params.addAll(List.of(r.ruleCode(), r.target().name(), r.businessTime(), r.calendarCode(), r.dueKey(warning, now), now));
        }
        parts.add(select + "alarm_at is not null and alarm_at <= ? and " + guard + " and " + fires);
        params.add(now);
        params.add(now);
        return new Sql("select id, ticket_id, rule_code, rule_version from (" + String.join(" union all ", parts)
                + ") x order by a fetch first " + limit + " rows only", params);
    }

    /** A statement's text and its parameters in order (strings, numbers, booleans and instants). */
    private record Sql(String text, List<Object> params) {

        /** This statement's parameters followed by {@code next}'s, for a statement that embeds both texts in this order. */
        Sql then(Sql next) {
            List<Object> all = new ArrayList<>(params);
            all.addAll(next.params());
            return new Sql(text + " " + next.text(), all);
        }

        void bind(PreparedStatement ps) throws SQLException {
            int i = 1;
            for (Object p : params) {
                if (p instanceof Instant at) {
                    ps.setObject(i++, odt(at), Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    ps.setObject(i++, p);
                }
            }
        }
    }

    /**
     * The statement {@link #settleAgenda} reads the next alarm with: per alarm range, the smallest
     * key beyond the due key (its alarm is that key plus the range's time) and the earliest stored
     * time among the keys up to it that did not fire (clocks of an older version, or a page the
     * sweep has not reached); the earliest alarm instant; and the stamp of the rules, so that the
     * ranges are known to be the ones this statement's snapshot holds.
     */
    private Sql nextAlarmQuery(List<AlarmRanges.Range> list, Instant now) {
        String t = table("sla_clock");
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        // The first branch, always there, names and types the columns: kind, range, key, time.
        parts.add("select 'A' as k, 0 as g, cast(null as bigint) as v, min(alarm_at) as t from " + t + " where alarm_at is not null");
        for (int i = 0; i < list.size(); i++) {
            AlarmRanges.Range r = list.get(i);
            List<Object> range = List.of(r.ruleCode(), r.target().name(), r.businessTime(), r.calendarCode());
            for (boolean warning : r.warnMillis() == null ? new boolean[]{false} : new boolean[]{true, false}) {
                String guard = (warning ? "warned_at" : "breached_at") + " is null";
                long key = r.dueKey(warning, now);
                parts.add("select '" + (warning ? "W" : "B") + "', " + i + ", min(alarm_key), cast(null as timestamp with time zone) from " + t
                        + " where " + RANGE + " and " + guard + " and alarm_key > ?");
                params.addAll(range);
                params.add(key);
                parts.add("select '" + (warning ? "w" : "b") + "', " + i + ", cast(null as bigint), min(" + (warning ? "warn_at" : "due_at") + ") from "
                        + t + " where " + RANGE + " and " + guard + " and alarm_key <= ? and " + RUNNING + (warning ? " and warn_at < due_at" : ""));
                params.addAll(range);
                params.add(key);
            }
        }
        parts.add(AlarmRanges.stampRows(table("sla_standard"), table("sla_calendar")));
        return new Sql(String.join(" union all ", parts), params);
    }

    /**
     * Marks the warning (or breach) of each clock as fired at {@code now} with a conditional
     * UPDATE: a row counts as won only when its guard column was still empty and the clock still
     * due. A concurrent sweep's UPDATE of the same row waits for this transaction and then finds
     * the guard set (READ COMMITTED re-checks the row), so each is won exactly once. On
     * PostgreSQL the page is one statement returning the rows it won; elsewhere one UPDATE per
     * clock in a batch, in id order, its row counts telling the winners.
     */
    Set<String> claim(Collection<String> clockIds, boolean warning, Instant now) {
        Set<String> won = new LinkedHashSet<>();
        if (clockIds.isEmpty()) {
            return won;
        }
        if (data.postgres()) {
            claimClocks(clockIds, warning, now).forEach(c -> won.add(c.id()));
            return won;
        }
        List<String> ids = clockIds.stream().sorted().toList();
        String sql = claimStatement(warning);
        try (PreparedStatement ps = connection().prepareStatement(String.format(sql, "= ?"))) {
            for (String id : ids) {
                ps.setObject(1, odt(now), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setString(2, id);
                ps.setObject(3, odt(now), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1) {
                    won.add(ids.get(i));
                } else if (counts[i] != 0) {
                    // SUCCESS_NO_INFO would hide who won: exactly-once cannot be vouched for.
                    throw new IllegalStateException("the driver did not report the row count of a fire guard (" + counts[i] + ")");
                }
            }
        } catch (SQLException e) {
            throw failed("claiming due clocks", e);
        }
        return won;
    }

    /**
     * Claims the warnings (or breaches) of these clocks as {@link #claim} does and returns the
     * clocks won, as they are now. On PostgreSQL one statement does both (the guarded UPDATE
     * returns the rows it won); elsewhere the claim, then a read.
     */
    List<SlaClock> claimClocks(Collection<String> clockIds, boolean warning, Instant now) {
        if (clockIds.isEmpty() || !data.postgres()) {
            return clocks(claim(clockIds, warning, now));
        }
        // One statement for the page. Its guard is the same per row: an UPDATE that waited for a
        // concurrent sweep's lock re-checks the row (READ COMMITTED) and finds the guard set.
        String sql = String.format(claimStatement(warning), "= any(?)") + " returning " + CLOCK_COLUMNS;
        List<SlaClock> won = new ArrayList<>();
        try {
            Connection connection = connection();
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setObject(1, odt(now), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setArray(2, connection.createArrayOf("varchar", clockIds.stream().sorted().toArray(String[]::new)));
                ps.setObject(3, odt(now), Types.TIMESTAMP_WITH_TIMEZONE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        won.add(clock(rs));
                    }
                }
            }
        } catch (SQLException e) {
            throw failed("claiming due clocks", e);
        }
        return won;
    }

    /** The guarded UPDATE that claims a warning (or breach), with {@code %s} for how the ids are given. */
    private String claimStatement(boolean warning) {
        String guard = warning ? "warned_at" : "breached_at";
        // A clock that carries its alarm instant moves it on: to its due time once warned, to none once breached.
        String alarm = warning ? "alarm_at = case when alarm_at is null or breached_at is not null then null else due_at end" : "alarm_at = null";
        return "update " + table("sla_clock") + " set " + guard + " = ?, " + alarm + " where id %s and " + guard + " is null and " + RUNNING
                + (warning ? " and warn_at <= ?" : " and due_at <= ?");
    }

    /** Who supervises: the tenant's supervisors, and among them the members of each of these teams. */
    record Supervisors(List<String> tenant, Map<String, List<String>> byTeam) {
    }

    /**
     * The supervisors a warning or breach tells, in one statement: members whose role is
     * supervisor, each with the teams (of {@code teamIds}) it belongs to.
     */
    Supervisors supervisors(Collection<String> teamIds) {
        List<String> teams = teamIds.stream().distinct().sorted().toList();
        String sql = "select m.username, tm.team_id from " + table("member") + " m left join " + table("team_member") + " tm on tm.username = m.username"
                + (teams.isEmpty() ? " and 1 = 0" : " and tm.team_id in (" + marks(teams.size()) + ")")
                + " where m.role = ? order by m.username";
        List<String> tenant = new ArrayList<>();
        Map<String, List<String>> byTeam = new HashMap<>();
        try (PreparedStatement ps = connection().prepareStatement(sql)) {
            bindAll(ps, teams);
            ps.setString(teams.size() + 1, Role.SUPERVISOR.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String username = rs.getString(1);
                    if (tenant.isEmpty() || !tenant.get(tenant.size() - 1).equals(username)) {
                        tenant.add(username);
                    }
                    String team = rs.getString(2);
                    if (team != null) {
                        byTeam.computeIfAbsent(team, k -> new ArrayList<>()).add(username);
                    }
                }
            }
        } catch (SQLException e) {
            throw failed("reading supervisors", e);
        }
        return new Supervisors(tenant, byTeam);
    }

    /**
     * Locks the bound tenant's agenda entry until the transaction ends (false: it has none),
     * before the sweep reads the next alarm it will set there: a clock change that commits
     * after that read holds a share lock on the entry when it lowers it ({@link Agenda#lower})
     * and so compares with what the sweep set. On PostgreSQL the same statement lets the
     * sweep's transaction commit without waiting for its write-ahead log to reach the disk:
     * every effect of a sweep is guarded by its clock's fire guard, which a commit lost in a
     * database crash loses together with the effects, so the next sweep fires them again; only
     * the live announcement to open views went out early (ADR 0012).
     */
    boolean lockAgenda() {
        String sql = data.postgres()
                ? "select set_config('synchronous_commit', 'off', true) from " + PlatformSchema.NAME + ".sla_agenda where tenant_code = ? for update"
                : "select tenant_code from " + PlatformSchema.NAME + ".sla_agenda where tenant_code = ? for update";
        try (PreparedStatement ps = connection().prepareStatement(sql)) {
            ps.setString(1, tenants.require().value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw failed("locking the agenda", e);
        }
    }

    /**
     * Sets the bound tenant's agenda entry, locked by {@link #lockAgenda}, to its next alarm at
     * {@code now} (null: nothing left to fire): one statement reads it ({@link #nextAlarmQuery},
     * with the stamp of the rules its ranges come from), one writes it. Safe because the lock came
     * first, in a statement of its own: under READ COMMITTED the read's snapshot is taken after
     * the lock was granted, so it sees every clock change that committed before, and a clock
     * change that commits later waits for this transaction at {@link Agenda#lower} and compares
     * with what is set here (ADR 0012). Folding the lock into the read would read before it
     * locks: that is the race. The alarm of a key is computed here, not in SQL (positions are
     * the calendar's arithmetic), hence a statement more than when the read was the write's
     * subquery.
     */
    void settleAgenda(Instant now) {
        Instant next = null;
        boolean known = false;
        // The ranges must be the ones the statement's snapshot holds: a rule changed on any node
        // since they were built shows in the stamp, and they are built again and read again.
        for (int attempt = 0; attempt < 3 && !known; attempt++) {
            AlarmRanges.Ranges current = attempt == 0 ? ranges.current() : ranges.rebuild();
            Sql query = nextAlarmQuery(current.ranges(), now);
            AlarmRanges.StampReader stamp = new AlarmRanges.StampReader();
            next = null;
            try (PreparedStatement ps = connection().prepareStatement(query.text())) {
                query.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String kind = rs.getString(1);
                        long v = rs.getLong(3);
                        boolean hasKey = !rs.wasNull();
                        Instant at = instant(rs, 4);
                        if (stamp.row(kind, rs.getLong(2), v, at)) {
                            continue;
                        }
                        if ("W".equals(kind) || "B".equals(kind)) {
                            at = hasKey ? current.ranges().get(rs.getInt(2)).alarmOf("W".equals(kind), v) : null;
                        }
                        next = SlaClocks.earlier(next, at);
                    }
                }
            } catch (SQLException e) {
                throw failed("reading the next alarm", e);
            }
            known = stamp.stamp().equals(current.stamp());
        }
        if (!known) {
            // Rules changing faster than they can be read: look again at the next pass rather than miss an alarm.
            next = now;
        }
        try (PreparedStatement ps = connection().prepareStatement("update " + PlatformSchema.NAME
                + ".sla_agenda set next_due_at = ? where tenant_code = ?")) {
            ps.setObject(1, next == null ? null : odt(next), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setString(2, tenants.require().value());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failed("settling the agenda", e);
        }
    }

    /**
     * The tickets of these clocks, their rows locked until the transaction ends. The sweep locks
     * them before it claims the clocks: a ticket edit locks its ticket, then its clocks, and the
     * same order here keeps the two from waiting on each other (a deadlock, one of them aborted).
     */
    Map<String, TicketRow> lockTicketsOfClocks(Collection<String> clockIds) {
        Map<String, TicketRow> out = new HashMap<>();
        if (clockIds.isEmpty()) {
            return out;
        }
        List<String> ids = clockIds.stream().distinct().sorted().toList();
        try (PreparedStatement ps = connection().prepareStatement("select id, number, subject, assignee, team_id, last_event_seq, version from "
                + table("ticket") + " where id in (select ticket_id from " + table("sla_clock") + " where id in (" + marks(ids.size())
                + ")) order by id for update")) {
            bindAll(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), ticketRow(rs, 1));
                }
            }
        } catch (SQLException e) {
            throw failed("locking tickets", e);
        }
        return out;
    }

    /** A ticket row of the columns id, number, subject, assignee, team_id, last_event_seq, version from {@code first} on. */
    private static TicketRow ticketRow(ResultSet rs, int first) throws SQLException {
        return new TicketRow(rs.getString(first), rs.getString(first + 1), rs.getString(first + 2), rs.getString(first + 3),
                rs.getString(first + 4), new TimelineHead(rs.getInt(first + 5), rs.getLong(first + 6)));
    }

    /**
     * Writes new clocks. On PostgreSQL one INSERT of the clocks as arrays, as {@link #update}
     * writes recomputed ones: as a JDBC batch (rewritten by the driver into multi-row INSERTs) the
     * clocks a rule change starts took a tenth of the page threads' samples in a flight recording
     * of bench/sla.sh at 100,000 (2026-12-03 16:50), most of it binding each row's 24 parameters.
     */
    void insert(Collection<SlaClock> clocks) {
        if (clocks.isEmpty()) {
            return;
        }
        try {
            Connection connection = connection();
            if (data.postgres()) {
                try (PreparedStatement ps = connection.prepareStatement("insert into " + table("sla_clock") + " (" + CLOCK_COLUMNS
                        + ") select " + ALL.stream().map(ClockTables::unnestedValue).collect(Collectors.joining(", ")) + " from " + unnest(ALL))) {
                    bindArrays(connection, ps, ALL, clocks);
                    ps.executeUpdate();
                }
                return;
            }
            try (PreparedStatement ps = connection.prepareStatement("insert into " + table("sla_clock") + " (" + CLOCK_COLUMNS
                    + ") values (" + marks(ALL.size()) + ")")) {
                for (SlaClock c : clocks) {
                    bind(ps, ALL, c);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw failed("writing clocks", e);
        }
    }

    /**
     * Writes recomputed clocks. The fire guards ({@code warned_at}, {@code breached_at}) are the
     * sweep's alone and not written here: a recompute never clears them (ADR 0008).
     * On PostgreSQL the page is one UPDATE joined to the page's values as arrays (unnest), not
     * one UPDATE per clock: a batch still executes each statement, and on a rule change that per-
     * statement cost was a third of the work (docs/benchmarks.md).
     */
    void update(Collection<SlaClock> clocks) {
        if (clocks.isEmpty()) {
            return;
        }
        List<Column> columns = new ArrayList<>(RECOMPUTED);
        columns.add(UPDATED_AT);
        columns.addAll(ALARM);
        String set = columns.stream().map(c -> c.name() + " = " + unnestedValue(c)).collect(Collectors.joining(", "));
        try {
            Connection connection = connection();
            if (data.postgres()) {
                List<Column> all = new ArrayList<>(columns);
                all.add(ID);
                // The span of the clocks' tickets bounds the scan of sla_clock: without it PostgreSQL
                // joined a page of 2,000 to the whole table (a hash join over a sequential scan, for
                // every page: a rule change over 100,000 tickets read the table fifty times). A page
                // is a range of tickets, so the span is that range and the index on (ticket_id,
                // target) reads just the page's clocks.
                try (PreparedStatement ps = connection.prepareStatement("update " + table("sla_clock") + " c set " + set + " from "
                        + unnest(all) + " where c.id = u.id and c.ticket_id between ? and ?")) {
                    // Planned for the arrays as they are, every time: a generic plan assumes ten rows of
                    // unnest and probes the primary key once per clock, 2,000 probes a third of the
                    // statement's time (auto_explain, 2026-12-03); knowing 2,000 it joins them to the range.
                    ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
                    bindArrays(connection, ps, all, clocks);
                    ps.setString(all.size() + 1, clocks.stream().map(SlaClock::ticketId).min(String::compareTo).orElseThrow());
                    ps.setString(all.size() + 2, clocks.stream().map(SlaClock::ticketId).max(String::compareTo).orElseThrow());
                    ps.executeUpdate();
                }
                return;
            }
            try (PreparedStatement ps = connection.prepareStatement("update " + table("sla_clock") + " set "
                    + columns.stream().map(c -> c.name() + " = ?").collect(Collectors.joining(", ")) + " where id = ?")) {
                for (SlaClock c : clocks) {
                    int next = bind(ps, columns, c);
                    ps.setString(next, c.id());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw failed("writing clocks", e);
        }
    }

    /** A column of {@code sla_clock} as the set-based writes bind it: its SQL type, PostgreSQL array type and value. */
    private record Column(String name, int sqlType, String arrayType, Function<SlaClock, Object> value) {
    }

    private static final Column ID = new Column("id", Types.VARCHAR, "varchar", SlaClock::id);

    /** What a recompute writes, in CLOCK_COLUMNS order (ticket_id to breached_by_millis). */
    private static final List<Column> RECOMPUTED = List.of(
            new Column("ticket_id", Types.VARCHAR, "varchar", SlaClock::ticketId),
            new Column("target", Types.VARCHAR, "varchar", c -> c.target().name()),
            new Column("rule_code", Types.VARCHAR, "varchar", SlaClock::ruleCode),
            new Column("rule_version", Types.INTEGER, "int4", SlaClock::ruleVersion),
            new Column("calendar_code", Types.VARCHAR, "varchar", SlaClock::calendarCode),
            new Column("business_time", Types.BOOLEAN, "bool", SlaClock::businessTime),
            new Column("target_iso", Types.VARCHAR, "varchar", SlaClock::targetIso),
            new Column("warn_percent", Types.INTEGER, "int4", SlaClock::warnPercent),
            new Column("cycle", Types.INTEGER, "int4", SlaClock::cycle),
            new Column("started_at", Types.TIMESTAMP_WITH_TIMEZONE, "timestamptz", SlaClock::startedAtColumn),
            new Column("due_at", Types.TIMESTAMP_WITH_TIMEZONE, "timestamptz", SlaClock::dueAtColumn),
            new Column("warn_at", Types.TIMESTAMP_WITH_TIMEZONE, "timestamptz", SlaClock::warnAtColumn),
            new Column("target_millis", Types.BIGINT, "int8", SlaClock::targetMillis),
            new Column("paused_since", Types.TIMESTAMP_WITH_TIMEZONE, "timestamptz", SlaClock::pausedSinceColumn),
            new Column("paused_millis", Types.BIGINT, "int8", SlaClock::pausedMillis),
            new Column("stopped_at", Types.TIMESTAMP_WITH_TIMEZONE, "timestamptz", SlaClock::stoppedAtColumn),
            new Column("outcome", Types.VARCHAR, "varchar", c -> c.outcome() == null ? null : c.outcome().name()),
            new Column("breached_by_millis", Types.BIGINT, "int8", SlaClock::breachedByMillis));

    /** The fire guards, written only when a clock is created (a recompute keeps them). */
    private static final List<Column> FIRED = List.of(
            new Column("warned_at", Types.TIMESTAMP_WITH_TIMEZONE, "timestamptz", SlaClock::warnedAtColumn),
            new Column("breached_at", Types.TIMESTAMP_WITH_TIMEZONE, "timestamptz", SlaClock::breachedAtColumn));

    private static final Column UPDATED_AT = new Column("updated_at", Types.TIMESTAMP_WITH_TIMEZONE, "timestamptz", SlaClock::updatedAtColumn);

    /**
     * Where the sweep finds the clock. A recompute writes them too, and for a clock with a key
     * it writes the same key, so on PostgreSQL the row is updated in place (no indexed column
     * changed, ADR 0012, eighth amendment).
     */
    private static final List<Column> ALARM = List.of(
            new Column("alarm_key", Types.BIGINT, "int8", SlaClock::alarmKey),
            new Column("alarm_at", Types.TIMESTAMP_WITH_TIMEZONE, "timestamptz", SlaClock::alarmAtColumn));

    /** Every column, in the order {@link #clock(ResultSet)} reads them. */
    private static final List<Column> ALL = java.util.stream.Stream.of(List.of(ID), RECOMPUTED, FIRED, List.of(UPDATED_AT), ALARM)
            .flatMap(List::stream).toList();

    private static final String CLOCK_COLUMNS = ALL.stream().map(Column::name).collect(Collectors.joining(", "));

    /** Binds a clock's columns from parameter 1; returns the next parameter index. */
    private static int bind(PreparedStatement ps, List<Column> columns, SlaClock clock) throws SQLException {
        int i = 1;
        for (Column c : columns) {
            ps.setObject(i++, c.value().apply(clock), c.sqlType());
        }
        return i;
    }

    /** {@code unnest(?::type[], ...) as u(name, ...)}: a page of rows as one array parameter per column (PostgreSQL; timestamps as int8). */
    private static String unnest(List<Column> columns) {
        return "unnest(" + columns.stream().map(c -> "?::" + (c.sqlType() == Types.TIMESTAMP_WITH_TIMEZONE ? "int8" : c.arrayType()) + "[]")
                .collect(Collectors.joining(", ")) + ") as u(" + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + ")";
    }

    /** A column's value in a row of {@link #unnest}: a timestamp is rebuilt from its microseconds, exactly (integer arithmetic on an interval). */
    private static String unnestedValue(Column c) {
        return c.sqlType() == Types.TIMESTAMP_WITH_TIMEZONE ? fromMicros("u." + c.name()) : "u." + c.name();
    }

    /** The timestamp whose microseconds since the epoch ({@link #micros}) the SQL expression {@code micros} is, exactly. */
    private static String fromMicros(String micros) {
        return "timestamptz 'epoch' + " + micros + " * interval '1 microsecond'";
    }

    /** An instant as whole microseconds since the epoch, rounded as PostgreSQL rounds a timestamp it is given. */
    static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), (at.getNano() + 500) / 1_000);
    }

    /**
     * Binds one array per column. Timestamps go as microseconds since the epoch ({@link #micros}),
     * turned back into instants by the statement ({@link #unnestedValue}): the driver's array
     * encoder knows strings and numbers, not java.time, and as ISO-8601 text each of a page's
     * 12,000 timestamps was formatted here and parsed by PostgreSQL, about a fifth of the
     * UPDATE's time (auto_explain, 2026-12-03).
     */
    private static void bindArrays(Connection connection, PreparedStatement ps, List<Column> columns, Collection<SlaClock> clocks)
            throws SQLException {
        int i = 1;
        for (Column c : columns) {
            boolean time = c.sqlType() == Types.TIMESTAMP_WITH_TIMEZONE;
            Object[] values = c.sqlType() == Types.VARCHAR ? new String[clocks.size()] : c.sqlType() == Types.INTEGER ? new Integer[clocks.size()]
                    : time || c.sqlType() == Types.BIGINT ? new Long[clocks.size()] : new Boolean[clocks.size()];
            int k = 0;
            for (SlaClock clock : clocks) {
                Object v = c.value().apply(clock);
                values[k++] = time && v != null ? micros(((OffsetDateTime) v).toInstant()) : v;
            }
            ps.setArray(i++, connection.createArrayOf(time ? "int8" : c.arrayType(), values));
        }
    }


    /**
     * Appends SLA entries to the tickets' timelines, numbered after each ticket's last entry as
     * read in {@code heads}, and moves each ticket's row version on, as an entry written
     * through the entity would; writes the notifications alongside. A ticket whose row version
     * is no longer the one read was changed meanwhile: nothing is written then, and those
     * tickets are returned so that the caller rolls back. On PostgreSQL the heads, the entries
     * and the notifications are one statement (the sweep is bound by its round trips, ADR 0012):
     * the entries and notifications are inserted only if every head was updated. On H2,
     * embedded, one batch each.
     */
    Set<String> append(List<Entry> entries, Map<String, TimelineHead> heads, Collection<Notification> notes) {
        Map<String, List<Entry>> byTicket = new LinkedHashMap<>();
        entries.forEach(e -> byTicket.computeIfAbsent(e.ticketId(), k -> new ArrayList<>()).add(e));
        Set<String> moved = new LinkedHashSet<>();
        if (byTicket.isEmpty()) {
            insertNotifications(notes);
            return moved;
        }
        List<String> ids = byTicket.keySet().stream().sorted().toList();
        String actor = callers.username(AuditLog.SYSTEM);
        if (data.postgres()) {
            moved.addAll(ids);
            try {
                appendInOneStatement(ids, byTicket, heads, notes, actor).forEach(moved::remove);
            } catch (SQLException e) {
                throw failed("appending timeline entries", e);
            }
            return moved;
        }
        try (PreparedStatement ps = connection().prepareStatement("update " + table("ticket")
                + " set last_event_seq = ?, version = version + 1 where id = ? and version = ?")) {
            for (String id : ids) {
                TimelineHead h = heads.get(id);
                ps.setInt(1, h.after(byTicket.get(id).size()).lastEventSeq());
                ps.setString(2, id);
                ps.setLong(3, h.version());
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    moved.add(ids.get(i));
                }
            }
        } catch (SQLException e) {
            throw failed("updating tickets", e);
        }
        if (!moved.isEmpty()) {
            return moved;
        }
        try (PreparedStatement ps = connection().prepareStatement("insert into " + table("ticket_event")
                + " (id, ticket_id, seq, occurred_at, actor, type, visibility, body, data) values (?, ?, ?, ?, ?, 'SLA', 'INTERNAL', null, ?)")) {
            for (var e : byTicket.entrySet()) {
                int seq = heads.get(e.getKey()).lastEventSeq();
                for (Entry x : e.getValue()) {
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setString(2, x.ticketId());
                    ps.setInt(3, ++seq);
                    ps.setObject(4, odt(x.at()), Types.TIMESTAMP_WITH_TIMEZONE);
                    ps.setString(5, actor);
                    ps.setString(6, x.details());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw failed("writing timeline entries", e);
        }
        insertNotifications(notes);
        return moved;
    }

    /**
     * PostgreSQL: the heads' guarded UPDATE, then (only if it updated every head) the entries'
     * and the notifications' INSERTs, as data-modifying WITH clauses of one statement, each page
     * bound as arrays. Returns the ids of the heads updated. Timestamps go as microseconds since
     * the epoch, as {@link #bindArrays} binds them (the driver's array encoder knows no java.time).
     */
    private List<String> appendInOneStatement(List<String> ids, Map<String, List<Entry>> byTicket, Map<String, TimelineHead> heads,
            Collection<Notification> notes, String actor) throws SQLException {
        List<String> entryIds = new ArrayList<>();
        List<String> entryTickets = new ArrayList<>();
        List<Integer> entrySeqs = new ArrayList<>();
        List<Long> entryTimes = new ArrayList<>();
        List<String> entryData = new ArrayList<>();
        for (String id : ids) {
            int seq = heads.get(id).lastEventSeq();
            for (Entry x : byTicket.get(id)) {
                entryIds.add(UUID.randomUUID().toString());
                entryTickets.add(id);
                entrySeqs.add(++seq);
                entryTimes.add(micros(x.at()));
                entryData.add(x.details());
            }
        }
        String allHeads = " where (select count(*) from h) = ?";
        String sql = "with h as (update " + table("ticket") + " t set last_event_seq = u.seq, version = t.version + 1"
                + " from unnest(?::varchar[], ?::int4[], ?::int8[]) as u(id, seq, version) where t.id = u.id and t.version = u.version"
                + " returning t.id),"
                + " e as (insert into " + table("ticket_event") + " (id, ticket_id, seq, occurred_at, actor, type, visibility, body, data)"
                + " select x.id, x.ticket_id, x.seq, " + fromMicros("x.at") + ", ?, 'SLA', 'INTERNAL', null, x.data"
                + " from unnest(?::varchar[], ?::varchar[], ?::int4[], ?::int8[], ?::text[]) as x(id, ticket_id, seq, at, data)" + allHeads + "),"
                + " n as (insert into " + table("notification") + " (id, recipient, kind, ticket_id, ticket_number, data, created_at)"
                + " select y.id, y.recipient, y.kind, y.ticket_id, y.ticket_number, y.data, " + fromMicros("y.created_at")
                + " from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::int8[])"
                + " as y(id, recipient, kind, ticket_id, ticket_number, data, created_at)" + allHeads + ")"
                + " select id from h";
        Connection connection = connection();
        List<String> updated = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int i = 1;
            ps.setArray(i++, connection.createArrayOf("varchar", ids.toArray()));
            ps.setArray(i++, connection.createArrayOf("int4",
                    ids.stream().map(id -> heads.get(id).after(byTicket.get(id).size()).lastEventSeq()).toArray()));
            ps.setArray(i++, connection.createArrayOf("int8", ids.stream().map(id -> heads.get(id).version()).toArray()));
            ps.setString(i++, actor);
            for (List<?> column : List.of(entryIds, entryTickets, entrySeqs, entryTimes, entryData)) {
                ps.setArray(i++, connection.createArrayOf(column == entrySeqs ? "int4" : column == entryTimes ? "int8" : "varchar", column.toArray()));
            }
            ps.setInt(i++, ids.size());
            List<Notification> ns = List.copyOf(notes);
            List<Function<Notification, String>> columns = List.of(Notification::id, Notification::recipient, Notification::kind,
                    Notification::ticketId, Notification::ticketNumber, Notification::data);
            for (Function<Notification, String> column : columns) {
                ps.setArray(i++, connection.createArrayOf("varchar", ns.stream().map(column).toArray(String[]::new)));
            }
            ps.setArray(i++, connection.createArrayOf("int8", ns.stream().map(n -> micros(n.createdAt().toInstant())).toArray(Long[]::new)));
            ps.setInt(i, ids.size());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    updated.add(rs.getString(1));
                }
            }
        }
        return updated;
    }

    /** Writes notifications. */
    private void insertNotifications(Collection<Notification> notes) {
        if (notes.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection().prepareStatement("insert into " + table("notification")
                + " (id, recipient, kind, ticket_id, ticket_number, data, created_at) values (?, ?, ?, ?, ?, ?, ?)")) {
            for (Notification n : notes) {
                ps.setString(1, n.id());
                ps.setString(2, n.recipient());
                ps.setString(3, n.kind());
                ps.setString(4, n.ticketId());
                ps.setString(5, n.ticketNumber());
                ps.setString(6, n.data());
                ps.setObject(7, n.createdAt(), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw failed("writing notifications", e);
        }
    }

    private static SlaClock clock(ResultSet rs) throws SQLException {
        String outcome = rs.getString(18);
        long breachedBy = rs.getLong(19);
        Long breachedByMillis = rs.wasNull() ? null : breachedBy;
        int warn = rs.getInt(9);
        Integer warnPercent = rs.wasNull() ? null : warn;
        long key = rs.getLong(23);
        Long alarmKey = rs.wasNull() ? null : key;
        return SlaClock.restore(rs.getString(1), rs.getString(2), TargetKind.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5),
                rs.getString(6), rs.getBoolean(7), rs.getString(8), warnPercent, rs.getInt(10), odt(rs, 11), odt(rs, 12), odt(rs, 13),
                rs.getLong(14), odt(rs, 15), rs.getLong(16), odt(rs, 17), outcome == null ? null : SlaClock.Outcome.valueOf(outcome),
                breachedByMillis, odt(rs, 20), odt(rs, 21), odt(rs, 22), alarmKey, odt(rs, 24));
    }

    private static OffsetDateTime odt(ResultSet rs, int column) throws SQLException {
        Instant at = instant(rs, column);
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    /**
     * A timestamp with time zone as an instant. Not {@code getObject(column, OffsetDateTime.class)}:
     * the container's connection wrapper reaches that JDBC 4.1 method by reflection, per call.
     */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime odt(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static void bindAll(PreparedStatement ps, Collection<String> values) throws SQLException {
        int i = 1;
        for (String v : values) {
            ps.setString(i++, v);
        }
    }

    private static PersistenceException failed(String what, SQLException e) {
        return new PersistenceException("SLA tables: " + what + " failed", e);
    }
}
