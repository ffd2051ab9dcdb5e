package io.kefu.platform.idempotency;

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

/** What a create with an {@code Idempotency-Key} produced, so a retry returns it instead of creating again. */
@Entity
@Table(name = "idempotency_key")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantPersistence.TENANT_PROPERTY)
public class IdempotencyKey {

    @Id
    @Column(name = "idem_key")
    private String key;

    @Column(name = "request_hash", nullable = false)
    private String requestHash;

    @Column(name = "resource_id", nullable = false)
    private String resourceId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected IdempotencyKey() {
    }

    IdempotencyKey(String key, String requestHash, String resourceId) {
        this.key = key;
        this.requestHash = requestHash;
        this.resourceId = resourceId;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    String requestHash() {
        return requestHash;
    }

    String resourceId() {
        return resourceId;
    }
}
