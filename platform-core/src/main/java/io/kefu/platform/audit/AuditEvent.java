package io.kefu.platform.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * One change or sensitive read, as it happened: who, what, when, before and after (JSON).
 * Immutable once written; the log is append-only.
 */
@Entity
@Table(name = "audit_event")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantPersistence.TENANT_PROPERTY)
public class AuditEvent {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "actor", nullable = false)
    private String actor;

    @Column(name = "action", nullable = false)
    private String action;

    @Column(name = "subject_type", nullable = false)
    private String subjectType;

    @Column(name = "subject_id", nullable = false)
    private String subjectId;

    @Lob
    @Column(name = "before_state")
    private String before;

    @Lob
    @Column(name = "after_state")
    private String after;

    protected AuditEvent() {
    }

    AuditEvent(String actor, String action, String subjectType, String subjectId, String before, String after) {
        this.id = UUID.randomUUID().toString();
        this.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.actor = actor;
        this.action = action;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.before = before;
        this.after = after;
    }

    public String id() {
        return id;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String subjectType() {
        return subjectType;
    }

    public String subjectId() {
        return subjectId;
    }

    /** The state before, as JSON; null for a creation or a read. */
    public String before() {
        return before;
    }

    /** The state after, as JSON; null for a deletion or a read. */
    public String after() {
        return after;
    }
}
