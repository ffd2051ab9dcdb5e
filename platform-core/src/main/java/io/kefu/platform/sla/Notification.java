package io.kefu.platform.sla;

import java.time.OffsetDateTime;
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

/** Something a person of the tenant should know about a ticket (SLA warnings and breaches). */
@Entity
@Table(name = "notification")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantPersistence.TENANT_PROPERTY)
public class Notification {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "recipient", nullable = false)
    private String recipient;

    @Column(name = "kind", nullable = false)
    private String kind;

    @Column(name = "ticket_id")
    private String ticketId;

    @Column(name = "ticket_number")
    private String ticketNumber;

    @Lob
    @Column(name = "data")
    private String data;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "read_at")
    private OffsetDateTime readAt;

    protected Notification() {
    }

    Notification(String recipient, String kind, String ticketId, String ticketNumber, String data, OffsetDateTime at) {
        this.id = UUID.randomUUID().toString();
        this.recipient = recipient;
        this.kind = kind;
        this.ticketId = ticketId;
        this.ticketNumber = ticketNumber;
        this.data = data;
        this.createdAt = at;
    }

    public String id() {
        return id;
    }

    public String recipient() {
        return recipient;
    }

    public String kind() {
        return kind;
    }

    public String ticketId() {
        return ticketId;
    }

    public String ticketNumber() {
        return ticketNumber;
    }

    public String data() {
        return data;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime readAt() {
        return readAt;
    }

    public boolean isRead() {
        return readAt != null;
    }

    /** The first reading counts; reading again changes nothing. */
    void markRead(OffsetDateTime at) {
        if (readAt == null) {
            readAt = at;
        }
    }
}
