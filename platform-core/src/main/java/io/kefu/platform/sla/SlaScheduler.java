package io.kefu.platform.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import io.kefu.platform.cluster.ClusterLeases;
import io.kefu.platform.config.KefuConfig;

/**
 * Runs the SLA sweep on one node of the cluster every {@code kefu.sla.sweep.period.seconds}
 * (ADR 0008). Every node ticks on a non-persistent schedule; a tick sweeps only while its node
 * holds the {@value #JOB} lease in the platform schema, renewed each tick for three periods.
 * When the holder dies its lease runs out and the next tick of a survivor takes it over. The
 * database guards each warning and breach as well, so even two sweeping nodes (a holder that
 * stalled past its lease) fire each exactly once. The sweeping node also finishes rule changes
 * whose re-evaluation was cut short ({@link ServiceStandards#resumeCutShort}).
 */
@Startup
@Singleton
@DependsOn("PlatformStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SlaScheduler {

    private static final Logger LOG = Logger.getLogger(SlaScheduler.class.getName());
    public static final String JOB = "sla-sweep";

    @Inject
    ClusterLeases leases;

    @Inject
    SlaSweep sweep;

    @Inject
    ServiceStandards standards;

    private ScheduledFuture<?> schedule;
    private Duration lease;
    private volatile boolean holding;

    @PostConstruct
    void start() {
        long period = KefuConfig.slaSweepPeriodSeconds();
        lease = Duration.ofSeconds(Math.max(3, 3 * period));
        try {
            ManagedScheduledExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
            schedule = executor.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.SECONDS);
        } catch (NamingException e) {
            throw new IllegalStateException("No managed scheduled executor: the SLA sweep cannot run", e);
        }
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    private void tick() {
        try {
            Instant now = Instant.now();
            boolean held = leases.acquire(JOB, now, lease);
            if (held != holding) {
                LOG.info(() -> (held ? "This node now runs" : "This node no longer runs") + " the SLA sweep (" + ClusterLeases.NODE + ")");
                holding = held;
            }
            if (held) {
                sweep.sweep(now);
                // Rule changes whose re-evaluation was cut short: taken over here, run in the background.
                standards.resumeCutShort(now);
            }
        } catch (RuntimeException e) {
            // A failed tick must not cancel the schedule; the next one retries.
            LOG.log(Level.WARNING, "SLA sweep tick failed", e);
        }
    }
}
