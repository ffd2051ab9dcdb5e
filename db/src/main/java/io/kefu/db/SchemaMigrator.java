package io.kefu.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Applies a Liquibase changelog inside one schema, creating the schema first.
 *
 * <p>Every schema keeps its own DATABASECHANGELOG, so the platform schema and each tenant schema
 * are migrated, and can be inspected, independently. The schema name is written into DDL, so it
 * must come from {@link SchemaName}, never from raw input.
 */
public final class SchemaMigrator {

    /** The platform schema: tenants, plans, plugin catalog, logins, operators. */
    public static final String PLATFORM_CHANGELOG = "db/platform/changelog.xml";
    /** Applied in every tenant's own schema. */
    public static final String TENANT_CHANGELOG = "db/tenant/changelog.xml";

    /**
     * One migration at a time in this JVM where the change-log lock is Liquibase's table row
     * (H2): Liquibase 4.33 keeps JVM-wide lock state, and concurrent runs on different schemas
     * left DATABASECHANGELOGLOCK rows set (ADR 0003); H2 refuses concurrent DDL anyway. On
     * PostgreSQL the lock is {@link SchemaLockService}'s advisory lock per schema, which is safe
     * to take concurrently, so migrations of different schemas run in parallel.
     */
    private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock(true);

    /** Held so that the level set here is not lost when the logger is collected. */
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

    static {
        // One line per changeset and tenant drowns the start-up log; warnings still show.
        LIQUIBASE_LOG.setLevel(Level.WARNING);
    }

    private SchemaMigrator() {
    }

    /**
     * Creates {@code schema} when missing and brings it up to date with {@code changelog}.
     * The connection is left open and in its original auto-commit mode.
     */
    public static void migrate(Connection connection, SchemaName schema, String changelog) {
        migrate(connection, schema, changelog, SchemaMigrator.class.getClassLoader());
    }

    /**
     * As {@link #migrate(Connection, SchemaName, String)}, reading the changelog through
     * {@code resources}: an industry plugin's changelog lives in the plugin's own class loader.
     */
    public static void migrate(Connection connection, SchemaName schema, String changelog, ClassLoader resources) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(schema, "schema");
        Database database;
        try {
            database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        } catch (LiquibaseException e) {
            throw new MigrationException("Migrating schema " + schema.value() + " with " + changelog + " failed: " + e.getMessage(), e);
        }
        // The criterion SchemaLockService supports: where it holds the lock, migrations may run concurrently.
        boolean postgres = database instanceof PostgresDatabase;
        if (!postgres) {
            ONE_AT_A_TIME.lock();
        }
        try {
            createSchemaIfMissing(connection, schema);
            // Unquoted names fold to upper case on H2 and lower case on PostgreSQL; tell Liquibase
            // the folded name so its own metadata lookups find the schema it just created.
            String folded = database.correctObjectName(schema.value(), liquibase.structure.core.Schema.class);
            database.setDefaultSchemaName(folded);
            database.setLiquibaseSchemaName(folded);
            if (postgres && !(LockServiceFactory.getInstance().getLockService(database) instanceof SchemaLockService)) {
                // Without it concurrent migrations would share Liquibase's table lock and its JVM-wide state.
                throw new MigrationException("Kefu's change-log lock (" + SchemaLockService.class.getName()
                        + ") was not found by Liquibase's service locator; refusing to migrate " + schema.value(), null);
            }
            // Liquibase reports through the application's log, not by printing to standard output.
            Map<String, Object> scope = Map.of(
                    Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(resources),
                    Scope.Attr.ui.name(), new LoggerUIService());
            Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                    .execute());
        } catch (Exception e) {
            throw new MigrationException("Migrating schema " + schema.value() + " with " + changelog + " failed: " + e.getMessage(), e);
        } finally {
            if (postgres) {
                // Liquibase may have skipped its release (a concurrent update reset its lock services,
                // liquibase#7956); the session's hold is dropped here whatever it remembers.
                releaseQuietly(connection, schema);
            } else {
                ONE_AT_A_TIME.unlock();
            }
        }
    }

    private static void releaseQuietly(Connection connection, SchemaName schema) {
        try {
            if (!connection.isClosed()) {
                SchemaLockService.release(connection, schema.value());
            }
        } catch (SQLException e) {
            // The session's end releases it: the caller closes the connection (TenantUpgrades, TenantSchemas).
            LIQUIBASE_LOG.log(Level.WARNING, "Could not release the change-log lock of " + schema.value() + "; it ends with the connection", e);
        }
    }

    /** Drops a schema and everything in it; used to undo a provisioning that failed half-way. */
    public static void dropSchema(Connection connection, SchemaName schema) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema.value() + " CASCADE");
        }
        commitIfNeeded(connection);
    }

    private static void createSchemaIfMissing(Connection connection, SchemaName schema) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + schema.value());
        }
        commitIfNeeded(connection);
    }

    private static void commitIfNeeded(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    /**
     * A schema name that is safe to write into SQL unquoted: lower-case letters, digits and
     * underscores, starting with a letter, at most 40 characters.
     */
    public record SchemaName(String value) {
        private static final Pattern SAFE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

        public SchemaName {
            Objects.requireNonNull(value, "value");
            if (!SAFE.matcher(value).matches()) {
                throw new IllegalArgumentException("Not a safe schema name: " + value);
            }
        }
    }
}
