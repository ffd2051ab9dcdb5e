package io.kefu.platform.sla;

import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantContext;

/**
 * One pass of the service standards' sweep: reads the platform agenda, visits only tenants
 * with something due, fires each due warning and breach in its own transaction, then settles
 * the tenant's agenda entry. Safe to run on two nodes at once: each effect is guarded by a
 * conditional UPDATE ({@link SlaClocks#fireWarning}), so the second sweeper finds nothing to do.
 */
@ApplicationScoped
public class SlaSweep {

    private static final Logger LOG = Logger.getLogger(SlaSweep.class.getName());
    static final int TENANTS_PER_PASS = 1_000;
    static final int CLOCKS_PER_QUERY = 200;

    @Inject
    Agenda agenda;

    @Inject
    SlaClocks clocks;

    @Inject
    TenantContext tenantContext;

    /** What one pass did. */
    public record Result(int tenants, int warnings, int breaches) {
    }

    public Result sweep(Instant now) {
        List<SlaAgenda> due = agenda.due(now, TENANTS_PER_PASS);
        int warnings = 0;
        int breaches = 0;
        for (SlaAgenda entry : due) {
            int[] fired = new int[2];
            try {
                tenantContext.run(new TenantCode(entry.tenantCode()), () -> {
                    fired[0] = fire(clocks.dueWarnings(now, CLOCKS_PER_QUERY), true, now);
                    fired[1] = fire(clocks.dueBreaches(now, CLOCKS_PER_QUERY), false, now);
                    clocks.settleAgenda();
                });
            } catch (RuntimeException e) {
                // One tenant's trouble must not stop the others; its agenda entry stays due and is retried.
                LOG.log(Level.WARNING, "SLA sweep failed for tenant " + entry.tenantCode(), e);
            }
            warnings += fired[0];
            breaches += fired[1];
        }
        if (warnings + breaches > 0) {
            LOG.info(() -> "SLA sweep over " + due.size() + " tenants");
        }
        return new Result(due.size(), warnings, breaches);
    }

    /**
     * Fires the clocks found due; a full page means more may be due: the entry then stays due
     * (settling finds the next alarm in the past) and the next pass continues.
     */
    private int fire(List<String> ids, boolean warning, Instant now) {
        int fired = 0;
        for (String id : ids) {
            try {
                if (warning ? clocks.fireWarning(id, now) : clocks.fireBreach(id, now)) {
                    fired++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "SLA " + (warning ? "warning" : "breach") + " of clock " + id + " failed; retried next pass", e);
            }
        }
        return fired;
    }
}
