package io.kefu.db.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for tests, never skipped: the server named by {@code KEFU_TEST_PG_URL}
 * (CI sets it to the machine's PostgreSQL) or else an embedded PostgreSQL started once per JVM.
 * Each caller gets a fresh database of its own, dropped when the JVM exits, so tests never see
 * each other's schemas.
 */
public final class TestPostgres {

    /** e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres} */
    public static final String ENV = "KEFU_TEST_PG_URL";

    private static String adminUrl;
    private static EmbeddedPostgres embedded;
    private static final List<String> created = new ArrayList<>();

    private TestPostgres() {
    }

    /** A new, empty database; the URL carries user and password where needed. */
    public static synchronized String freshDatabaseUrl() {
        String admin = adminUrl();
        String name = "kefu_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database on " + admin, e);
        }
        created.add(name);
        return withDatabase(admin, name);
    }

    /** Where the tests' PostgreSQL is, for messages. */
    public static synchronized String describe() {
        return System.getenv(ENV) != null && !System.getenv(ENV).isBlank()
                ? "PostgreSQL at " + ENV + "=" + System.getenv(ENV)
                : "embedded PostgreSQL (io.zonky.test) on port " + embedded.getPort();
    }

    static String withDatabase(String url, String database) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        String params = q < 0 ? "" : url.substring(q);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + database + params;
    }

    private static String adminUrl() {
        if (adminUrl != null) {
            return adminUrl;
        }
        String fromEnv = System.getenv(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            adminUrl = fromEnv.trim();
        } else {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("No " + ENV + " given and the embedded PostgreSQL did not start", e);
            }
            adminUrl = "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/postgres?user=postgres";
        }
        Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropCreated, "drop-test-databases"));
        return adminUrl;
    }

    private static synchronized void dropCreated() {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement st = c.createStatement()) {
            for (String name : created) {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop test databases " + created + ": " + e.getMessage());
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("Could not stop embedded PostgreSQL: " + e.getMessage());
            }
        }
    }
}
