package io.kefu.ui.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import io.kefu.db.testing.TestPostgres;

/**
 * One integration-test run against one Payara Micro started by Arquillian: which database, which
 * ports, which data directory. {@link #prepare(String)} runs before Arquillian reads
 * {@code arquillian.xml}, which names these values as {@code ${kefu.it.*}} system properties.
 * The tests read the same properties, so every value has one source.
 */
public final class ItEnvironment {

    /** {@code h2} or {@code postgresql}; set per failsafe execution in ui/pom.xml. */
    public static final String DATABASE = "kefu.it.database";
    /** Folder for this module's IT runs, {@code target/it}; set in ui/pom.xml. */
    public static final String BASE = "kefu.it.base";
    /** The packaged WAR; set in ui/pom.xml. */
    public static final String WAR = "kefu.it.war";

    static final String DIR = "kefu.it.dir";
    static final String PORT = "kefu.it.port";
    static final String HAZELCAST_PORT = "kefu.it.hazelcast.port";
    static final String PORT_BASE = "kefu.it.port.base";
    static final String HAZELCAST_BASE = "kefu.it.hazelcast.base";
    static final String CLUSTER = "kefu.it.cluster";
    static final String DB_URL = "kefu.it.db.url";
    static final String OPERATOR_PASSWORD = "kefu.it.operator.password";

    private ItEnvironment() {
    }

    /** Idempotent: the JUnit launcher may open more than one session in one JVM. */
    static synchronized void prepare(String database) {
        if (System.getProperty(DIR) != null) {
            return;
        }
        if (!database.equals("h2") && !database.equals("postgresql")) {
            throw new IllegalArgumentException(DATABASE + " must be h2 or postgresql, not " + database);
        }
        try {
            // Arquillian's Payara connector copies the WAR under java.io.tmpdir (set to target/it/tmp).
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            String run = database + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                    + "-" + Integer.toString(ThreadLocalRandom.current().nextInt(0x10000), 16);
            Path dir = Path.of(System.getProperty(BASE, "target/it")).resolve(run).toAbsolutePath().normalize();
            Files.createDirectories(dir.resolve("data"));
            Files.createDirectories(dir.resolve("payara-tmp"));
            ItPlugins.prepare(dir.resolve("plugins"));
            boolean h2 = database.equals("h2");
            System.setProperty(DIR, dir.toString());
            System.setProperty(CLUSTER, "kefu-it-" + run);
            // Several builds on one machine (parallel branches): -Dkefu.it.port.base / -Dkefu.it.hazelcast.base
            // move a build's ports into its own range; probing for a free port alone races with another run starting.
            int http = Integer.getInteger(PORT_BASE, 18080);
            int hazelcast = Integer.getInteger(HAZELCAST_BASE, 16900);
            System.setProperty(PORT, Integer.toString(freePort(h2 ? http : http + 1)));
            System.setProperty(HAZELCAST_PORT, Integer.toString(freePort(h2 ? hazelcast : hazelcast + 50)));
            System.setProperty(OPERATOR_PASSWORD, "kefu-it-operator-1");
            if (h2) {
                System.setProperty(DB_URL, "jdbc:h2:file:" + dir.resolve("data").resolve("db").resolve("kefu"));
            } else {
                // Never skipped: TestPostgres fails loudly when no PostgreSQL can be had.
                System.setProperty(DB_URL, TestPostgres.freshDatabaseUrl());
                System.out.println("[kefu-it] PostgreSQL: " + TestPostgres.describe() + ", database " + System.getProperty(DB_URL));
            }
            System.out.println("[kefu-it] " + database + " run in " + dir + ", HTTP port " + System.getProperty(PORT));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the integration-test folders", e);
        }
    }

    /** {@code h2} or {@code postgresql}. */
    public static String database() {
        return required(DATABASE).toLowerCase(Locale.ROOT);
    }

    public static boolean onPostgres() {
        return database().equals("postgresql");
    }

    public static int port() {
        return Integer.parseInt(required(PORT));
    }

    /** JDBC URL of the database the server uses (H2: its file, which the server keeps locked). */
    public static String jdbcUrl() {
        return required(DB_URL);
    }

    public static String operatorPassword() {
        return required(OPERATOR_PASSWORD);
    }

    /** The server's data directory (kefu.data.dir), where attachments are stored per tenant. */
    public static Path dataDir() {
        return Path.of(required(DIR)).resolve("data");
    }

    public static Path war() {
        return Path.of(System.getProperty(WAR, "target/ROOT.war"));
    }

    private static String required(String name) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set: run the integration tests with "
                    + "`mvn verify` in module ui (failsafe sets " + DATABASE + " and ItSession prepares the rest)");
        }
        return v;
    }

    /** The preferred port, or the next free one above it (a developer's instance may hold it). */
    private static int freePort(int preferred) {
        for (int p = preferred; p < preferred + 40; p++) {
            try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                s.setReuseAddress(false);
                return p;
            } catch (IOException busy) {
                // try the next one
            }
        }
        throw new IllegalStateException("No free port in " + preferred + ".." + (preferred + 39));
    }
}
