package io.kefu.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * <p>One schema at a time, on purpose: Liquibase 4.33 run concurrently in one JVM on different
 * schemas left DATABASECHANGELOGLOCK rows set (TenantUpgradesTest reproduced it with four
 * threads, on separate connections), and the next upgrade of those schemas waited five minutes
 * for a lock nobody held. H2 refuses concurrent DDL anyway. ADR 0003 records the measurement
 * that one at a time meets the goal (1,000 tenants well under five minutes).
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
     * Migrates every schema in {@code schemas} with {@code changelog} and returns when all have
     * been tried. {@code progress} sees each outcome as it happens.
     */
    public static Report upgradeAll(ConnectionFactory connections, List<SchemaName> schemas, String changelog,
                                    Consumer<Outcome> progress) {
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(changelog, "changelog");
        long t0 = System.nanoTime();
        List<Outcome> failures = new ArrayList<>();
        int succeeded = 0;
        int opened = 0;
        for (SchemaName schema : schemas) {
            long s0 = System.nanoTime();
            Outcome outcome;
            try (Connection connection = connections.open()) {
                opened++;
                SchemaMigrator.migrate(connection, schema, changelog);
                outcome = new Outcome(schema, true, (System.nanoTime() - s0) / 1_000_000, null);
                succeeded++;
            } catch (SQLException | RuntimeException e) {
                outcome = new Outcome(schema, false, (System.nanoTime() - s0) / 1_000_000, String.valueOf(e.getMessage()));
                failures.add(outcome);
            }
            if (progress != null) {
                progress.accept(outcome);
            }
        }
        return new Report(schemas.size(), succeeded, List.copyOf(failures), (System.nanoTime() - t0) / 1_000_000, opened);
    }
}
