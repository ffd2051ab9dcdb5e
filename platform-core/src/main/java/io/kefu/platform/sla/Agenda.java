package io.kefu.platform.sla;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import io.kefu.platform.tenant.TenantContext;

/**
 * The platform-level agenda of the SLA sweep: per tenant, the earliest instant a clock may
 * need attention. Clock changes only ever lower it (a conditional UPDATE, so concurrent
 * transactions cannot raise it past a clock's alarm); the sweep sets it to the exact next
 * alarm after visiting the tenant, unless a clock change lowered it meanwhile. A tenant whose
 * entry lies in the future costs the sweep nothing.
 */
@ApplicationScoped
@Transactional
public class Agenda {

    @PersistenceContext(unitName = "kefu")
    EntityManager em;

    @Inject
    TenantContext tenants;

    /** Makes sure the bound tenant has an entry (done when its first rule is stored). */
    public void ensure() {
        String tenant = tenants.require().value();
        if (em.find(SlaAgenda.class, tenant) == null) {
            em.persist(new SlaAgenda(tenant));
        }
    }

    /** Brings the bound tenant's entry forward to {@code alarm} if it is later or empty. */
    public void lower(Instant alarm) {
        if (alarm == null) {
            return;
        }
        OffsetDateTime at = alarm.atOffset(ZoneOffset.UTC);
        em.createQuery("update SlaAgenda a set a.nextDueAt = :at where a.tenantCode = :t and (a.nextDueAt is null or a.nextDueAt > :at)")
                .setParameter("at", at).setParameter("t", tenants.require().value()).executeUpdate();
    }

    /** Tenants with something due at {@code now}, the most overdue first. */
    public List<SlaAgenda> due(Instant now, int limit) {
        return em.createQuery("select a from SlaAgenda a where a.nextDueAt <= :now order by a.nextDueAt", SlaAgenda.class)
                .setParameter("now", now.atOffset(ZoneOffset.UTC)).setMaxResults(limit).getResultList();
    }

    /**
     * After a sweep of the bound tenant: sets its entry to the next alarm {@code next} computes.
     * The entry's row is locked first, so a clock change that lowered it either committed before
     * {@code next} looks (and is seen) or waits and lowers the settled value afterwards.
     */
    public void settle(Supplier<Instant> next) {
        SlaAgenda a = em.find(SlaAgenda.class, tenants.require().value(), LockModeType.PESSIMISTIC_WRITE);
        if (a != null) {
            Instant at = next.get();
            a.settle(at == null ? null : at.atOffset(ZoneOffset.UTC));
        }
    }

    public OffsetDateTime nextDue() {
        SlaAgenda a = em.find(SlaAgenda.class, tenants.require().value());
        return a == null ? null : a.nextDueAt();
    }
}
