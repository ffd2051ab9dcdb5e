package io.kefu.platform.form;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Version;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * A form of the tenant, by key: which version is current and whether it is retired. The
 * definitions themselves are {@link FormVersion}s. Key and target never change.
 */
@Entity
@Table(name = "form")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantPersistence.TENANT_PROPERTY)
public class FormRecord {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "form_key", nullable = false, updatable = false)
    private String key;

    @Enumerated(EnumType.STRING)
    @Column(name = "target", nullable = false, updatable = false)
    private FormTarget target;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "retired_at")
    private OffsetDateTime retiredAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "version")
    private long version;

    protected FormRecord() {
    }

    FormRecord(String key, FormTarget target, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.key = key;
        this.target = target;
        this.createdAt = now.atOffset(ZoneOffset.UTC);
        this.updatedAt = createdAt;
    }

    /** Makes version {@code n} current; a retired form is back in use. */
    void adopt(int n, Instant now) {
        currentVersion = n;
        retiredAt = null;
        updatedAt = now.atOffset(ZoneOffset.UTC);
    }

    void retire(Instant now) {
        retiredAt = now.atOffset(ZoneOffset.UTC);
        updatedAt = retiredAt;
    }

    public String id() {
        return id;
    }

    public String key() {
        return key;
    }

    public FormTarget target() {
        return target;
    }

    public int currentVersion() {
        return currentVersion;
    }

    public boolean isRetired() {
        return retiredAt != null;
    }

    public OffsetDateTime retiredAt() {
        return retiredAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
