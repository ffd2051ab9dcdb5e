package io.kefu.platform.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantContext;

/**
 * One pass of the service standards' sweep: reads the platform agenda, visits only tenants
 * with something due, fires their due warnings and breaches a page per transaction, then
 * settles the tenant's agenda entry. Safe to run on two nodes at once: each effect is guarded
 * by a conditional UPDATE of its clock ({@link SlaClocks#fireWarnings}), so the second sweeper
 * finds nothing to do. A page that fails is retried one clock per transaction, so one bad
 * clock cannot hold back the others (ADR 0012). Two tenants are visited at once
 * ({@link #WORKERS}): a visit alternates between this server's CPU and the database's, and a
 * second visit in flight keeps both busy.
 */
@ApplicationScoped
public class SlaSweep {

    private static final Logger LOG = Logger.getLogger(SlaSweep.class.getName());
    static final int TENANTS_PER_PASS = 1_000;
    /** Clocks fired per transaction. */
    static final int PAGE = 500;
    /** Pages per tenant and kind in one pass; a tenant with more stays due and continues next pass. */
    static final int PAGES_PER_PASS = 20;
    /**
     * Tenants visited at once: as many as the sweep's connection pool holds (max-pool-size of
     * java:app/jdbc/kefu-sweep in web.xml; change both together). A visit's statements are short
     * and a tenant's visit touches only its own schema and agenda entry, so visits of different
     * tenants do not wait for each other; on two cores two visits at once halved the pass
     * (docs/benchmarks.md).
     */
    static final int WORKERS = 2;

    @Inject
    Agenda agenda;

    @Inject
    SlaClocks clocks;

    @Inject
    TenantContext tenantContext;

    /** Runs the other workers of a pass; null until first needed (the container's managed executor). */
    Executor workers;

    /** What one pass did. */
    public record Result(int tenants, int warnings, int breaches) {
    }

    public Result sweep(Instant now) {
        long start = System.nanoTime();
        List<SlaAgenda> due = agenda.due(now, TENANTS_PER_PASS);
        LongAdder warnings = new LongAdder();
        LongAdder breaches = new LongAdder();
        // visitTenant catches each tenant's failure: one tenant's trouble does not stop the others.
        Workers.drain(WORKERS, due, this::workers, entry -> {
            int[] fired = visitTenant(entry.tenantCode(), now);
            warnings.add(fired[0]);
            breaches.add(fired[1]);
        });
        Result result = new Result(due.size(), warnings.intValue(), breaches.intValue());
        if (result.warnings() + result.breaches() > 0) {
            // Operators (and bench/sla.sh, which reads this line) see what a pass cost.
            long millis = (System.nanoTime() - start) / 1_000_000;
            LOG.info(() -> String.format("SLA sweep pass: %d tenants visited, %d warnings and %d breaches fired in %d ms",
                    result.tenants(), result.warnings(), result.breaches(), millis));
        }
        return result;
    }

    /** One due tenant: a visit, or page by page when it has much due; what fired (warnings, breaches). */
    private int[] visitTenant(String tenant, Instant now) {
        int[] fired = new int[2];
        try {
            tenantContext.run(new TenantCode(tenant), () -> {
                SlaClocks.Visit visit = visit(tenant, now);
                if (visit != null) {
                    fired[0] = visit.warnings();
                    fired[1] = visit.breaches();
                    return;
                }
                fired[0] = fire(true, now);
                fired[1] = fire(false, now);
                clocks.settleAgenda(now);
            });
        } catch (RuntimeException e) {
            // One tenant's trouble must not stop the others; its agenda entry stays due and is retried.
            LOG.log(Level.WARNING, "SLA sweep failed for tenant " + tenant, e);
        }
        return fired;
    }

    private Executor workers() {
        if (workers == null) {
            workers = Workers.managed();
        }
        return workers;
    }

    /**
     * The bound tenant's visit in one transaction (through JDBC alone, unless a due breach edits
     * its ticket), or null when it has a page or more due or the visit failed (nothing of it stays).
     */
    private SlaClocks.Visit visit(String tenant, Instant now) {
        try {
            SlaClocks.Visit visit = clocks.visit(now, PAGE, false);
            return visit != null && visit.needsEntities() ? clocks.visit(now, PAGE, true) : visit;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "SLA sweep visit of tenant " + tenant + " failed; firing page by page", e);
            return null;
        }
    }

    /** Fires the due warnings (or breaches) of the bound tenant, page by page, until a page is not full. */
    private int fire(boolean warning, Instant now) {
        int fired = 0;
        for (int page = 0; page < PAGES_PER_PASS; page++) {
            List<String> ids = warning ? clocks.dueWarnings(now, PAGE) : clocks.dueBreaches(now, PAGE);
            fired += firePage(ids, warning, now);
            if (ids.size() < PAGE) {
                break;
            }
        }
        return fired;
    }

    private int firePage(List<String> ids, boolean warning, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        try {
            return warning ? clocks.fireWarnings(ids, now) : clocks.fireBreaches(ids, now);
        } catch (RuntimeException e) {
            String what = warning ? "warning" : "breach";
            if (ids.size() == 1) {
                LOG.log(Level.WARNING, "SLA " + what + " of clock " + ids.get(0) + " failed; retried next pass", e);
                return 0;
            }
            // The page rolled back whole; one clock per transaction finds the culprit and fires the rest.
            LOG.log(Level.INFO, "SLA " + what + " page of " + ids.size() + " clocks failed; firing them one by one", e);
            int fired = 0;
            for (String id : ids) {
                fired += firePage(List.of(id), warning, now);
            }
            return fired;
        }
    }
}
