package io.kefu.platform.plugin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

import io.kefu.platform.tenant.persistence.TenantPersistence;

/** A plugin the tenant enabled, at the version whose tables and defaults it has. */
@Entity
@Table(name = "plugin_enablement")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantPersistence.TENANT_PROPERTY)
public class PluginEnablement {

    @Id
    @Column(name = "plugin_id")
    private String pluginId;

    @Column(name = "plugin_version", nullable = false)
    private String pluginVersion;

    @Column(name = "enabled_by", nullable = false)
    private String enabledBy;

    @Column(name = "enabled_at", nullable = false, updatable = false)
    private OffsetDateTime enabledAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected PluginEnablement() {
    }

    PluginEnablement(String pluginId, String version, String by, Instant now) {
        this.pluginId = pluginId;
        this.pluginVersion = version;
        this.enabledBy = by;
        this.enabledAt = now.atOffset(ZoneOffset.UTC);
        this.updatedAt = this.enabledAt;
    }

    void upgradedTo(String version, Instant now) {
        this.pluginVersion = version;
        this.updatedAt = now.atOffset(ZoneOffset.UTC);
    }

    public String pluginId() {
        return pluginId;
    }

    public String pluginVersion() {
        return pluginVersion;
    }

    public OffsetDateTime enabledAt() {
        return enabledAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
