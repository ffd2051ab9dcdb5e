package io.kefu.platform.cluster;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/**
 * Leases on cluster-wide jobs, in the platform schema that every node shares. Taking or
 * renewing a lease is one conditional UPDATE (holder is me, or the lease ran out), so two
 * nodes never both get it for the same instant; the first lease of a job is an INSERT that
 * only one node wins.
 */
@ApplicationScoped
public class ClusterLeases {

    /** This node, as leases name it: a fresh id per start, so a restarted node is a new holder. */
    public static final String NODE = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    @PersistenceContext(unitName = "kefu")
    EntityManager em;

    /**
     * Takes or renews the lease on {@code job} for {@code ttl}. True when this node holds it
     * now; each call runs in its own transaction so that the lease is visible to other nodes at once.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean acquire(String job, Instant now, Duration ttl) {
        int updated = em.createQuery("update Lease l set l.holder = :me, l.leaseUntil = :until"
                        + " where l.name = :job and (l.holder = :me or l.leaseUntil < :now)")
                .setParameter("me", NODE).setParameter("until", now.plus(ttl).atOffset(ZoneOffset.UTC))
                .setParameter("job", job).setParameter("now", now.atOffset(ZoneOffset.UTC))
                .executeUpdate();
        if (updated == 1) {
            return true;
        }
        if (em.find(Lease.class, job) != null) {
            return false;
        }
        try {
            em.persist(new Lease(job, NODE, now.plus(ttl).atOffset(ZoneOffset.UTC)));
            em.flush();
            return true;
        } catch (PersistenceException e) {
            // Another node inserted the first lease at the same moment: it holds it.
            return false;
        }
    }

    /** The node holding the lease on {@code job}, whether or not it ran out (for operators and tests). */
    @Transactional
    public String holder(String job) {
        Lease l = em.find(Lease.class, job);
        return l == null ? null : l.holder();
    }
}
