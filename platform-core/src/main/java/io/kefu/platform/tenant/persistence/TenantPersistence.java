package io.kefu.platform.tenant.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.persistence.config.EntityManagerProperties;

import io.kefu.platform.db.KefuDatabase;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantContext;

/**
 * The only way to an EntityManager for tenant data. Tenant entities are
 * {@code @Multitenant(TABLE_PER_TENANT)} with a SCHEMA discriminator (ADR 0002); this class
 * sets the bound tenant's schema on the transaction's EntityManager before it is used, and
 * refuses a second tenant in the same transaction. Work that needs no entity can take the
 * transaction's JDBC connection alone ({@link #jdbcOnly(KefuDatabase.Pool)}) and skip the EntityManager's per-
 * tenant set-up.
 */
@ApplicationScoped
public class TenantPersistence {

    /**
     * The EntityManager property naming the tenant's schema; tenant entities declare it as their
     * discriminator's context property.
     */
    public static final String TENANT_PROPERTY = EntityManagerProperties.MULTITENANT_PROPERTY_DEFAULT;

    private static final String BOUND_KEY = TenantPersistence.class.getName() + ".tenant";
    private static final String JDBC_KEY = TenantPersistence.class.getName() + ".jdbc";

    @PersistenceContext(unitName = "kefu")
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Inject
    KefuDatabase database;

    /** Whether the database is PostgreSQL; it never changes while the application runs, so it is asked once. */
    private volatile Boolean postgres;

    public EntityManager entityManager() {
        TenantCode tenant = tenants.require();
        TransactionSynchronizationRegistry transactions = activeTransaction();
        if (transactions.getResource(JDBC_KEY) != null) {
            // Two ways to the database in one transaction could hold two physical connections.
            throw new IllegalStateException("This transaction works through JDBC alone (jdbcOnly); it cannot use the EntityManager as well");
        }
        Object bound = transactions.getResource(BOUND_KEY);
        if (bound == null) {
            em.setProperty(TENANT_PROPERTY, tenant.schemaName().value());
            transactions.putResource(BOUND_KEY, tenant);
        } else if (!bound.equals(tenant)) {
            throw new IllegalStateException("This transaction already works for tenant " + bound + ", not " + tenant);
        }
        return em;
    }

    /**
     * The running transaction's JDBC connection: the one taken by {@link #jdbcOnly(KefuDatabase.Pool)}, else the
     * EntityManager's own (bound to the tenant first). Statements on it share the transaction
     * with everything else it does; tenant tables must be named with the tenant's schema.
     */
    public Connection connection() {
        Connection alone = (Connection) activeTransaction().getResource(JDBC_KEY);
        return alone != null ? alone : entityManager().unwrap(Connection.class);
    }

    /**
     * Makes the running transaction work through JDBC alone, for work that reads and writes no
     * entity: a connection from the container's data source of that pool, enlisted in the
     * transaction and closed before it completes. It spares the EntityManager's set-up for the tenant (under
     * TABLE_PER_TENANT a client session with the tenant's copy of every descriptor, and JPQL
     * parsed anew), which is most of what a small transaction costs (ADR 0012: the SLA sweep
     * visits a thousand tenants a period with a few statements each). The EntityManager is
     * refused for the rest of the transaction. Returns the connection; when the transaction
     * already used the EntityManager, that one's, and when it already took one, that one, whatever
     * its pool: a transaction holds one physical connection.
     */
    public Connection jdbcOnly(KefuDatabase.Pool pool) {
        tenants.require();
        TransactionSynchronizationRegistry transactions = activeTransaction();
        if (transactions.getResource(BOUND_KEY) != null) {
            return em.unwrap(Connection.class);
        }
        Connection alone = (Connection) transactions.getResource(JDBC_KEY);
        if (alone != null) {
            return alone;
        }
        try {
            Connection opened = database.dataSource(pool).getConnection();
            transactions.putResource(JDBC_KEY, opened);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // Closing the handle leaves the physical connection enlisted until the transaction ends.
                    close(opened);
                }

                @Override
                public void afterCompletion(int status) {
                    // A rollback skips beforeCompletion; closing twice is harmless.
                    close(opened);
                }
            });
            return opened;
        } catch (SQLException e) {
            throw new PersistenceException("No database connection for the transaction", e);
        }
    }

    /** Writes the EntityManager's pending changes, if this transaction used it, so that JDBC statements after it see them. */
    public void flushIfUsed() {
        if (activeTransaction().getResource(BOUND_KEY) != null) {
            em.flush();
        }
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // Nothing to do: the pool takes the connection back when the transaction ends.
        }
    }

    /** Whether the calling thread runs inside an active transaction (whose writes others see only once it commits). */
    public boolean inTransaction() {
        return database.transactions().getTransactionStatus() == Status.STATUS_ACTIVE;
    }

    private TransactionSynchronizationRegistry activeTransaction() {
        TransactionSynchronizationRegistry transactions = database.transactions();
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Tenant data is reached only inside a transaction (mark the service @Transactional)");
        }
        return transactions;
    }

    /** Whether tenant data lives in PostgreSQL (jsonb filters, set-based array statements) rather than H2. */
    public boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            try {
                known = connection().getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgresql");
            } catch (SQLException e) {
                throw new PersistenceException("Cannot tell which database this is", e);
            }
            postgres = known;
        }
        return known;
    }
}
