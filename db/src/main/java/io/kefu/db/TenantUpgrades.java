package io.kefu.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.kefu.db.SchemaMigrator.SchemaName;

/**
 * Brings many schemas up to date with one changelog.
 *
 * <p>Every schema is migrated on a connection of its own, opened for it and closed after: a
 * PostgreSQL backend caches the catalog entries of every schema it has touched and never gives
 * that memory back, so one connection walking 10,000 schemas grows without bound (reports of
 * crashes start near 2,000 schemas); pooled connections would carry that cache on into request
 * handling. A new connection on loopback costs a few milliseconds, small next to Liquibase's
 * own work per schema ({@code bench/} measures the whole against plain JDBC).
 *
 * <p>Schemas are migrated {@code parallelism} at a time. On PostgreSQL that is safe because the
 * change-log lock is {@link SchemaLockService}'s advisory lock per schema, not Liquibase's table
 * row, which Liquibase 4.33 leaves set when updates run concurrently in one JVM (ADR 0003). On
 * H2 {@link SchemaMigrator} still runs one migration at a time whatever the bound: H2 refuses
 * concurrent DDL. The bound keeps the database's work (and its connections) in proportion: each
 * worker holds one connection and one CPU's worth of DDL.
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

    /** As {@link #upgradeAll(ConnectionFactory, List, String, int, Consumer)}, one schema at a time. */
    public static Report upgradeAll(ConnectionFactory connections, List<SchemaName> schemas, String changelog,
                                    Consumer<Outcome> progress) {
        return upgradeAll(connections, schemas, changelog, 1, progress);
    }

    /**
     * Migrates every schema in {@code schemas} with {@code changelog}, at most {@code parallelism}
     * at once, and returns when all have been tried; failures are listed in the order of
     * {@code schemas}. {@code progress} sees each outcome as it happens, one call at a time.
     */
    public static Report upgradeAll(ConnectionFactory connections, List<SchemaName> schemas, String changelog, int parallelism,
                                    Consumer<Outcome> progress) {
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(changelog, "changelog");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        long t0 = System.nanoTime();
        Outcome[] outcomes = new Outcome[schemas.size()];
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < outcomes.length; i = next.getAndIncrement()) {
                outcomes[i] = upgradeOne(connections, schemas.get(i), changelog, opened);
                if (progress != null) {
                    synchronized (progress) {
                        progress.accept(outcomes[i]);
                    }
                }
            }
        };
        int threads = Math.min(parallelism, Math.max(1, schemas.size()));
        if (threads == 1) {
            worker.run();
        } else {
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread thread = new Thread(worker, "kefu-upgrade-" + t);
                thread.start();
                workers.add(thread);
            }
            for (Thread thread : workers) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while upgrading tenant schemas", e);
                }
            }
        }
        List<Outcome> failures = new ArrayList<>();
        int succeeded = 0;
        for (Outcome o : outcomes) {
            if (o.succeeded()) {
                succeeded++;
            } else {
                failures.add(o);
            }
        }
        return new Report(schemas.size(), succeeded, List.copyOf(failures), (System.nanoTime() - t0) / 1_000_000, opened.get());
    }

    private static Outcome upgradeOne(ConnectionFactory connections, SchemaName schema, String changelog, AtomicInteger opened) {
        long s0 = System.nanoTime();
        try (Connection connection = connections.open()) {
            opened.incrementAndGet();
            SchemaMigrator.migrate(connection, schema, changelog);
            return new Outcome(schema, true, (System.nanoTime() - s0) / 1_000_000, null);
        } catch (SQLException | RuntimeException e) {
            return new Outcome(schema, false, (System.nanoTime() - s0) / 1_000_000, String.valueOf(e.getMessage()));
        }
    }
}
