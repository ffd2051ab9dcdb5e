package io.kefu.platform.tenant.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.persistence.config.EntityManagerProperties;

import io.kefu.platform.db.KefuDatabase;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantContext;

/**
 * The only way to an EntityManager for tenant data. Tenant entities are
 * {@code @Multitenant(TABLE_PER_TENANT)} with a SCHEMA discriminator (ADR 0002); this class
 * sets the bound tenant's schema on the transaction's EntityManager before it is used, and
 * refuses a second tenant in the same transaction.
 */
@ApplicationScoped
public class TenantPersistence {

    /**
     * The EntityManager property naming the tenant's schema; tenant entities declare it as their
     * discriminator's context property.
     */
    public static final String TENANT_PROPERTY = EntityManagerProperties.MULTITENANT_PROPERTY_DEFAULT;

    private static final String BOUND_KEY = TenantPersistence.class.getName() + ".tenant";

    @PersistenceContext(unitName = "kefu")
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Inject
    KefuDatabase database;

    public EntityManager entityManager() {
        TenantCode tenant = tenants.require();
        TransactionSynchronizationRegistry transactions = database.transactions();
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Tenant data is reached only inside a transaction (mark the service @Transactional)");
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

    /** Whether tenant data lives in PostgreSQL (jsonb filters, set-based array statements) rather than H2. */
    public boolean postgres() {
        return entityManager().unwrap(org.eclipse.persistence.sessions.Session.class).getPlatform().isPostgreSQL();
    }
}
