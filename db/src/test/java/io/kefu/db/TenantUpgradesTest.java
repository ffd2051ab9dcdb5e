package io.kefu.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.kefu.db.SchemaMigrator.SchemaName;
import io.kefu.db.TenantUpgrades.Report;
import io.kefu.db.testing.TestPostgres;

class TenantUpgradesTest {

    private static final String UPGRADE = "db/test/upgrade-changelog.xml";

    @Test
    void upgradesEverySchemaEachOnItsOwnConnection_onPostgres() throws SQLException {
        String url = TestPostgres.freshDatabaseUrl();
        upgradeManyThenAddOneChangeset(() -> DriverManager.getConnection(url));
    }

    @Test
    void upgradesEverySchemaEachOnItsOwnConnection_onH2() throws SQLException {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection keepAlive = DriverManager.getConnection(url)) {
            upgradeManyThenAddOneChangeset(() -> DriverManager.getConnection(url));
        }
    }

    @Test
    void upgradesManySchemasInParallelWithABound_onPostgres() throws SQLException {
        String url = TestPostgres.freshDatabaseUrl();
        // More schemas than workers, so that workers finish updates while others run (the case
        // that left Liquibase's table lock set, liquibase#7956).
        upgradeManyThenAddOneChangeset(() -> DriverManager.getConnection(url), 30, 6);
    }

    @Test
    void aSchemaWhoseChangeLogLockIsHeldElsewhereWaitsForIt_onPostgres() throws Exception {
        String url = TestPostgres.freshDatabaseUrl();
        SchemaName schema = new SchemaName("t_waits");
        try (Connection other = DriverManager.getConnection(url)) {
            // Another node migrating the schema holds its lock.
            try (java.sql.PreparedStatement ps = other.prepareStatement("select pg_advisory_lock(?, ?)")) {
                ps.setInt(1, SchemaLockService.KEY_SPACE);
                ps.setInt(2, SchemaLockService.key(schema.value()));
                ps.execute();
            }
            java.util.concurrent.CompletableFuture<Report> run = java.util.concurrent.CompletableFuture.supplyAsync(() -> TenantUpgrades.upgradeAll(
                    () -> DriverManager.getConnection(url), List.of(schema), SchemaMigrator.TENANT_CHANGELOG, 2, null));
            Thread.sleep(2500);
            assertFalse(run.isDone(), "the migration waits for the lock");
            // Liquibase creates its DATABASECHANGELOG before it asks for the lock; no changeset runs.
            assertEquals(Set.of("databasechangelog"), tables(other, "t_waits"), "nothing migrated while the lock is held");
            other.createStatement().execute("select pg_advisory_unlock_all()");
            Report report = run.get(2, java.util.concurrent.TimeUnit.MINUTES);
            assertTrue(report.allSucceeded(), () -> "failures: " + report.failures());
            assertTrue(tableCount(other, "t_waits") > 20);
            SchemaMigratorTest.assertNoChangeLogLockHeld(other, schema.value());
        }
    }

    @Test
    void aParallelBoundBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TenantUpgrades.upgradeAll(() -> null, List.of(), SchemaMigrator.TENANT_CHANGELOG, 0, null));
    }

    @Test
    void aFailingSchemaIsReportedTheOthersGoOnAndARerunResumes_onPostgres() throws SQLException {
        String url = TestPostgres.freshDatabaseUrl();
        List<SchemaName> schemas = schemas("t_ok", 3);
        SchemaName broken = new SchemaName("t_broken");
        schemas.add(2, broken);
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            // A table of the same name but another shape: the tenant changelog's createTable fails.
            st.execute("CREATE SCHEMA t_broken");
            st.execute("CREATE TABLE t_broken.ticket (x int)");
        }
        Report first = TenantUpgrades.upgradeAll(() -> DriverManager.getConnection(url), schemas, SchemaMigrator.TENANT_CHANGELOG, 3, null);
        assertEquals(4, first.schemas());
        assertEquals(3, first.succeeded());
        assertEquals(1, first.failures().size());
        assertEquals(broken, first.failures().get(0).schema());
        assertFalse(first.allSucceeded());

        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("DROP TABLE t_broken.ticket");
            // Whatever the failed run left half-done is rolled back or recorded by Liquibase per changeset.
        }
        Report again = TenantUpgrades.upgradeAll(() -> DriverManager.getConnection(url), schemas, SchemaMigrator.TENANT_CHANGELOG, null);
        assertTrue(again.allSucceeded(), () -> "failures: " + again.failures());
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals(tableCount(c, "t_ok_0"), tableCount(c, "t_broken"));
        }
    }

    private static void upgradeManyThenAddOneChangeset(TenantUpgrades.ConnectionFactory connections) throws SQLException {
        upgradeManyThenAddOneChangeset(connections, 6, 1);
    }

    private static void upgradeManyThenAddOneChangeset(TenantUpgrades.ConnectionFactory connections, int n, int parallelism) throws SQLException {
        List<SchemaName> schemas = schemas("t_up", n);
        ConcurrentHashMap<String, Boolean> seen = new ConcurrentHashMap<>();
        Report created = TenantUpgrades.upgradeAll(connections, schemas, SchemaMigrator.TENANT_CHANGELOG, parallelism,
                o -> seen.put(o.schema().value(), o.succeeded()));
        assertTrue(created.allSucceeded(), () -> "failures: " + created.failures());
        assertEquals(n, created.succeeded());
        assertEquals(n, seen.size(), "progress reported every schema");
        assertEquals(n, created.connectionsOpened(), "one connection per schema");

        Report upgraded = TenantUpgrades.upgradeAll(connections, schemas, UPGRADE, parallelism, null);
        assertTrue(upgraded.allSucceeded(), () -> "failures: " + upgraded.failures());
        try (Connection c = connections.open()) {
            int tables = tableCount(c, "t_up_0");
            int changesets = count(c, "t_up_0.databasechangelog");
            for (SchemaName s : schemas) {
                // Verify every schema instead of trusting the log (STACK.md: Liquibase traps across many schemas).
                assertEquals(tables, tableCount(c, s.value()), s.value());
                assertEquals(changesets, count(c, s.value() + ".databasechangelog"), s.value());
                assertEquals(1, count(c, s.value() + ".databasechangelog where id = 'test-upgrade-1'"), s.value());
                assertTrue(columns(c, s.value(), "ticket").contains("upgrade_marker"), s.value());
                SchemaMigratorTest.assertNoChangeLogLockHeld(c, s.value());
            }
        }
    }

    private static List<SchemaName> schemas(String prefix, int n) {
        return new ArrayList<>(IntStream.range(0, n).mapToObj(i -> new SchemaName(prefix + "_" + i)).toList());
    }

    private static Set<String> tables(Connection c, String schema) throws SQLException {
        Set<String> names = new java.util.TreeSet<>();
        try (ResultSet rs = c.getMetaData().getTables(null, fold(c, schema), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        }
        return names;
    }

    private static int tableCount(Connection c, String schema) throws SQLException {
        int n = 0;
        try (ResultSet rs = c.getMetaData().getTables(null, fold(c, schema), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                n++;
            }
        }
        return n;
    }

    private static Set<String> columns(Connection c, String schema, String table) throws SQLException {
        Set<String> names = new java.util.HashSet<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, fold(c, schema), fold(c, table), "%")) {
            while (rs.next()) {
                names.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        }
        return names;
    }

    private static String fold(Connection c, String name) throws SQLException {
        return c.getMetaData().storesUpperCaseIdentifiers() ? name.toUpperCase(java.util.Locale.ROOT) : name;
    }

    private static int count(Connection c, String from) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from " + from)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
