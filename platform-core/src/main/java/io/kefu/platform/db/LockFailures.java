package io.kefu.platform.db;

import java.sql.SQLException;
import java.util.Set;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;

/**
 * Whether a failure means "another transaction held what this one needed": a lock wait that
 * timed out, a lock that was not available, a deadlock whose victim this was, or a serialization
 * failure. The work was rolled back whole, so the caller may try it again or report a conflict
 * the client can retry, rather than a server error.
 */
public final class LockFailures {

    /**
     * H2: HYT00 lock timeout, 40001 deadlock. PostgreSQL: 55P03 lock not available (lock_timeout,
     * NOWAIT), 40P01 deadlock detected, 40001 serialization failure.
     */
    private static final Set<String> SQL_STATES = Set.of("HYT00", "55P03", "40P01", "40001");

    private LockFailures() {
    }

    /** True when {@code e} or any of its causes is a lock failure. */
    public static boolean isLockFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PessimisticLockException || t instanceof LockTimeoutException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null && SQL_STATES.contains(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
