package io.kefu.platform.attachment;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

import io.kefu.platform.tenant.persistence.TenantPersistence;

/** A file attached to a ticket: its metadata; the bytes are in the tenant's attachment folder. */
@Entity
@Table(name = "attachment")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantPersistence.TENANT_PROPERTY)
public class Attachment {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "ticket_id", nullable = false)
    private String ticketId;

    @Column(name = "filename", nullable = false)
    private String filename;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "sha256", nullable = false)
    private String sha256;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected Attachment() {
    }

    Attachment(String id, String ticketId, String filename, FileType type, long size, String sha256, String createdBy, Instant at) {
        this.id = UUID.fromString(id).toString();
        this.ticketId = ticketId;
        this.filename = filename;
        this.contentType = type.mediaType();
        this.size = size;
        this.sha256 = sha256;
        this.createdBy = createdBy;
        this.createdAt = at.atOffset(ZoneOffset.UTC);
    }

    public String id() {
        return id;
    }

    public String ticketId() {
        return ticketId;
    }

    public String filename() {
        return filename;
    }

    public String contentType() {
        return contentType;
    }

    public long size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
