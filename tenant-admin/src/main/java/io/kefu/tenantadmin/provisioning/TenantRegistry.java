package io.kefu.tenantadmin.provisioning;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.kefu.platform.problem.ConflictException;
import io.kefu.platform.tenant.Tenant;
import io.kefu.platform.tenant.TenantCode;

/**
 * The tenant rows of the platform schema, each change in a transaction of its own so that a
 * claimed code is visible to other nodes before its schema is built.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class TenantRegistry {

    @PersistenceContext(unitName = "kefu")
    EntityManager em;

    /** Records the tenant as PROVISIONING; a code already taken (even concurrently) is a conflict. */
    public void claim(Tenant tenant) {
        if (em.find(Tenant.class, tenant.code().value()) != null) {
            throw new ConflictException("tenant.code.taken", tenant.code().value());
        }
        try {
            em.persist(tenant);
            em.flush();
        } catch (PersistenceException e) {
            throw new ConflictException("tenant.code.taken", tenant.code().value());
        }
    }

    public void activate(TenantCode code) {
        em.find(Tenant.class, code.value()).activate();
    }

    /** Removes the tenant row and its logins (cascade), leaving no trace of a failed provisioning. */
    public void forget(TenantCode code) {
        em.createQuery("delete from Login l where l.tenantCode = :c").setParameter("c", code.value()).executeUpdate();
        em.createQuery("delete from Tenant t where t.code = :c").setParameter("c", code.value()).executeUpdate();
    }

    public Optional<Tenant> find(TenantCode code) {
        return Optional.ofNullable(em.find(Tenant.class, code.value()));
    }
}
