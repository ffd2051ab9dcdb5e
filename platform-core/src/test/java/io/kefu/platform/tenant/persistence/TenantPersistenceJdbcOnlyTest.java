package io.kefu.platform.tenant.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.junit.jupiter.api.Test;

import io.kefu.platform.db.KefuDatabase;
import io.kefu.platform.db.KefuDatabase.Pool;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantContext;

/**
 * A transaction that works through JDBC alone: one connection for the whole transaction, closed
 * when it completes, and no EntityManager beside it (two ways in could hold two physical
 * connections). The container's pieces are stand-ins; the Arquillian tests run it for real.
 */
class TenantPersistenceJdbcOnlyTest {

    /** One JTA transaction as the registry shows it: its resources, synchronizations and status. */
    static final class Transaction implements TransactionSynchronizationRegistry {
        final Map<Object, Object> resources = new HashMap<>();
        final List<Synchronization> synchronizations = new ArrayList<>();
        int status = Status.STATUS_ACTIVE;

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
            resources.put(key, value);
        }

        @Override
        public Object getResource(Object key) {
            return resources.get(key);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {
            status = Status.STATUS_MARKED_ROLLBACK;
        }

        @Override
        public boolean getRollbackOnly() {
            return status == Status.STATUS_MARKED_ROLLBACK;
        }

        void commit() {
            synchronizations.forEach(Synchronization::beforeCompletion);
            status = Status.STATUS_COMMITTED;
            synchronizations.forEach(s -> s.afterCompletion(Status.STATUS_COMMITTED));
        }
    }

    private final Transaction tx = new Transaction();
    private final List<String> opened = new ArrayList<>();
    private final List<String> closed = new ArrayList<>();

    private TenantPersistence persistence() {
        TenantPersistence p = new TenantPersistence();
        p.tenants = new TenantContext();
        p.database = new KefuDatabase() {
            @Override
            public DataSource dataSource(Pool pool) {
                return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (ds, m, a) -> {
                    if (!m.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(m.getName());
                    }
                    String name = pool.name().toLowerCase(java.util.Locale.ROOT) + "-" + (opened.size() + 1);
                    opened.add(name);
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (c, cm, ca) -> switch (cm.getName()) {
                        case "close" -> closed.add(name);
                        case "toString" -> name;
                        case "hashCode" -> System.identityHashCode(c);
                        case "equals" -> c == ca[0];
                        default -> throw new UnsupportedOperationException(cm.getName());
                    });
                });
            }

            @Override
            public TransactionSynchronizationRegistry transactions() {
                return tx;
            }
        };
        return p;
    }

    @Test
    void aJdbcOnlyTransactionHasOneConnection_closedWhenItCompletes_andNoEntityManager() {
        TenantPersistence p = persistence();
        try (TenantContext.Binding ignored = p.tenants.bind(new TenantCode("acme"))) {
            Connection first = p.jdbcOnly(Pool.SHARED);
            assertSame(first, p.jdbcOnly(Pool.SHARED), "asked again: the same connection");
            assertSame(first, p.connection(), "the transaction's connection is that one");
            IllegalStateException refused = assertThrows(IllegalStateException.class, p::entityManager);
            assertTrue(refused.getMessage().contains("JDBC alone"), refused.getMessage());
            assertEquals(List.of("shared-1"), opened);
            assertEquals(List.of(), closed, "open while the transaction runs");
            tx.commit();
            assertTrue(closed.contains("shared-1"), "closed at completion");
        }
    }

    @Test
    void theSweepsConnectionComesFromItsOwnPool_andATransactionKeepsTheOneItHas() {
        TenantPersistence p = persistence();
        try (TenantContext.Binding ignored = p.tenants.bind(new TenantCode("acme"))) {
            Connection sweep = p.jdbcOnly(Pool.SWEEP);
            assertEquals("sweep-1", sweep.toString());
            assertSame(sweep, p.jdbcOnly(Pool.SHARED), "one physical connection per transaction, whichever pool is asked next");
            assertEquals(List.of("sweep-1"), opened);
            tx.commit();
            assertTrue(closed.contains("sweep-1"), "closed at completion");
        }
    }

    @Test
    void outsideATransactionTenantDataIsRefused() {
        TenantPersistence p = persistence();
        tx.status = Status.STATUS_NO_TRANSACTION;
        try (TenantContext.Binding ignored = p.tenants.bind(new TenantCode("acme"))) {
            assertThrows(IllegalStateException.class, () -> p.jdbcOnly(Pool.SHARED));
            assertThrows(IllegalStateException.class, p::connection);
        }
        assertEquals(List.of(), opened);
    }

    @Test
    void withoutATenantNothingIsOpened() {
        TenantPersistence p = persistence();
        assertThrows(RuntimeException.class, () -> p.jdbcOnly(Pool.SHARED));
        assertEquals(List.of(), opened);
    }
}
