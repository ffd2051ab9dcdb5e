package io.kefu.platform.form;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Lob;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

import io.kefu.platform.tenant.persistence.TenantPersistence;

/** One immutable version of a form: the definition in the canonical shared JSON format. */
@Entity
@Table(name = "form_version")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantPersistence.TENANT_PROPERTY)
public class FormVersion {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "form_id", nullable = false, updatable = false)
    private String formId;

    @Column(name = "version_no", nullable = false, updatable = false)
    private int number;

    @Lob
    @Column(name = "definition", nullable = false, updatable = false)
    private String definition;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    protected FormVersion() {
    }

    FormVersion(String formId, int number, String definition, String createdBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.formId = formId;
        this.number = number;
        this.definition = definition;
        this.createdBy = createdBy;
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    public String id() {
        return id;
    }

    public String formId() {
        return formId;
    }

    public int number() {
        return number;
    }

    public String definition() {
        return definition;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
