package io.kefu.platform.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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
 *
 * <p>The entry also holds the tenant's pending re-evaluation of open tickets after a rule or
 * calendar change (ADR 0012, seventh amendment): written down before the change, cleared by the
 * run that finishes it, taken over by the sweep when a run was cut short.
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

    /**
     * A re-evaluation requested of the bound tenant: its token, and the request it replaced
     * (null: none was pending) with that request's due instant, to be put back if the change
     * does not happen ({@link #withdraw}).
     */
    public record Reevaluation(String token, String replaced, OffsetDateTime replacedDue) {
    }

    /**
     * Writes down that the bound tenant's open tickets are to be re-evaluated: a new token, due
     * for the sweep at {@code now + lease} unless a run finishes it first. Made before the rule
     * change and committed on its own, so that a change which commits always has its request: a
     * request whose change then fails is withdrawn, or at worst re-evaluates unchanged rules,
     * which changes nothing.
     */
    public Reevaluation requestReevaluation(Instant now, Duration lease) {
        SlaAgenda a = locked();
        if (a == null) {
            a = new SlaAgenda(tenants.require().value());
            em.persist(a);
        }
        Reevaluation r = new Reevaluation(UUID.randomUUID().toString(), a.reevaluationRequest(), a.reevaluationDue());
        a.requestReevaluation(r.token(), now.plus(lease).atOffset(ZoneOffset.UTC));
        return r;
    }

    /** The change did not happen (or needs no re-evaluation): its request is taken back and the one it replaced, if any, restored. */
    public void withdraw(Reevaluation r) {
        SlaAgenda a = locked();
        if (a != null && r.token().equals(a.reevaluationRequest())) {
            a.requestReevaluation(r.replaced(), r.replaced() == null ? null : r.replacedDue());
        }
    }

    /**
     * A run of request {@code token} is alive: pushes the instant the sweep would take it over to
     * {@code now + lease} when less than half of the lease is left. One conditional UPDATE, which
     * changes nothing most of the time; a run calls it after every page.
     */
    public void holdReevaluation(String token, Instant now, Duration lease) {
        em.createQuery("update SlaAgenda a set a.reevaluationDue = :until where a.tenantCode = :t and a.reevaluationRequest = :token"
                        + " and a.reevaluationDue < :half")
                .setParameter("until", now.plus(lease).atOffset(ZoneOffset.UTC))
                .setParameter("half", now.plus(lease.dividedBy(2)).atOffset(ZoneOffset.UTC))
                .setParameter("t", tenants.require().value()).setParameter("token", token).executeUpdate();
    }

    /**
     * A run of request {@code token} finished: the request is cleared if it is still the latest.
     * A change made meanwhile has its own request, which stays for its own run. True when cleared.
     */
    public boolean completeReevaluation(String token) {
        return em.createQuery("update SlaAgenda a set a.reevaluationRequest = null, a.reevaluationDue = null"
                        + " where a.tenantCode = :t and a.reevaluationRequest = :token")
                .setParameter("t", tenants.require().value()).setParameter("token", token).executeUpdate() == 1;
    }

    /** Tenants with a re-evaluation due at {@code now}: requested and not finished within its lease, the oldest first. */
    public List<String> reevaluationsDue(Instant now, int limit) {
        return em.createQuery("select a.tenantCode from SlaAgenda a where a.reevaluationDue <= :now order by a.reevaluationDue", String.class)
                .setParameter("now", now.atOffset(ZoneOffset.UTC)).setMaxResults(limit).getResultList();
    }

    /**
     * Takes over the bound tenant's due re-evaluation for {@code lease}: returns its token, or
     * null when none is due any more (finished, or taken over by another node meanwhile).
     */
    public String claimReevaluation(Instant now, Duration lease) {
        SlaAgenda a = locked();
        if (a == null || a.reevaluationDue() == null || a.reevaluationDue().toInstant().isAfter(now)) {
            return null;
        }
        a.holdReevaluationUntil(now.plus(lease).atOffset(ZoneOffset.UTC));
        return a.reevaluationRequest();
    }

    private SlaAgenda locked() {
        return em.find(SlaAgenda.class, tenants.require().value(), LockModeType.PESSIMISTIC_WRITE);
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
