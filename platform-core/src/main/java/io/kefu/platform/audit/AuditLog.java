package io.kefu.platform.audit;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.transaction.Transactional;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.security.CallerContext;
import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * The bound tenant's audit log: every change (who, what, when, before/after) and every read of
 * personal data by a person. Written in the transaction of the change it records, so a change
 * that rolls back leaves no entry and no change goes unrecorded. Only ever appended to.
 */
@ApplicationScoped
@Transactional
public class AuditLog {

    /** Actor recorded for work Kefu does on its own (auto-close, SLA escalation). */
    public static final String SYSTEM = "system";
    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @Inject
    TenantPersistence data;

    @Inject
    CallerContext callers;

    /**
     * Records an event. {@code before} and {@code after} are the subject's relevant fields (a
     * map or a record), written as JSON; pass null where there is no such state.
     */
    public AuditEvent record(String action, String subjectType, String subjectId, Object before, Object after) {
        AuditEvent e = new AuditEvent(actor(), action, subjectType, subjectId, json(before), json(after));
        data.entityManager().persist(e);
        return e;
    }

    /** A person looked at personal data unmasked. */
    public AuditEvent recordRead(String subjectType, String subjectId, Map<String, ?> what) {
        return record("personal-data.read", subjectType, subjectId, null, what);
    }

    /** Newest first. */
    public List<AuditEvent> forSubject(String subjectType, String subjectId, int limit) {
        return data.entityManager().createQuery(
                        "select e from AuditEvent e where e.subjectType = :t and e.subjectId = :i order by e.occurredAt desc, e.id",
                        AuditEvent.class)
                .setParameter("t", subjectType).setParameter("i", subjectId)
                .setMaxResults(limit).getResultList();
    }

    private String actor() {
        return callers.current().map(Caller::principalName).orElse(SYSTEM);
    }

    private static String json(Object state) {
        return state == null ? null : JSON.toJson(state);
    }
}
