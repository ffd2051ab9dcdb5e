package io.kefu.platform.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.TypedQuery;

import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.sessions.DatabaseRecord;
import org.eclipse.persistence.jpa.JpaQuery;
import org.eclipse.persistence.queries.DatabaseQuery;
import org.eclipse.persistence.sessions.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.kefu.platform.form.FieldFilter;
import io.kefu.platform.form.FieldSort;
import io.kefu.platform.form.FieldType;
import io.kefu.platform.db.TenantTestDatabase;
import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * Custom field filters and sorting as {@link TicketQuery} writes them, run by EclipseLink against
 * a migrated tenant schema on H2 and PostgreSQL; and, on PostgreSQL with 100,000 tickets, the plan
 * of the exact SQL of an equality filter, which must use the GIN index on the values document.
 */
class CustomFieldFilterDatabaseTest {

    private static final String SCHEMA = "t_fields";
    private static final int MANY = 100_000;
    private static final Map<String, FieldType> TYPES = Map.of("waybillNo", FieldType.IDENTIFIER, "weight", FieldType.NUMBER,
            "issue", FieldType.SINGLE_CHOICE, "urgent", FieldType.BOOLEAN);

    private EntityManagerFactory emf;
    private String url;

    @AfterEach
    void close() {
        if (emf != null) {
            emf.close();
        }
    }

    private void open(String database) throws Exception {
        url = TenantTestDatabase.migrated(database, SCHEMA);
        emf = TenantTestDatabase.persistenceUnit(database, url);
    }

    /** Inserts tickets by JDBC: i-th has waybill SF{i}, weight i % 50, issue late/lost, urgent every 7th. */
    private void insert(int count, boolean projection) throws Exception {
        boolean h2 = url.startsWith("jdbc:h2");
        String table = h2 ? SCHEMA.toUpperCase() : SCHEMA;
        // PostgreSQL's driver sends a batch as multi-row inserts only when asked to.
        String loadUrl = h2 ? url : url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        try (Connection c = DriverManager.getConnection(loadUrl)) {
            c.setAutoCommit(false);
            try (PreparedStatement t = c.prepareStatement("insert into " + table + ".ticket (id, number, kind, status, priority, channel,"
                    + " subject, subject_search, tags, custom_fields, created_at, created_by, updated_at, reopen_count, last_event_seq, version)"
                    + " values (?, ?, 'COMPLAINT', 'NEW', 'NORMAL', 'API', 's', 's', ',', ?, ?, 'test', ?, 0, 0, 1)");
                 PreparedStatement v = c.prepareStatement("insert into " + table + ".ticket_field_value (id, ticket_id, field_key,"
                         + " text_value, number_value) values (?, ?, ?, ?, ?)")) {
                Instant base = Instant.parse("2026-01-01T00:00:00Z");
                for (int i = 0; i < count; i++) {
                    String id = String.format("00000000-0000-0000-0000-%012d", i);
                    String issue = i % 3 == 0 ? "lost" : "late";
                    t.setString(1, id);
                    t.setString(2, "KF-2026-" + i);
                    t.setString(3, "{\"waybillNo\":\"SF" + i + "\",\"weight\":" + (i % 50) + ",\"issue\":\"" + issue + "\",\"urgent\":" + (i % 7 == 0) + "}");
                    Timestamp at = Timestamp.from(base.plusSeconds(i));
                    t.setTimestamp(4, at);
                    t.setTimestamp(5, at);
                    t.addBatch();
                    if (projection) {
                        row(v, id, "waybillNo", "SF" + i, null);
                        row(v, id, "weight", null, new java.math.BigDecimal(i % 50).setScale(6));
                        row(v, id, "issue", issue, null);
                        row(v, id, "urgent", Boolean.toString(i % 7 == 0), null);
                    }
                    if (i % 5000 == 4999) {
                        t.executeBatch();
                        v.executeBatch();
                    }
                }
                t.executeBatch();
                v.executeBatch();
            }
            c.commit();
        }
    }

    private static void row(PreparedStatement v, String ticket, String key, String text, java.math.BigDecimal number) throws Exception {
        v.setString(1, UUID.randomUUID().toString());
        v.setString(2, ticket);
        v.setString(3, key);
        v.setString(4, text);
        v.setBigDecimal(5, number);
        v.addBatch();
    }

    private static TicketQuery query(List<FieldFilter> filters, FieldSort sort, TicketQuery.Cursor after, int limit) {
        return new TicketQuery(java.util.Set.of(), null, null, null, false, null, null, null, null, null, null,
                TicketQuery.Sort.CREATED_DESC, after, limit, filters, sort);
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager(Map.of(TenantPersistence.TENANT_PROPERTY, SCHEMA));
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private TypedQuery<Ticket> typed(EntityManager em, TicketQuery q) {
        boolean postgres = em.unwrap(Session.class).getPlatform().isPostgreSQL();
        TicketQuery.Jpql jpql = q.where(TYPES::get, postgres);
        TypedQuery<Ticket> tq = em.createQuery("select t from Ticket t" + jpql.from() + jpql.where() + jpql.orderBy(), Ticket.class);
        jpql.params().forEach(p -> tq.setParameter((String) p[0], p[1]));
        return tq.setMaxResults(q.limit() + 1);
    }

    private List<String> numbers(TicketQuery q) {
        return inTransaction(em -> typed(em, q).getResultList().stream().map(Ticket::number).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void filtersAndSortingByCustomFieldsFindTheRightTickets(String database) throws Exception {
        open(database);
        insert(30, true);
        assertEquals(List.of("KF-2026-7"), numbers(query(List.of(new FieldFilter("waybillNo", FieldFilter.Op.EQ, "SF7")), null, null, 50)));
        assertEquals(List.of("KF-2026-28", "KF-2026-21", "KF-2026-14", "KF-2026-7", "KF-2026-0"),
                numbers(query(List.of(new FieldFilter("urgent", FieldFilter.Op.EQ, "true")), null, null, 50)));
        assertEquals(List.of("KF-2026-21", "KF-2026-0"), numbers(query(List.of(new FieldFilter("urgent", FieldFilter.Op.EQ, "true"),
                new FieldFilter("issue", FieldFilter.Op.EQ, "lost"), new FieldFilter("weight", FieldFilter.Op.LTE, "21")), null, null, 50)));
        assertEquals(List.of("KF-2026-12"), numbers(query(List.of(new FieldFilter("weight", FieldFilter.Op.EQ, "12.0")), null, null, 50)));
        assertEquals(List.of("KF-2026-29", "KF-2026-28"), numbers(query(List.of(new FieldFilter("weight", FieldFilter.Op.GTE, "28")), null, null, 50)));

        // Sorted by weight (ascending), two per page, continued by the cursor.
        TicketQuery first = query(List.of(new FieldFilter("issue", FieldFilter.Op.EQ, "lost")), new FieldSort("weight", false), null, 2);
        List<String> all = new ArrayList<>();
        TicketQuery.Cursor after = null;
        for (int page = 0; page < 10; page++) {
            TicketQuery q = query(first.fieldFilters(), first.fieldSort(), after, 2);
            List<Object[]> rows = inTransaction(em -> {
                TicketQuery.Jpql jpql = q.where(TYPES::get, em.unwrap(Session.class).getPlatform().isPostgreSQL());
                TypedQuery<Object[]> tq = em.createQuery("select t, " + jpql.sortValue() + " from Ticket t" + jpql.from() + jpql.where()
                        + jpql.orderBy(), Object[].class);
                jpql.params().forEach(p -> tq.setParameter((String) p[0], p[1]));
                return tq.setMaxResults(3).getResultList();
            });
            rows.stream().limit(2).forEach(r -> all.add(((Ticket) r[0]).number()));
            if (rows.size() <= 2) {
                break;
            }
            Object[] last = rows.get(1);
            after = TicketQuery.Cursor.field(((Ticket) last[0]).id(), ((java.math.BigDecimal) last[1]).toPlainString());
        }
        assertEquals(List.of("KF-2026-0", "KF-2026-3", "KF-2026-6", "KF-2026-9", "KF-2026-12", "KF-2026-15", "KF-2026-18",
                "KF-2026-21", "KF-2026-24", "KF-2026-27"), all, "every lost parcel once, lightest first");
    }

    @Test
    void onPostgresqlAnEqualityFilterOver100kTicketsUsesTheJsonbIndex() throws Exception {
        open("postgresql");
        long start = System.nanoTime();
        insert(MANY, true);
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("ANALYZE " + SCHEMA + ".ticket");
            st.execute("ANALYZE " + SCHEMA + ".ticket_field_value");
        }
        long loadedMs = (System.nanoTime() - start) / 1_000_000;

        TicketQuery eq = query(List.of(new FieldFilter("waybillNo", FieldFilter.Op.EQ, "SF4242")), null, null, 50);
        String sql = inTransaction(em -> sql(em, eq));
        assertTrue(sql.contains("CAST(custom_fields AS jsonb) @> CAST('{\"waybillNo\":\"SF4242\"}' AS jsonb)"), sql);
        String plan = explain(sql);
        assertTrue(plan.contains("ix_ticket_custom_fields"), "the filter must use the GIN index:\n" + plan);
        assertEquals(List.of("KF-2026-4242"), numbers(eq));

        TicketQuery range = query(List.of(new FieldFilter("weight", FieldFilter.Op.GTE, "49")), new FieldSort("weight", true), null, 50);
        String rangePlan = explain(inTransaction(em -> sql(em, range)));
        assertTrue(rangePlan.contains("ix_field_value_number"), "ranges and sorting read the typed projection's index:\n" + rangePlan);
        System.out.println("custom field filter over " + MANY + " tickets: loaded and analysed in " + loadedMs + " ms; plan:\n" + plan);
    }

    /** The SQL EclipseLink sends for the query, with its arguments written in. */
    private String sql(EntityManager em, TicketQuery q) {
        TypedQuery<Ticket> tq = typed(em, q);
        DatabaseQuery dq = tq.unwrap(JpaQuery.class).getDatabaseQuery();
        AbstractSession session = (AbstractSession) em.unwrap(Session.class);
        dq.prepareCall(session, new DatabaseRecord());
        DatabaseRecord args = new DatabaseRecord();
        TicketQuery.Jpql jpql = q.where(TYPES::get, true);
        Map<String, Object> byName = new HashMap<>();
        jpql.params().forEach(p -> byName.put((String) p[0], p[1]));
        for (String name : dq.getArguments()) {
            args.put(name, byName.get(name));
        }
        return dq.getTranslatedSQLString(session, args);
    }

    private String explain(String sql) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("EXPLAIN " + sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
