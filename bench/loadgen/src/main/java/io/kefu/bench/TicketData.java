package io.kefu.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic tickets written straight into a tenant schema, reproducible by seed: the five kinds,
 * the tenant's industry categories, Chinese and English subjects, statuses across the lifecycle
 * with the timeline that goes with each, custom field values from the tenant's forms and
 * service-standard clocks with outcomes ({@link #fill}). Also the plain-JDBC baseline of what a REST create writes (counter, ticket,
 * event, audit row in one transaction) and of the reads the REST scenarios make.
 */
final class TicketData {

    static final String[] KINDS = {"INQUIRY", "SERVICE_REQUEST", "FAULT", "COMPLAINT", "SUGGESTION"};
    static final String[] STATUSES = {"NEW", "ASSIGNED", "IN_PROGRESS", "PENDING_CUSTOMER", "RESOLVED", "CLOSED", "ARCHIVED"};
    static final String[] PRIORITIES = {"LOW", "NORMAL", "HIGH", "URGENT"};
    static final String[] CHANNELS = {"PHONE", "WEB", "EMAIL", "APP", "SOCIAL"};
    static final String[] CATEGORIES = {"express.delay", "express.lost", "express.damaged", "hotel.housekeeping", "hotel.billing",
            "telecom.network", "telecom.billing", "property.repair.lift", "property.cleaning", "banking.card"};
    /** Words a search looks for; one of them is in roughly one subject in twenty. */
    static final String[] SUBJECTS_ZH = {"快件延误三天仍未送达", "包裹外箱破损内件受损", "房间空调不制冷", "账单多收了一晚房费",
            "宽带频繁掉线", "话费扣费异常", "电梯困人请速处理", "楼道卫生无人打扫", "信用卡被盗刷", "网点服务态度差", "咨询套餐变更流程",
            "建议增加夜间客服"};
    static final String[] SUBJECTS_EN = {"Parcel delayed for three days", "Box damaged, contents broken", "Air conditioning not cooling",
            "Charged for an extra night", "Broadband keeps dropping", "Unexpected charges on my bill", "Lift stuck between floors",
            "Card used without my consent", "How do I change my plan", "Please add night-time support"};
    static final String SEARCH_WORD = "掉线";

    private TicketData() {
    }

    /**
     * Adds generated tickets until there are {@code target} of them; returns how many it wrote.
     * Each ticket fits the tenant's own configuration ({@link TenantProfile}): one of its
     * categories; custom field values for a form that applies, as the form's field types store
     * them, with their typed projection rows; a timeline that follows its status (created,
     * assigned, a public reply, status changes, resolution, closing); and the service-standard
     * clocks Kefu would have started under the first matching rule, with outcomes (met or
     * breached by how much) for the stopped ones. Running clocks already past their warning or
     * due time are marked fired, so a sweep does not fire a year of backlog during a benchmark.
     * Tickets under a business-time rule get no clocks (the generator does not do calendar
     * arithmetic).
     */
    static long fill(Connection c, String schema, long target, long seed) throws SQLException {
        long have = countGenerated(c, schema);
        if (have >= target) {
            return 0;
        }
        TenantProfile profile = TenantProfile.read(c, schema);
        List<String> categories = profile.categories.isEmpty() ? List.of(CATEGORIES) : profile.categories;
        c.setAutoCommit(false);
        Random r = new Random(seed ^ have);
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        Instant realNow = Instant.now();
        long spanSeconds = ChronoUnit.SECONDS.between(start, Instant.parse("2026-11-30T00:00:00Z"));
        String ticketSql = "insert into " + schema + ".ticket (id, number, kind, status, priority, channel, subject, subject_search, description,"
                + " category, assignee, tags, custom_fields, created_at, created_by, updated_at, first_response_at, resolved_at, closed_at,"
                + " archived_at, resolution, reopen_count, last_event_seq, version)"
                + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,?,0)";
        String eventSql = "insert into " + schema + ".ticket_event (id, ticket_id, seq, occurred_at, actor, type, visibility, body, data)"
                + " values (?,?,?,?,?,?,?,?,?)";
        String clockSql = "insert into " + schema + ".sla_clock (id, ticket_id, target, rule_code, rule_version, calendar_code, business_time,"
                + " target_iso, warn_percent, cycle, started_at, due_at, warn_at, target_millis, paused_since, paused_millis, stopped_at, outcome,"
                + " breached_by_millis, warned_at, breached_at, updated_at, alarm_key, alarm_at) values (?,?,?,?,?,?,false,?,?,1,?,?,?,?,?,0,?,?,?,?,?,?,?,?)";
        String valueSql = "insert into " + schema + ".ticket_field_value (id, ticket_id, field_key, text_value, number_value, time_value)"
                + " values (?,?,?,?,?,?)";
        try (PreparedStatement ticket = c.prepareStatement(ticketSql); PreparedStatement event = c.prepareStatement(eventSql);
             PreparedStatement clock = c.prepareStatement(clockSql); PreparedStatement value = c.prepareStatement(valueSql)) {
            for (long n = have + 1; n <= target; n++) {
                String id = new UUID(r.nextLong(), r.nextLong()).toString();
                boolean zh = r.nextInt(10) < 7;
                String subject = zh ? SUBJECTS_ZH[r.nextInt(SUBJECTS_ZH.length)] : SUBJECTS_EN[r.nextInt(SUBJECTS_EN.length)];
                subject = subject + " #" + n;
                Instant created = start.plusSeconds((long) (r.nextDouble() * spanSeconds));
                int p = r.nextInt(100);
                String kind = KINDS[r.nextInt(KINDS.length)];
                int stage = r.nextInt(STATUSES.length);
                String status = STATUSES[stage];
                String priority = PRIORITIES[p < 10 ? 0 : p < 70 ? 1 : p < 95 ? 2 : 3];
                String channel = CHANNELS[r.nextInt(CHANNELS.length)];
                String category = categories.get(r.nextInt(categories.size()));
                String assignee = stage == 0 && r.nextInt(4) == 0 ? null : "agent" + r.nextInt(40);
                TenantProfile.Rule rule = profile.rule(kind, category, priority, channel);
                Duration respondIn = rule != null && rule.firstResponse() != null ? rule.firstResponse() : Duration.ofHours(1);
                Duration resolveIn = rule != null && rule.resolution() != null ? rule.resolution() : Duration.ofHours(48);

                // The timeline, as far as the status has come; most tickets within their targets.
                Timeline tl = new Timeline(event, id);
                tl.add(created, "bench", "CREATED", "PUBLIC", null, "{\"kind\":\"" + kind + "\",\"priority\":\"" + priority + "\"}");
                Instant t = created;
                Instant firstResponse = null;
                Instant resolved = null;
                Instant closed = null;
                String resolution = null;
                if (stage >= 1) {
                    t = t.plusSeconds(30 + r.nextInt(900));
                    tl.add(t, "supervisor", "ASSIGNMENT", "INTERNAL", null, "{\"field\":\"assignee\",\"before\":null,\"after\":\"" + assignee + "\"}");
                    tl.add(t, "supervisor", "STATUS_CHANGE", "PUBLIC", null, "{\"from\":\"NEW\",\"to\":\"ASSIGNED\"}");
                }
                if (stage >= 2) {
                    t = created.plusMillis(within(r, respondIn));
                    firstResponse = t;
                    tl.add(t, assignee, "REPLY", "PUBLIC", zh ? "您好，您反映的问题已收到，我们正在核实，会尽快给您答复。" : "Hello, we have your report and are checking it; we will get back to you shortly.", null);
                    String to = stage == 3 ? "PENDING_CUSTOMER" : "IN_PROGRESS";
                    tl.add(t, assignee, "STATUS_CHANGE", "PUBLIC", null, "{\"from\":\"ASSIGNED\",\"to\":\"" + to + "\"}");
                }
                if (stage >= 4) {
                    t = max(t.plusSeconds(60), created.plusMillis(within(r, resolveIn)));
                    resolved = t;
                    resolution = zh ? "已核实并处理完毕，客户确认。" : "Checked and settled; the customer confirmed.";
                    tl.add(t, assignee, "STATUS_CHANGE", "PUBLIC", null, "{\"from\":\"IN_PROGRESS\",\"to\":\"RESOLVED\",\"resolution\":\"" + resolution + "\"}");
                }
                if (stage >= 5) {
                    t = t.plus(Duration.ofDays(1 + r.nextInt(3)));
                    closed = t;
                    tl.add(t, "system", "STATUS_CHANGE", "PUBLIC", null, "{\"from\":\"RESOLVED\",\"to\":\"CLOSED\"}");
                }
                Instant archived = stage == 6 ? t.plus(Duration.ofDays(30)) : null;

                TenantProfile.Form form = profile.form(r, kind, category);
                jakarta.json.JsonObject values = form == null ? null : TenantProfile.values(r, form, created);

                ticket.setString(1, id);
                ticket.setString(2, String.format("KF-2025-%07d", n));
                ticket.setString(3, kind);
                ticket.setString(4, status);
                ticket.setString(5, priority);
                ticket.setString(6, channel);
                ticket.setString(7, subject);
                ticket.setString(8, subject.toLowerCase(java.util.Locale.ROOT));
                ticket.setString(9, zh ? "客户来电反映：" + subject + "。请尽快核实处理并回复客户。" : "Customer reports: " + subject + ". Please check and reply.");
                ticket.setString(10, category);
                ticket.setString(11, assignee);
                ticket.setString(12, ",bench,");
                ticket.setString(13, values == null ? null : values.toString());
                ticket.setTimestamp(14, Timestamp.from(created));
                ticket.setString(15, "bench");
                ticket.setTimestamp(16, Timestamp.from(t));
                ticket.setTimestamp(17, ts(firstResponse));
                ticket.setTimestamp(18, ts(resolved));
                ticket.setTimestamp(19, ts(closed));
                ticket.setTimestamp(20, ts(archived));
                ticket.setString(21, resolution);
                ticket.setInt(22, tl.seq);
                ticket.addBatch();
                tl.flushInto();

                if (rule != null && !rule.businessTime()) {
                    Instant pausedSince = stage == 3 ? t : null;
                    addClock(clock, id, "FIRST_RESPONSE", rule, rule.firstResponse(), created, firstResponse, pausedSince, realNow);
                    addClock(clock, id, "RESOLUTION", rule, rule.resolution(), created, resolved, pausedSince, realNow);
                }
                if (form != null) {
                    addValues(value, id, form, values);
                }
                if (n % 2000 == 0 || n == target) {
                    ticket.executeBatch();
                    event.executeBatch();
                    clock.executeBatch();
                    value.executeBatch();
                    c.commit();
                }
            }
        } finally {
            c.setAutoCommit(true);
        }
        try (Statement st = c.createStatement()) {
            for (String table : new String[] {"ticket", "ticket_event", "sla_clock", "ticket_field_value"}) {
                st.execute("analyze " + schema + "." + table);
            }
        }
        return target - have;
    }

    /** A connection whose JDBC batches of inserts go to PostgreSQL as multi-row INSERTs, as Kefu's own do. */
    static Connection connectForLoading(String jdbc) throws SQLException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("reWriteBatchedInserts", "true");
        return java.sql.DriverManager.getConnection(jdbc, p);
    }

    /** A ticket's events, numbered from 1 as Kefu numbers them. */
    private static final class Timeline {
        private final PreparedStatement ps;
        private final String ticketId;
        private final List<Object[]> rows = new java.util.ArrayList<>();
        int seq;

        Timeline(PreparedStatement ps, String ticketId) {
            this.ps = ps;
            this.ticketId = ticketId;
        }

        void add(Instant at, String actor, String type, String visibility, String body, String data) {
            rows.add(new Object[] {++seq, at, actor, type, visibility, body, data});
        }

        void flushInto() throws SQLException {
            for (Object[] e : rows) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, ticketId);
                ps.setInt(3, (Integer) e[0]);
                ps.setTimestamp(4, Timestamp.from((Instant) e[1]));
                ps.setString(5, (String) e[2]);
                ps.setString(6, (String) e[3]);
                ps.setString(7, (String) e[4]);
                ps.setString(8, (String) e[5]);
                ps.setString(9, (String) e[6]);
                ps.addBatch();
            }
        }
    }

    /** Milliseconds to act within {@code target}: nine times in ten inside it, else up to half as long again late. */
    private static long within(Random r, Duration target) {
        long ms = target.toMillis();
        return r.nextInt(10) < 9 ? 1 + (long) (r.nextDouble() * ms * 0.95) : ms + (long) (r.nextDouble() * ms * 0.5);
    }

    private static void addClock(PreparedStatement ps, String ticketId, String target, TenantProfile.Rule rule, Duration length, Instant started,
                                 Instant stoppedAt, Instant pausedSince, Instant now) throws SQLException {
        if (length == null) {
            return;
        }
        Instant due = started.plus(length);
        Instant warn = rule.warnPercent() == null ? null : started.plusMillis(length.toMillis() * rule.warnPercent() / 100);
        // A stopped clock's guards are what the sweep fired before it stopped; a running one's, what it has fired by now.
        Instant until = stoppedAt != null ? stoppedAt : now;
        boolean breached = stoppedAt != null ? stoppedAt.isAfter(due) : !due.isAfter(now);
        ps.setString(1, UUID.randomUUID().toString());
        ps.setString(2, ticketId);
        ps.setString(3, target);
        ps.setString(4, rule.code());
        ps.setInt(5, rule.version());
        ps.setString(6, rule.calendar());
        ps.setString(7, length.toString());
        if (rule.warnPercent() == null) {
            ps.setNull(8, java.sql.Types.INTEGER);
        } else {
            ps.setInt(8, rule.warnPercent());
        }
        ps.setTimestamp(9, Timestamp.from(started));
        ps.setTimestamp(10, Timestamp.from(due));
        ps.setTimestamp(11, ts(warn));
        ps.setLong(12, length.toMillis());
        ps.setTimestamp(13, stoppedAt == null ? ts(pausedSince) : null);
        ps.setTimestamp(14, ts(stoppedAt));
        ps.setString(15, stoppedAt == null ? null : breached ? "BREACHED" : "MET");
        if (stoppedAt != null && breached) {
            ps.setLong(16, Duration.between(due, stoppedAt).toMillis());
        } else {
            ps.setNull(16, java.sql.Types.BIGINT);
        }
        ps.setTimestamp(17, warn != null && !warn.isAfter(until) ? Timestamp.from(warn) : null);
        ps.setTimestamp(18, breached ? Timestamp.from(due) : null);
        ps.setTimestamp(19, Timestamp.from(stoppedAt != null ? stoppedAt : started));
        // Where the sweep finds it, as SlaClock places it (ADR 0012, eighth amendment): elapsed time,
        // so a running clock's key is its start in epoch milliseconds (nothing paused yet); a
        // follow-up carries its next alarm instead; a stopped or paused clock neither.
        boolean running = stoppedAt == null && pausedSince == null;
        boolean warned = warn != null && !warn.isAfter(until);
        Instant next = warn != null && !warned && warn.isBefore(due) ? warn : breached ? null : due;
        if (running && !"FOLLOW_UP".equals(target)) {
            ps.setLong(20, started.toEpochMilli());
        } else {
            ps.setNull(20, java.sql.Types.BIGINT);
        }
        ps.setTimestamp(21, running && "FOLLOW_UP".equals(target) ? ts(next) : null);
        ps.addBatch();
    }

    /** The typed projection rows Kefu keeps beside a values document (FieldProjection's rules). */
    private static void addValues(PreparedStatement ps, String ticketId, TenantProfile.Form form, jakarta.json.JsonObject values) throws SQLException {
        for (TenantProfile.Field f : form.fields()) {
            jakarta.json.JsonValue v = values.get(f.key());
            if (v == null || "LONG_TEXT".equals(f.type())) {
                continue;
            }
            switch (f.type()) {
                case "NUMBER" -> valueRow(ps, ticketId, f.key(), null, ((jakarta.json.JsonNumber) v).bigDecimalValue(), null);
                case "MONEY" -> valueRow(ps, ticketId, f.key(), v.asJsonObject().getString("currency"),
                        new java.math.BigDecimal(v.asJsonObject().getString("amount")), null);
                case "DATE" -> {
                    String d = ((jakarta.json.JsonString) v).getString();
                    valueRow(ps, ticketId, f.key(), d, null, Timestamp.from(java.time.LocalDate.parse(d).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
                }
                case "DATE_TIME" -> {
                    String d = ((jakarta.json.JsonString) v).getString();
                    valueRow(ps, ticketId, f.key(), d, null, Timestamp.from(Instant.parse(d)));
                }
                case "MULTI_CHOICE" -> {
                    for (jakarta.json.JsonValue item : v.asJsonArray()) {
                        valueRow(ps, ticketId, f.key(), ((jakarta.json.JsonString) item).getString(), null, null);
                    }
                }
                default -> valueRow(ps, ticketId, f.key(), v instanceof jakarta.json.JsonString s ? s.getString() : v.toString(), null, null);
            }
        }
    }

    private static void valueRow(PreparedStatement ps, String ticketId, String key, String text, java.math.BigDecimal number, Timestamp time)
            throws SQLException {
        ps.setString(1, UUID.randomUUID().toString());
        ps.setString(2, ticketId);
        ps.setString(3, key);
        ps.setString(4, text);
        ps.setBigDecimal(5, number == null ? null : number.setScale(6, java.math.RoundingMode.UNNECESSARY));
        ps.setTimestamp(6, time);
        ps.addBatch();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Generated tickets are numbered KF-2025-0000001 on, densely; created ones carry the current year. */
    static long countGenerated(Connection c, String schema) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from " + schema + ".ticket where number like 'KF-2025-%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A random existing ticket number (generated ones are dense from 1). */
    static String someNumber(Random r, long size) {
        return String.format("KF-2025-%07d", 1 + (long) (r.nextDouble() * size));
    }

    /**
     * The baseline of a REST create: what TicketService writes, as plain JDBC in one transaction
     * (the year's counter row locked and moved on, the ticket, its created event, the audit row).
     */
    static void insertLikeCreate(Connection c, String schema, int year, String subject) throws SQLException {
        c.setAutoCommit(false);
        try {
            long number;
            try (PreparedStatement st = c.prepareStatement("update " + schema + ".ticket_counter set last_value = last_value + 1 where counter_year = ? returning last_value")) {
                st.setInt(1, year);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("no counter row for " + year);
                    }
                    number = rs.getLong(1);
                }
            }
            String id = UUID.randomUUID().toString();
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement st = c.prepareStatement("insert into " + schema + ".ticket (id, number, kind, status, priority, channel, subject,"
                    + " subject_search, tags, created_at, created_by, updated_at, reopen_count, last_event_seq, version)"
                    + " values (?,?,'FAULT','NEW','HIGH','PHONE',?,?,',bench,',?,'admin',?,0,1,0)")) {
                st.setString(1, id);
                st.setString(2, String.format("KF-%d-%06d", year, number));
                st.setString(3, subject);
                st.setString(4, subject.toLowerCase(java.util.Locale.ROOT));
                st.setTimestamp(5, now);
                st.setTimestamp(6, now);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("insert into " + schema + ".ticket_event (id, ticket_id, seq, occurred_at, actor, type, visibility, data)"
                    + " values (?,?,1,?,'admin','CREATED','PUBLIC',?)")) {
                st.setString(1, UUID.randomUUID().toString());
                st.setString(2, id);
                st.setTimestamp(3, now);
                st.setString(4, "{\"kind\":\"FAULT\",\"priority\":\"HIGH\"}");
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("insert into " + schema + ".audit_event (id, occurred_at, actor, action, subject_type, subject_id, after_state)"
                    + " values (?,?,'admin','ticket.created','ticket',?,?)")) {
                st.setString(1, UUID.randomUUID().toString());
                st.setTimestamp(2, now);
                st.setString(3, id);
                st.setString(4, "{\"subject\":\"" + subject.replace("\"", "") + "\"}");
                st.executeUpdate();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Baseline of a read: the ticket row by number. */
    static void selectByNumber(Connection c, String schema, String number) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select * from " + schema + ".ticket where number = ?")) {
            st.setString(1, number);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no ticket " + number);
                }
            }
        }
    }

    /** Baseline of the filtered list: the same filter, order and page size as the REST call. */
    static int selectFiltered(Connection c, String schema, String status, String priority, int limit) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select * from " + schema + ".ticket where status = ? and priority = ?"
                + " order by created_at desc, id desc limit ?")) {
            st.setString(1, status);
            st.setString(2, priority);
            st.setInt(3, limit);
            return drain(st);
        }
    }

    /** Baseline of the search: the same match as TicketQuery's q (number, or words in the subject), newest first. */
    static int selectSearch(Connection c, String schema, String word, int limit) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select * from " + schema + ".ticket where (number = ? or subject_search like ?)"
                + " order by created_at desc, id desc limit ?")) {
            st.setString(1, word);
            st.setString(2, "%" + word.toLowerCase(java.util.Locale.ROOT) + "%");
            st.setInt(3, limit);
            return drain(st);
        }
    }

    private static int drain(PreparedStatement st) throws SQLException {
        int n = 0;
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                n++;
            }
        }
        return n;
    }
}
