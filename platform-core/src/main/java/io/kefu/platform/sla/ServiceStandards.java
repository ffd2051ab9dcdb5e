package io.kefu.platform.sla;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
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
import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * The bound tenant's service standards as a whole: the entry point for the REST resources and
 * for the plugin host, which calls {@link #importDocument(String)} and {@link #exportDocument()}
 * at merge time. Every change to the rules re-evaluates the tenant's open tickets afterwards,
 * set-based in pages ({@link KefuConfig#slaReevaluationPageSize()}), each in its own transaction, two at once
 * (ADR 0012). The re-evaluation is requested in the agenda before the change: a run cut short
 * (its node died, a page failed) is finished by the sweep's node once the request's lease runs
 * out ({@link #resumeCutShort}; ADR 0012, seventh amendment). A change made inside a caller's
 * transaction (a plugin being enabled) is re-evaluated by the sweep's node after it commits.
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
    /**
     * Cut-short re-evaluations this node runs at once; more wait, due, for a later pass. Each
     * takes {@link #WORKERS} connections of the shared pool; a node that died in a bulk import
     * may leave many tenants' re-evaluations cut short, and taking them all at once would take
     * the pool from the requests.
     */
    static final int RESUMED_AT_ONCE = 2;

    /** Resumed re-evaluations running on this node. */
    private final java.util.concurrent.atomic.AtomicInteger resumed = new java.util.concurrent.atomic.AtomicInteger();

    @Inject
    StandardsStore store;

    @Inject
    SlaClocks clocks;

    @Inject
    TenantContext tenants;

    @Inject
    Agenda agenda;

    @Inject
    TenantPersistence data;

    Clock clock = Clock.systemUTC();

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
        return changing(() -> store.importDocument(doc), saved -> true);
    }

    /** The tenant's calendars and service standards in the interchange format. */
    public String exportDocument() {
        return store.exportDocument().toString();
    }

    public StandardsStore.Saved put(String code, JsonObject body) {
        return changing(() -> store.put(code, body), saved -> true);
    }

    public void delete(String code) {
        changing(() -> {
            store.delete(code);
            return code;
        }, deleted -> true);
    }

    public List<ServiceStandard> reorder(List<String> codes) {
        return changing(() -> store.reorder(codes), ordered -> true);
    }

    /** A calendar's change moves the due times of the clocks that count in it; a new calendar has none yet. */
    public StandardsStore.Saved putCalendar(String code, JsonObject body) {
        return changing(() -> store.putCalendar(code, body), saved -> !saved.created());
    }

    /**
     * Makes a change of the rules or calendars, then re-evaluates the open tickets if
     * {@code reevaluates} says the change needs it. The request for the re-evaluation is
     * committed before the change, so that no committed change lacks one; it is withdrawn when
     * the change fails or needs none.
     */
    private <T> T changing(Supplier<T> change, Predicate<T> reevaluates) {
        if (data.inTransaction()) {
            // Inside a caller's transaction (a plugin's standards, imported while the plugin is
            // enabled): the change commits with it, and a page, a transaction of its own, would
            // read the rules as they were. The request commits with the change, due at once, and
            // the sweep's node runs it once both are visible.
            T result = change.get();
            if (reevaluates.test(result)) {
                agenda.requestReevaluation(clock.instant(), Duration.ZERO);
            }
            return result;
        }
        Agenda.Reevaluation request = agenda.requestReevaluation(clock.instant(), KefuConfig.slaReevaluationLease());
        T result;
        try {
            result = change.get();
        } catch (RuntimeException e) {
            try {
                agenda.withdraw(request);
            } catch (RuntimeException again) {
                // The request stays: the sweep re-evaluates unchanged rules, which changes nothing.
                e.addSuppressed(again);
            }
            throw e;
        }
        if (reevaluates.test(result)) {
            reevaluate(request.token());
        } else {
            agenda.withdraw(request);
        }
        return result;
    }

    /**
     * Finishes the re-evaluations of tenants whose request is due at {@code now}: cut short, or
     * never run. Each is taken over (its lease moved on, so another node's sweep leaves it) and
     * run on the container's executor, not on the caller's thread: the sweep that calls this
     * must not wait for a tenant's whole re-evaluation. At most {@link #RESUMED_AT_ONCE} run at
     * once on this node; the others stay due. Returns the runs started, each completing with the
     * tickets it looked at.
     */
    public List<CompletableFuture<Integer>> resumeCutShort(Instant now) {
        List<CompletableFuture<Integer>> runs = new ArrayList<>();
        int free = RESUMED_AT_ONCE - resumed.get();
        if (free <= 0) {
            return runs;
        }
        for (String tenant : agenda.reevaluationsDue(now, free)) {
            TenantCode code = new TenantCode(tenant);
            String[] token = new String[1];
            tenants.run(code, () -> token[0] = agenda.claimReevaluation(now, KefuConfig.slaReevaluationLease()));
            if (token[0] == null) {
                continue;
            }
            LOG.info(() -> "Re-evaluating the open tickets of tenant " + tenant + ": the re-evaluation after its last rule change was cut short");
            int[] seen = new int[1];
            resumed.incrementAndGet();
            CompletableFuture<Void> run;
            try {
                run = CompletableFuture.runAsync(() -> tenants.run(code, () -> seen[0] = reevaluate(token[0])), workers());
            } catch (RuntimeException e) {
                // No executor (shutting down): the request stays, due again when its lease runs out.
                run = CompletableFuture.failedFuture(e);
            }
            runs.add(run.thenApply(done -> seen[0])
                    .whenComplete((n, failure) -> {
                        resumed.decrementAndGet();
                        if (failure != null) {
                            LOG.log(Level.WARNING, "Re-evaluation of tenant " + tenant + " failed again; the sweep retries it when its lease runs out",
                                    failure);
                        }
                    }));
        }
        return runs;
    }

    /**
     * Gives every open ticket of the tenant the rule that now matches it, for the re-evaluation
     * request {@code token}; returns how many were looked at. The pages are cut first (one
     * query), then {@link #WORKERS} threads take them from one queue, each page in its own
     * transaction, each keeping the request's lease alive. When all are done the request is
     * cleared, unless a later change has made its own meanwhile. A page already re-evaluated by
     * an earlier run finds its tickets current and writes nothing, so a run cut short is
     * finished by running it again.
     */
    public int reevaluate(String token) {
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
        Workers.drain(WORKERS, ranges, this::workers, r -> tenants.run(tenant, () -> {
            seen.add(page(r, actor));
            agenda.holdReevaluation(token, clock.instant(), KefuConfig.slaReevaluationLease());
        }));
        agenda.completeReevaluation(token);
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
