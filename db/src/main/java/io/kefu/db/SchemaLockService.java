package io.kefu.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;
import liquibase.exception.LockException;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.LockService;

/**
 * Liquibase's change-log lock on PostgreSQL as a session-level advisory lock keyed by the schema,
 * instead of the row in each schema's DATABASECHANGELOGLOCK table (ADR 0003, revised
 * 2026-12-02).
 *
 * <p>Why: Liquibase 4.33 cannot run updates concurrently in one JVM with its table lock. A
 * finishing update resets the JVM-wide {@code LockServiceFactory}, so a concurrent update on
 * another schema later asks a fresh lock service whether it holds the lock, is told no, and
 * skips the release (liquibase#7956, #6831): the row stays set and the next upgrade of that
 * schema waits five minutes for a lock nobody holds. The same happens to any node killed during a
 * migration. An advisory lock belongs to the connection: PostgreSQL drops it when the session
 * ends, and {@link SchemaMigrator} also releases it explicitly once the update returns, whatever
 * this object was told. Other nodes still wait for it, because advisory locks are database-wide.
 *
 * <p>Found by Liquibase's service locator (META-INF/services) with a higher priority than the
 * table lock; only for PostgreSQL. H2 keeps the table lock and one migration at a time.
 */
public class SchemaLockService implements LockService {

    /** First half of the advisory key: Kefu's schema locks, apart from any other advisory lock. */
    static final int KEY_SPACE = 0x4B656675; // "Kefu"

    private static final long DEFAULT_WAIT_MINUTES = 5;
    private static final long DEFAULT_RECHECK_SECONDS = 1;

    private Database database;
    private long waitMinutes = DEFAULT_WAIT_MINUTES;
    private long recheckSeconds = DEFAULT_RECHECK_SECONDS;
    private boolean held;

    @Override
    public int getPriority() {
        return PRIORITY_DATABASE;
    }

    @Override
    public boolean supports(Database database) {
        return database instanceof PostgresDatabase;
    }

    @Override
    public void setDatabase(Database database) {
        this.database = database;
    }

    @Override
    public void setChangeLogLockWaitTime(long minutes) {
        this.waitMinutes = minutes;
    }

    @Override
    public void setChangeLogLockRecheckTime(long seconds) {
        this.recheckSeconds = Math.max(1, seconds);
    }

    @Override
    public boolean hasChangeLogLock() {
        return held;
    }

    @Override
    public void waitForLock() throws LockException {
        long deadline = System.currentTimeMillis() + waitMinutes * 60_000;
        while (!acquireLock()) {
            if (System.currentTimeMillis() >= deadline) {
                throw new LockException("Could not take the change-log lock of schema " + schema() + " within " + waitMinutes
                        + " minutes: another migration of it is running");
            }
            Scope.getCurrentScope().getLog(getClass()).info("Waiting for the change-log lock of schema " + schema());
            try {
                Thread.sleep(recheckSeconds * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LockException("Interrupted while waiting for the change-log lock of schema " + schema());
            }
        }
    }

    @Override
    public boolean acquireLock() throws LockException {
        if (held) {
            return true;
        }
        try {
            held = tryLock(connection(), schema());
            return held;
        } catch (SQLException | DatabaseException e) {
            throw new LockException(e);
        }
    }

    @Override
    public void releaseLock() throws LockException {
        try {
            release(connection(), schema());
        } catch (SQLException | DatabaseException e) {
            throw new LockException(e);
        } finally {
            held = false;
        }
    }

    @Override
    public DatabaseChangeLogLock[] listLocks() throws LockException {
        List<DatabaseChangeLogLock> locks = new ArrayList<>();
        try (PreparedStatement ps = connection().prepareStatement(
                "select l.pid, a.backend_start, a.client_addr, a.application_name from pg_locks l"
                        + " left join pg_stat_activity a on a.pid = l.pid"
                        + " where l.locktype = 'advisory' and l.granted and l.classid = ? and l.objid = ? and l.objsubid = 2")) {
            ps.setLong(1, Integer.toUnsignedLong(KEY_SPACE));
            ps.setLong(2, Integer.toUnsignedLong(key(schema())));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.sql.Timestamp since = rs.getTimestamp(2);
                    locks.add(new DatabaseChangeLogLock(1, since == null ? new Date() : new Date(since.getTime()),
                            "PostgreSQL backend " + rs.getInt(1) + " (" + rs.getString(3) + " " + rs.getString(4) + ")"));
                }
            }
            return locks.toArray(new DatabaseChangeLogLock[0]);
        } catch (SQLException | DatabaseException e) {
            throw new LockException(e);
        }
    }

    /** Releases this session's hold; another session's lock ends with that session, never by force from here. */
    @Override
    public void forceReleaseLock() throws LockException {
        releaseLock();
    }

    @Override
    public void reset() {
        held = false;
    }

    @Override
    public void init() {
        // No table to create: the lock lives in PostgreSQL's lock manager.
    }

    @Override
    public void destroy() {
        // Nothing stored.
    }

    private String schema() {
        return database.getLiquibaseSchemaName() != null ? database.getLiquibaseSchemaName() : database.getDefaultSchemaName();
    }

    private Connection connection() throws DatabaseException {
        if (database.getConnection() instanceof JdbcConnection jdbc) {
            return jdbc.getUnderlyingConnection();
        }
        throw new DatabaseException("The change-log lock needs a JDBC connection");
    }

    /**
     * The second half of the advisory key of a schema, also the SLA rules' gate's (its own first
     * half). Two schemas sharing a hash only wait for each other.
     */
    public static int key(String schema) {
        return schema.toLowerCase(java.util.Locale.ROOT).hashCode();
    }

    private static boolean tryLock(Connection connection, String schema) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            ps.setInt(1, KEY_SPACE);
            ps.setInt(2, key(schema));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            } finally {
                endTransaction(connection);
            }
        }
    }

    /**
     * Releases every hold this session has on {@code schema}'s lock (session advisory locks count
     * re-entries) and nothing else. Safe to call when none is held.
     */
    static void release(Connection connection, String schema) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select pg_advisory_unlock(?, ?) from pg_locks"
                + " where locktype = 'advisory' and granted and pid = pg_backend_pid() and classid = ? and objid = ? and objsubid = 2")) {
            ps.setInt(1, KEY_SPACE);
            ps.setInt(2, key(schema));
            ps.setLong(3, Integer.toUnsignedLong(KEY_SPACE));
            ps.setLong(4, Integer.toUnsignedLong(key(schema)));
            boolean more = true;
            // pg_locks shows a session's re-entered lock once: unlock until it is gone.
            while (more) {
                try (ResultSet rs = ps.executeQuery()) {
                    more = rs.next() && rs.getBoolean(1);
                }
            }
        } finally {
            endTransaction(connection);
        }
    }

    /** Session locks outlive transactions; the statement's own transaction is not left open. */
    private static void endTransaction(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }
}
