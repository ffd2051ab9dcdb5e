package io.kefu.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.kefu.db.SchemaMigrator.SchemaName;

/**
 * Brings many schemas up to date with one changelog, a bounded number at a time.
 *
 * <p>Why every schema is migrated on a connection of its own, opened for it and closed after:
 * <ul>
 * <li>a PostgreSQL backend caches the catalog entries of every schema it has touched and never
 * gives that memory back, so one connection walking 10,000 schemas grows without bound (reports
 * of crashes start near 2,000 schemas); pooled connections would carry that cache on into
 * request handling;</li>
 * <li>Liquibase caches its lock service and executor per JDBC connection, so two schemas migrated
 * on one connection share a lock service still aimed at the first schema (seen: lock rows left
 * set, the next upgrade of that schema waiting five minutes for a lock nobody holds).</li>
 * </ul>
 * A new PostgreSQL connection on loopback costs a few milliseconds, small next to Liquibase's own
 * work per schema ({@code bench/} measures the whole against plain JDBC).
 *
 * <p>H2 takes DDL on one connection at a time (parallel DDL times out locking its catalog):
 * callers use a parallelism of 1 there.
 *
 * <p>A schema that fails is reported and the others go on; running again resumes, because
 * Liquibase applies only what each schema's own DATABASECHANGELOG lacks.
 */
public final class TenantUpgrades {

    /** Opens a new physical connection, not one from a pool. */
    @FunctionalInterface
    public interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    /** One schema's result. */
    public record Outcome(SchemaName schema, boolean succeeded, long millis, String error) {
    }

    /** The whole run: how many schemas, how many failed and which, how long. */
    public record Report(int schemas, int succeeded, List<Outcome> failures, long millis, int connectionsOpened) {
        public boolean allSucceeded() {
            return failures.isEmpty();
        }
    }

    private TenantUpgrades() {
    }

    /**
     * Migrates every schema in {@code schemas} with {@code changelog}, at most {@code parallelism}
     * at once, and returns when all have been tried. {@code progress} sees each outcome as it
     * happens (from worker threads).
     */
    public static Report upgradeAll(ConnectionFactory connections, List<SchemaName> schemas, String changelog,
                                    int parallelism, Consumer<Outcome> progress) {
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(changelog, "changelog");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        long t0 = System.nanoTime();
        ConcurrentLinkedQueue<SchemaName> pending = new ConcurrentLinkedQueue<>(schemas);
        List<Outcome> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger opened = new AtomicInteger();
        int workers = Math.min(parallelism, Math.max(1, schemas.size()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "kefu-tenant-upgrade");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int w = 0; w < workers; w++) {
                pool.execute(() -> work(connections, pending, changelog, progress, failures, succeeded, opened));
            }
        } finally {
            pool.shutdown();
        }
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                // keep waiting: a large installation may take many minutes, and stopping half-way is worse
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new MigrationException("Interrupted while upgrading tenant schemas", e);
        }
        List<Outcome> failed = new ArrayList<>(failures);
        failed.sort((a, b) -> a.schema().value().compareTo(b.schema().value()));
        return new Report(schemas.size(), succeeded.get(), List.copyOf(failed), (System.nanoTime() - t0) / 1_000_000, opened.get());
    }

    private static void work(ConnectionFactory connections, ConcurrentLinkedQueue<SchemaName> pending, String changelog,
                             Consumer<Outcome> progress, List<Outcome> failures, AtomicInteger succeeded, AtomicInteger opened) {
        SchemaName schema;
        while ((schema = pending.poll()) != null) {
            long t0 = System.nanoTime();
            Outcome outcome;
            try (Connection connection = connections.open()) {
                opened.incrementAndGet();
                SchemaMigrator.migrate(connection, schema, changelog);
                outcome = new Outcome(schema, true, (System.nanoTime() - t0) / 1_000_000, null);
                succeeded.incrementAndGet();
            } catch (SQLException | RuntimeException e) {
                outcome = new Outcome(schema, false, (System.nanoTime() - t0) / 1_000_000, String.valueOf(e.getMessage()));
                failures.add(outcome);
            }
            if (progress != null) {
                progress.accept(outcome);
            }
        }
    }
}
