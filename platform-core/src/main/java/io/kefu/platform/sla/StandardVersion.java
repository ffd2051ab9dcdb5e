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

/** One version a rule had; never changed or deleted, so a ticket's rule stays readable. */
@Entity
@Table(name = "sla_standard_version")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantPersistence.TENANT_PROPERTY)
public class StandardVersion {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "code", nullable = false)
    private String code;

    @Column(name = "rule_version", nullable = false)
    private int ruleVersion;

    @Lob
    @Column(name = "document", nullable = false)
    private String document;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected StandardVersion() {
    }

    StandardVersion(String code, int ruleVersion, String document, OffsetDateTime at, String by) {
        this.id = UUID.randomUUID().toString();
        this.code = code;
        this.ruleVersion = ruleVersion;
        this.document = document;
        this.createdAt = at;
        this.createdBy = by;
    }

    public String document() {
        return document;
    }

    public int ruleVersion() {
        return ruleVersion;
    }
}
