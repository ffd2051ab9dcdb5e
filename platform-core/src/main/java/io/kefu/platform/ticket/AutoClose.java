package io.kefu.platform.ticket;

import java.time.Instant;
import java.util.List;
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

import io.kefu.platform.config.KefuConfig;
import io.kefu.platform.problem.KefuException;
import io.kefu.platform.tenant.Tenant;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.platform.tenant.TenantStatus;
import io.kefu.platform.tenant.Tenants;

/**
 * Closes resolved tickets that the customer did not confirm within the tenant's auto-close
 * days, every {@code kefu.autoclose.period.seconds}. Each ticket closes in its own transaction,
 * as the system, with the reason on its timeline.
 *
 * <p>Runs on every node: a ticket another node closed first is simply no longer RESOLVED (the
 * lifecycle refuses the second close) and is skipped. The cluster-wide scheduler of the service
 * standards issue will take this over.
 */
@Startup
@Singleton
@DependsOn("PlatformStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AutoClose {

    private static final Logger LOG = Logger.getLogger(AutoClose.class.getName());
    static final int BATCH = 200;

    @Inject
    Tenants tenants;

    @Inject
    TenantContext tenantContext;

    @Inject
    TicketService tickets;

    private ScheduledFuture<?> schedule;

    @PostConstruct
    void start() {
        long period = KefuConfig.autoClosePeriodSeconds();
        try {
            ManagedScheduledExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
            schedule = executor.scheduleWithFixedDelay(this::sweepSafely, period, period, TimeUnit.SECONDS);
        } catch (NamingException e) {
            throw new IllegalStateException("No managed scheduled executor: auto-close cannot run", e);
        }
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    private void sweepSafely() {
        try {
            sweep(Instant.now());
        } catch (RuntimeException e) {
            // A failed sweep must not cancel the schedule; the next one retries.
            LOG.log(Level.WARNING, "Auto-close sweep failed", e);
        }
    }

    /** One pass over all active tenants; returns how many tickets it closed. */
    public int sweep(Instant now) {
        int closed = 0;
        List<Tenant> active = tenants.inStatus(TenantStatus.ACTIVE);
        for (Tenant t : active) {
            int[] count = {0};
            tenantContext.run(t.code(), () -> {
                for (String number : tickets.dueForAutoClose(now, BATCH)) {
                    try {
                        tickets.autoClose(number);
                        count[0]++;
                    } catch (KefuException e) {
                        // Closed or changed meanwhile (by a person or another node): nothing to do.
                        LOG.fine(() -> "Auto-close skipped " + number + ": " + e.code());
                    }
                }
            });
            closed += count[0];
        }
        if (closed > 0) {
            LOG.info("Auto-closed " + closed + " resolved tickets");
        }
        return closed;
    }
}
