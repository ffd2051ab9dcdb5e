package io.kefu.platform.ticket;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

import io.kefu.platform.tenant.persistence.TenantPersistence;

/** One entry of a ticket's timeline: a reply, a note, a status change, an assignment, ... */
@Entity
@Table(name = "ticket_event")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantPersistence.TENANT_PROPERTY)
public class TicketEvent {

    public enum Visibility { PUBLIC, INTERNAL }

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "ticket_id", nullable = false)
    private String ticketId;

    @Column(name = "seq", nullable = false)
    private int seq;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "actor", nullable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    private EventType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "visibility", nullable = false)
    private Visibility visibility;

    @Lob
    @Column(name = "body")
    private String body;

    /** Structured details as JSON, e.g. {"from":"NEW","to":"ASSIGNED"}. */
    @Lob
    @Column(name = "data")
    private String data;

    protected TicketEvent() {
    }

    TicketEvent(String ticketId, int seq, Instant at, String actor, EventType type, Visibility visibility, String body, String data) {
        this.id = UUID.randomUUID().toString();
        this.ticketId = ticketId;
        this.seq = seq;
        this.occurredAt = at.atOffset(ZoneOffset.UTC);
        this.actor = actor;
        this.type = type;
        this.visibility = visibility;
        this.body = body;
        this.data = data;
    }

    /**
     * An entry kept outside {@code ticket_event} by a {@link TimelineSource}: internal, with a
     * stable id of its own, and numbered by the timeline it is shown in.
     */
    public static TicketEvent kept(String id, String ticketId, Instant at, String actor, EventType type, String data) {
        TicketEvent e = new TicketEvent(ticketId, 0, at, actor, type, Visibility.INTERNAL, null, data);
        e.id = id;
        return e;
    }

    /** This entry as shown after the stored entry numbered {@code seq} (a {@link #kept} one). */
    TicketEvent after(int seq) {
        TicketEvent e = new TicketEvent(ticketId, seq, occurredAt.toInstant(), actor, type, visibility, body, data);
        e.id = id;
        return e;
    }

    public String id() {
        return id;
    }

    public String ticketId() {
        return ticketId;
    }

    public int seq() {
        return seq;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public EventType type() {
        return type;
    }

    public Visibility visibility() {
        return visibility;
    }

    public String body() {
        return body;
    }

    public String data() {
        return data;
    }
}
