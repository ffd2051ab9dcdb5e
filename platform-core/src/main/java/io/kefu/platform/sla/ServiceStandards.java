package io.kefu.platform.sla;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import io.kefu.platform.audit.AuditLog;
import io.kefu.platform.config.KefuConfig;
import io.kefu.platform.db.LockFailures;
import io.kefu.platform.json.Jsons;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.security.CallerContext;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantContext;

/**
 * The bound tenant's service standards as a whole: the entry point for the REST resources and
 * for the plugin host, which calls {@link #importDocument(String)} and {@link #exportDocument()}
 * at merge time. Every change to the rules re-evaluates the tenant's open tickets afterwards,
 * set-based in pages ({@link KefuConfig#slaReevaluationPageSize()}), each in its own transaction, two at once
 * (ADR 0012).
 */
@ApplicationScoped
public class ServiceStandards {

    private static final Logger LOG = Logger.getLogger(ServiceStandards.class.getName());
    /** Tries of one page before a rule change gives up (each lost only to a deadlock with a ticket change or the sweep). */
    static final int ATTEMPTS = 5;
    /**
     * Pages re-evaluated at once. The pages use the shared pool's connections (one each, for
     * the length of a page); two keep both of a two-core machine's CPUs busy (the server's
     * evaluation and the database's writes), more would queue for them.
     */
    static final int WORKERS = 2;

    @Inject
    StandardsStore store;

    @Inject
    SlaClocks clocks;

    @Inject
    TenantContext tenants;

    @Inject
    CallerContext callers;

    /** Runs the other workers of a re-evaluation; null until first needed (the container's managed executor). */
    Executor workers;

    /**
     * Replaces all of the tenant's calendars and service standards by those of {@code json} (the
     * service-standards interchange format), all or nothing, then re-evaluates open tickets.
     *
     * @throws InvalidInputException naming every invalid member by its path
     */
    public StandardsDocument.Contents importDocument(String json) {
        JsonObject doc;
        try (JsonReader r = Jsons.createReader(new StringReader(json == null ? "" : json))) {
            doc = r.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidInputException(FieldError.of("document", "sla.document.unreadable"));
        }
        return importDocument(doc);
    }

    public StandardsDocument.Contents importDocument(JsonObject doc) {
        StandardsDocument.Contents saved = store.importDocument(doc);
        reevaluateOpenTickets();
        return saved;
    }

    /** The tenant's calendars and service standards in the interchange format. */
    public String exportDocument() {
        return store.exportDocument().toString();
    }

    public StandardsStore.Saved put(String code, JsonObject body) {
        StandardsStore.Saved saved = store.put(code, body);
        reevaluateOpenTickets();
        return saved;
    }

    public void delete(String code) {
        store.delete(code);
        reevaluateOpenTickets();
    }

    public List<ServiceStandard> reorder(List<String> codes) {
        List<ServiceStandard> ordered = store.reorder(codes);
        reevaluateOpenTickets();
        return ordered;
    }

    /** A calendar's change moves the due times of the clocks that count in it. */
    public StandardsStore.Saved putCalendar(String code, JsonObject body) {
        StandardsStore.Saved saved = store.putCalendar(code, body);
        if (!saved.created()) {
            reevaluateOpenTickets();
        }
        return saved;
    }

    /**
     * Gives every open ticket of the tenant the rule that now matches it; returns how many were
     * looked at. The pages are cut first (one query), then {@link #WORKERS} threads take them
     * from one queue, each page in its own transaction.
     */
    public int reevaluateOpenTickets() {
        long start = System.nanoTime();
        TenantCode tenant = tenants.require();
        // Pages run on other threads too: who changed the rule is taken here, once, for their history rows.
        String actor = callers.username(AuditLog.SYSTEM);
        List<String> bounds = clocks.pageBounds(KefuConfig.slaReevaluationPageSize());
        List<Range> ranges = new ArrayList<>();
        String after = null;
        for (String last : bounds) {
            ranges.add(new Range(after, last));
            after = last;
        }
        ranges.add(new Range(after, null));
        LongAdder seen = new LongAdder();
        // Bound on each worker's thread (the same tenant again on this one).
        Workers.drain(WORKERS, ranges, this::workers, r -> tenants.run(tenant, () -> seen.add(page(r, actor))));
        int tickets = seen.intValue();
        LOG.info(() -> "Re-evaluated " + tickets + " open tickets in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        return tickets;
    }

    /** A page of open tickets by id: after {@code after} (none: from the first) up to {@code last} (none: to the end). */
    private record Range(String after, String last) {
    }

    private int page(Range range, String actor) {
        for (int attempt = 1; ; attempt++) {
            try {
                return clocks.reevaluateRange(range.after(), range.last(), actor);
            } catch (RuntimeException e) {
                // A page's set-based UPDATE of the clocks takes their rows in the database's join
                // order; against a ticket change or a sweep the database may pick it as a
                // deadlock's victim. It rolled back whole, so it is read again.
                if (attempt == ATTEMPTS || !LockFailures.isLockFailure(e)) {
                    throw e;
                }
            }
        }
    }

    private Executor workers() {
        if (workers == null) {
            workers = Workers.managed();
        }
        return workers;
    }
}
