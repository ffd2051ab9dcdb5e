package io.kefu.platform.plugin;

import java.time.Instant;
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
 * A plugin document (forms, standards) that could not be applied when the plugin was enabled:
 * no engine for it is installed, or the engine refused it. Kept so it is applied at the next
 * enabling (ADR 0009); one per plugin and kind, the newest wins.
 */
@Entity
@Table(name = "plugin_pending_document")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantPersistence.TENANT_PROPERTY)
public class PendingPluginDocument {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "plugin_id", nullable = false)
    private String pluginId;

    @Column(name = "plugin_version", nullable = false)
    private String pluginVersion;

    @Column(name = "kind", nullable = false)
    private String kind;

    @Lob
    @Column(name = "document", nullable = false)
    private String document;

    @Column(name = "reason", nullable = false)
    private String reason;

    @Column(name = "stored_at", nullable = false)
    private OffsetDateTime storedAt;

    protected PendingPluginDocument() {
    }

    PendingPluginDocument(String pluginId, String version, String kind, String document, String reason, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.pluginId = pluginId;
        this.kind = kind;
        replace(version, document, reason, now);
    }

    void replace(String version, String document, String reason, Instant now) {
        this.pluginVersion = version;
        this.document = document;
        this.reason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        this.storedAt = now.atOffset(ZoneOffset.UTC);
    }

    public String pluginId() {
        return pluginId;
    }

    public String kind() {
        return kind;
    }

    public String pluginVersion() {
        return pluginVersion;
    }

    public String reason() {
        return reason;
    }
}
