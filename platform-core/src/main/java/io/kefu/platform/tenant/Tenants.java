package io.kefu.platform.tenant;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The tenants of this installation, in the platform schema. */
@ApplicationScoped
@Transactional
public class Tenants {

    @PersistenceContext(unitName = "kefu")
    EntityManager em;

    public Optional<Tenant> find(TenantCode code) {
        return Optional.ofNullable(em.find(Tenant.class, code.value()));
    }

    public List<Tenant> all() {
        return em.createQuery("select t from Tenant t order by t.code", Tenant.class).getResultList();
    }

    public List<Tenant> inStatus(TenantStatus status) {
        return em.createQuery("select t from Tenant t where t.status = :s order by t.code", Tenant.class)
                .setParameter("s", status).getResultList();
    }

    public boolean exists(TenantCode code) {
        return find(code).isPresent();
    }
}
