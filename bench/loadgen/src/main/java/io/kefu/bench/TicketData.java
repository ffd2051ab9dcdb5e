package io.kefu.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic tickets written straight into a tenant schema, reproducible by seed: the five kinds,
 * industry categories, Chinese and English subjects, statuses across the lifecycle, a created
 * event for each. Also the plain-JDBC baseline of what a REST create writes (counter, ticket,
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

    /** Adds generated tickets until there are {@code target} of them; returns how many it wrote. */
    static long fill(Connection c, String schema, long target, long seed) throws SQLException {
        long have = countGenerated(c, schema);
        if (have >= target) {
            return 0;
        }
        c.setAutoCommit(false);
        Random r = new Random(seed ^ have);
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        long spanSeconds = ChronoUnit.SECONDS.between(start, Instant.parse("2026-11-30T00:00:00Z"));
        String ticketSql = "insert into " + schema + ".ticket (id, number, kind, status, priority, channel, subject, subject_search, description,"
                + " category, assignee, tags, created_at, created_by, updated_at, reopen_count, last_event_seq, version)"
                + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,1,0)";
        String eventSql = "insert into " + schema + ".ticket_event (id, ticket_id, seq, occurred_at, actor, type, visibility) values (?,?,1,?,?,'CREATED','PUBLIC')";
        try (PreparedStatement ticket = c.prepareStatement(ticketSql); PreparedStatement event = c.prepareStatement(eventSql)) {
            for (long n = have + 1; n <= target; n++) {
                String id = new UUID(r.nextLong(), r.nextLong()).toString();
                boolean zh = r.nextInt(10) < 7;
                String subject = zh ? SUBJECTS_ZH[r.nextInt(SUBJECTS_ZH.length)] : SUBJECTS_EN[r.nextInt(SUBJECTS_EN.length)];
                subject = subject + " #" + n;
                Timestamp created = Timestamp.from(start.plusSeconds((long) (r.nextDouble() * spanSeconds)));
                int p = r.nextInt(100);
                ticket.setString(1, id);
                ticket.setString(2, String.format("KF-2025-%07d", n));
                ticket.setString(3, KINDS[r.nextInt(KINDS.length)]);
                ticket.setString(4, STATUSES[r.nextInt(STATUSES.length)]);
                ticket.setString(5, PRIORITIES[p < 10 ? 0 : p < 70 ? 1 : p < 95 ? 2 : 3]);
                ticket.setString(6, CHANNELS[r.nextInt(CHANNELS.length)]);
                ticket.setString(7, subject);
                ticket.setString(8, subject.toLowerCase(java.util.Locale.ROOT));
                ticket.setString(9, zh ? "客户来电反映：" + subject + "。请尽快核实处理并回复客户。" : "Customer reports: " + subject + ". Please check and reply.");
                ticket.setString(10, CATEGORIES[r.nextInt(CATEGORIES.length)]);
                ticket.setString(11, r.nextInt(4) == 0 ? null : "agent" + r.nextInt(40));
                ticket.setString(12, ",bench,");
                ticket.setTimestamp(13, created);
                ticket.setString(14, "bench");
                ticket.setTimestamp(15, created);
                ticket.addBatch();
                event.setString(1, UUID.randomUUID().toString());
                event.setString(2, id);
                event.setTimestamp(3, created);
                event.setString(4, "bench");
                event.addBatch();
                if (n % 2000 == 0 || n == target) {
                    ticket.executeBatch();
                    event.executeBatch();
                    c.commit();
                }
            }
        } finally {
            c.setAutoCommit(true);
        }
        try (Statement st = c.createStatement()) {
            st.execute("analyze " + schema + ".ticket");
            st.execute("analyze " + schema + ".ticket_event");
        }
        return target - have;
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
