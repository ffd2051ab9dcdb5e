package io.kefu.platform.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;

import org.junit.jupiter.api.Test;

class LockFailuresTest {

    @Test
    void lockTimeoutsDeadlocksAndSerializationFailuresAreFoundAmongTheCauses() {
        for (String state : new String[] {"HYT00", "55P03", "40P01", "40001"}) {
            Throwable wrapped = new PersistenceException("commit failed", new RuntimeException(new SQLException("x", state)));
            assertTrue(LockFailures.isLockFailure(wrapped), state);
        }
        assertTrue(LockFailures.isLockFailure(new RuntimeException(new PessimisticLockException("held"))));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(LockFailures.isLockFailure(new PersistenceException(new SQLException("duplicate key", "23505"))));
        assertFalse(LockFailures.isLockFailure(new SQLException("no state")));
        assertFalse(LockFailures.isLockFailure(new IllegalStateException("boom")));
    }
}
