package io.kefu.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;

import io.kefu.db.testing.TestPostgres;

class KefuDataSourceTest {

    @AfterEach
    void clear() {
        System.clearProperty("kefu.db.url");
        System.clearProperty("kefu.data.dir");
    }

    @Test
    void theDatabaseNameIsReadFromTheUrl() {
        assertEquals("kefu", KefuDataSource.databaseName("jdbc:postgresql://127.0.0.1:5432/kefu"));
        assertEquals("kefu", KefuDataSource.databaseName("jdbc:postgresql://db:5432/kefu?user=x&password=y"));
        assertEquals("", KefuDataSource.databaseName("jdbc:postgresql://db:5432"));
    }

    @Test
    void aMissingPostgresDatabaseIsCreated() throws SQLException {
        String existing = TestPostgres.freshDatabaseUrl();
        String name = "kefu_ds_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String missing = existing.replaceFirst("/kefu_test_[a-z0-9]+", "/" + name);
        KefuDataSource.createPostgresDatabaseIfMissing(missing, new Properties());
        try (Connection c = DriverManager.getConnection(missing)) {
            assertTrue(c.isValid(2));
        }
        // A second call finds it and does nothing.
        KefuDataSource.createPostgresDatabaseIfMissing(missing, new Properties());
        try (Connection c = DriverManager.getConnection(existing.replaceFirst("/kefu_test_[a-z0-9]+", "/postgres"));
             var st = c.createStatement()) {
            st.execute("DROP DATABASE " + name + " WITH (FORCE)");
        }
    }

    @Test
    void onPostgres_batchedInsertsAreRewritten_unlessTheUrlSaysOtherwise() throws SQLException {
        String url = TestPostgres.freshDatabaseUrl();
        System.setProperty("kefu.db.url", url);
        try (Connection c = new KefuDataSource().getConnection()) {
            assertTrue(c.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled());
        }
        System.setProperty("kefu.db.url", url + "&reWriteBatchedInserts=false");
        try (Connection c = new KefuDataSource().getConnection()) {
            assertFalse(c.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled());
        }
        assertNull(KefuDataSource.connectionProperties("jdbc:h2:mem:x", "kefu").getProperty("reWriteBatchedInserts"));
    }

    @Test
    void onPostgres_theBackendIsNamedAfterItsPool() throws SQLException {
        System.setProperty("kefu.db.url", TestPostgres.freshDatabaseUrl());
        KefuDataSource sweep = new KefuDataSource();
        sweep.setApplicationName("kefu-sweep");
        try (Connection c = sweep.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select application_name from pg_stat_activity where pid = pg_backend_pid()")) {
            assertTrue(rs.next());
            assertEquals("kefu-sweep", rs.getString(1));
        }
    }

    @Test
    void anUnsafeDatabaseNameIsNotCreated() {
        String url = TestPostgres.freshDatabaseUrl().replaceFirst("/kefu_test_[a-z0-9]+", "/Bad-Name");
        assertThrows(SQLException.class, () -> KefuDataSource.createPostgresDatabaseIfMissing(url, new Properties()));
    }

    @Test
    void withoutAUrlKefuUsesTheEmbeddedH2FileUnderTheDataDirectory() throws SQLException {
        String dir = System.getProperty("java.io.tmpdir") + "/kefu-ds-" + UUID.randomUUID();
        System.setProperty("kefu.data.dir", dir);
        try (Connection c = new KefuDataSource().getConnection()) {
            assertTrue(c.getMetaData().getURL().startsWith("jdbc:h2:file:" + dir + "/db/kefu"), c.getMetaData().getURL());
        }
    }
}
