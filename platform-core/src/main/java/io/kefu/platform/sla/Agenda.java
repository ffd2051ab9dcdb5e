package io.kefu.platform.sla;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import io.kefu.platform.tenant.TenantContext;
import io.kefu.platform.tenant.persistence.PlatformSchema;
import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * The platform-level agenda of the SLA sweep: per tenant, the earliest instant a clock may
 * need attention. Clock changes only ever lower it (a conditional UPDATE, so concurrent
 * transactions cannot raise it past a clock's alarm); the sweep sets it to the exact next
 * alarm after visiting the tenant ({@link ClockTables#lockAgenda}, {@link ClockTables#settleAgenda}).
 * A tenant whose entry lies in the future costs the sweep nothing.
 */
@ApplicationScoped
@Transactional
public class Agenda {

    @PersistenceContext(unitName = "kefu")
    EntityManager em;

    @Inject
    TenantContext tenants;

    @Inject
    TenantPersistence data;

    /** Makes sure the bound tenant has an entry (done when its first rule is stored). */
    public void ensure() {
        String tenant = tenants.require().value();
        if (em.find(SlaAgenda.class, tenant) == null) {
            em.persist(new SlaAgenda(tenant));
        }
    }

    /**
     * Brings the bound tenant's entry forward to {@code alarm} if it is later or empty. Called
     * after the clock change that made the alarm. On PostgreSQL the entry is key-share-locked
     * first ({@link #holdAgainstSettling()}): a sweep settling the tenant locks it before it
     * reads the next alarm and keeps it until it commits ({@link ClockTables#lockAgenda}). A
     * conditional UPDATE alone compares with the committed entry, which during a visit is the
     * alarm that made the tenant due (so "not later"): it would change nothing, and a visit that
     * had read the clocks before this change committed would then set the entry past this
     * alarm. Holding the lock until commit, this change is either seen by the visit's read or
     * compared with what the visit set. On H2 too: the embedded database runs the same sweep,
     * and a browser test lost a ticket's warnings to this race there.
     */
    public void lower(Instant alarm) {
        if (alarm == null) {
            return;
        }
        holdAgainstSettling();
        lowerTo(alarm);
    }

    /**
     * FOR KEY SHARE, not FOR SHARE: it conflicts with the sweep's FOR UPDATE but not with another
     * clock change's UPDATE of the entry. Two changes holding FOR SHARE would each wait for the
     * other's share to end before their UPDATE: a deadlock whenever two lower at once. H2 has no
     * shared row locks: there the change takes the entry FOR UPDATE, so the clock changes of one
     * tenant commit one after the other (one node, development and demonstration).
     */
    void holdAgainstSettling() {
        em.createNativeQuery("select tenant_code from " + PlatformSchema.NAME + ".sla_agenda where tenant_code = ? "
                + (data.postgres() ? "for key share" : "for update"))
                .setParameter(1, tenants.require().value()).getResultList();
    }

    void lowerTo(Instant alarm) {
        OffsetDateTime at = alarm.atOffset(ZoneOffset.UTC);
        em.createQuery("update SlaAgenda a set a.nextDueAt = :at where a.tenantCode = :t and (a.nextDueAt is null or a.nextDueAt > :at)")
                .setParameter("at", at).setParameter("t", tenants.require().value()).executeUpdate();
    }

    /** Tenants with something due at {@code now}, the most overdue first. */
    public List<SlaAgenda> due(Instant now, int limit) {
        return em.createQuery("select a from SlaAgenda a where a.nextDueAt <= :now order by a.nextDueAt", SlaAgenda.class)
                .setParameter("now", now.atOffset(ZoneOffset.UTC)).setMaxResults(limit).getResultList();
    }

    public OffsetDateTime nextDue() {
        SlaAgenda a = em.find(SlaAgenda.class, tenants.require().value());
        return a == null ? null : a.nextDueAt();
    }
}
