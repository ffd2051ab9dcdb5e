package io.kefu.platform.sla;

import java.io.StringReader;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import io.kefu.platform.db.LockFailures;
import io.kefu.platform.json.Jsons;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;

/**
 * The bound tenant's service standards as a whole: the entry point for the REST resources and
 * for the plugin host, which calls {@link #importDocument(String)} and {@link #exportDocument()}
 * at merge time. Every change to the rules re-evaluates the tenant's open tickets afterwards,
 * set-based in pages of {@value #BATCH}, each page in its own transaction (ADR 0012); a page in
 * which someone changed a ticket meanwhile is rolled back and read again.
 */
@ApplicationScoped
public class ServiceStandards {

    private static final Logger LOG = Logger.getLogger(ServiceStandards.class.getName());
    static final int BATCH = 2_000;
    /** Tries of one page before a rule change gives up (each lost only to a concurrent ticket change). */
    static final int ATTEMPTS = 5;

    @Inject
    StandardsStore store;

    @Inject
    SlaClocks clocks;

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

    /** Gives every open ticket of the tenant the rule that now matches it; returns how many were looked at. */
    public int reevaluateOpenTickets() {
        long start = System.nanoTime();
        int seen = 0;
        String after = null;
        while (true) {
            SlaClocks.Batch b = page(after);
            if (b == null) {
                int tickets = seen;
                LOG.info(() -> "Re-evaluated " + tickets + " open tickets in " + (System.nanoTime() - start) / 1_000_000 + " ms");
                return seen;
            }
            seen += b.size();
            after = b.lastId();
        }
    }

    private SlaClocks.Batch page(String after) {
        for (int attempt = 1; ; attempt++) {
            try {
                return clocks.reevaluateBatch(after, BATCH);
            } catch (SlaClocks.TicketsMoved e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            } catch (RuntimeException e) {
                // A page's set-based UPDATE locks its tickets in the database's join order; against a
                // sweep locking some of them (in id order) the database may pick this page as a
                // deadlock's victim. It rolled back whole, so it is read again like a moved page.
                if (attempt == ATTEMPTS || !LockFailures.isLockFailure(e)) {
                    throw e;
                }
            }
        }
    }
}
