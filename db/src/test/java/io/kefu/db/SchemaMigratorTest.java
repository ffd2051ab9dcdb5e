package io.kefu.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.kefu.db.SchemaMigrator.SchemaName;
import io.kefu.db.testing.TestPostgres;

class SchemaMigratorTest {

    private static final Set<String> TENANT_TABLES = Set.of("member", "tenant_setting", "audit_event", "customer", "customer_contact",
            "team", "team_member", "team_rotation", "ticket", "ticket_event", "ticket_counter", "idempotency_key", "attachment",
            "form", "form_version", "ticket_field_value",
            "sla_calendar", "sla_standard", "sla_standard_version", "sla_clock", "sla_recompute", "notification",
            "plugin_enablement", "plugin_pending_document", "category", "canned_reply", "knowledge_article", "emergency_plan", "kpi_definition",
            "saved_filter", "databasechangelog");

    @Test
    void eachTenantSchemaGetsItsOwnTablesAndChangelog_onH2() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            migrateTwoTenantsTwice(c);
        }
    }

    @Test
    void eachTenantSchemaGetsItsOwnTablesAndChangelog_onPostgres() throws SQLException {
        try (Connection c = DriverManager.getConnection(TestPostgres.freshDatabaseUrl())) {
            migrateTwoTenantsTwice(c);
        }
    }

    @Test
    void migrationsStartedTogetherFromSeveralThreads_allCompleteAndLeaveNoLockSet_onPostgres() throws Exception {
        String url = TestPostgres.freshDatabaseUrl();
        List<SchemaName> schemas = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            schemas.add(new SchemaName("t_par_" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(schemas.size());
        // Twice: creating the schemas, then re-running on them (a start-up's upgrade meeting a provisioning).
        for (int round = 0; round < 2; round++) {
            migrateAllAtOnce(pool, schemas, url);
        }
        pool.shutdownNow();
        try (Connection c = DriverManager.getConnection(url)) {
            for (SchemaName s : schemas) {
                assertEquals(tenantTables(c), tables(c, s.value()), s.value());
                assertNoChangeLogLockHeld(c, s.value());
            }
        }
    }

    private static void migrateAllAtOnce(ExecutorService pool, List<SchemaName> schemas, String url) throws Exception {
        {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (SchemaName s : schemas) {
                runs.add(pool.submit(() -> {
                    start.await();
                    try (Connection c = DriverManager.getConnection(url)) {
                        SchemaMigrator.migrate(c, s, SchemaMigrator.TENANT_CHANGELOG);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(5, TimeUnit.MINUTES);
            }
        }
    }

    @Test
    void platformChangelogCreatesPlatformTables_onH2() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            SchemaMigrator.migrate(c, new SchemaName("kefu"), SchemaMigrator.PLATFORM_CHANGELOG);
            assertEquals(Set.of("plan", "tenant", "login", "operator_account", "plugin", "api_token", "sla_agenda", "scheduler_lease", "databasechangelog", "databasechangeloglock"),
                    tables(c, "kefu"));
            assertEquals(3, count(c, "kefu.plan"));
        }
    }

    @Test
    void dropSchemaRemovesEverything() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            SchemaMigrator.migrate(c, new SchemaName("t_gone"), SchemaMigrator.TENANT_CHANGELOG);
            SchemaMigrator.dropSchema(c, new SchemaName("t_gone"));
            assertEquals(Set.of(), tables(c, "t_gone"));
        }
    }

    @Test
    void unsafeSchemaNamesAreRefused() {
        for (String bad : new String[] {"T_ACME", "t-acme", "t_acme; drop table x", "", "1abc", "a".repeat(41)}) {
            assertThrows(IllegalArgumentException.class, () -> new SchemaName(bad), bad);
        }
    }

    private static void migrateTwoTenantsTwice(Connection c) throws SQLException {
        SchemaName a = new SchemaName("t_alpha");
        SchemaName b = new SchemaName("t_beta_2");
        SchemaMigrator.migrate(c, a, SchemaMigrator.TENANT_CHANGELOG);
        SchemaMigrator.migrate(c, b, SchemaMigrator.TENANT_CHANGELOG);
        int appliedA = count(c, "t_alpha.databasechangelog");
        // A second run is an upgrade with nothing new: it must change nothing.
        SchemaMigrator.migrate(c, a, SchemaMigrator.TENANT_CHANGELOG);
        SchemaMigrator.migrate(c, b, SchemaMigrator.TENANT_CHANGELOG);

        assertEquals(tenantTables(c), tables(c, "t_alpha"));
        assertEquals(tenantTables(c), tables(c, "t_beta_2"));
        assertEquals(appliedA, count(c, "t_alpha.databasechangelog"));
        assertEquals(count(c, "t_alpha.databasechangelog"), count(c, "t_beta_2.databasechangelog"));
        assertNoChangeLogLockHeld(c, "t_alpha");
    }

    /** The tenant tables, and on H2 Liquibase's lock table (PostgreSQL's change-log lock is an advisory lock, no table). */
    private static Set<String> tenantTables(Connection c) throws SQLException {
        Set<String> expected = new TreeSet<>(TENANT_TABLES);
        if (!postgres(c)) {
            expected.add("databasechangeloglock");
        }
        return expected;
    }

    static boolean postgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
    }

    /** No session holds the schema's change-log lock: no lock row set on H2, no advisory lock on PostgreSQL. */
    static void assertNoChangeLogLockHeld(Connection c, String schema) throws SQLException {
        if (postgres(c)) {
            assertEquals(0, count(c, "pg_locks where locktype = 'advisory' and classid = " + Integer.toUnsignedLong(SchemaLockService.KEY_SPACE)
                    + " and objid = " + Integer.toUnsignedLong(SchemaLockService.key(schema))), schema);
        } else {
            assertEquals(0, count(c, schema + ".databasechangeloglock where locked = true"), schema);
        }
    }

    static Set<String> tables(Connection c, String schema) throws SQLException {
        Set<String> names = new TreeSet<>();
        for (String s : new String[] {schema, schema.toUpperCase()}) {
            try (ResultSet rs = c.getMetaData().getTables(null, s, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME").toLowerCase());
                }
            }
        }
        return names;
    }

    private static int count(Connection c, String from) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from " + from)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
