package io.kefu.platform.sla;

import java.time.OffsetDateTime;

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

/** The current version of a rule, its place in the order, and its interchange-format JSON. */
@Entity
@Table(name = "sla_standard")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantPersistence.TENANT_PROPERTY)
public class StoredStandard {

    @Id
    @Column(name = "code")
    private String code;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "rule_version", nullable = false)
    private int ruleVersion;

    @Lob
    @Column(name = "document", nullable = false)
    private String document;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected StoredStandard() {
    }

    StoredStandard(String code, int position, String document, OffsetDateTime at) {
        this.code = code;
        this.position = position;
        this.ruleVersion = 1;
        this.document = document;
        this.updatedAt = at;
    }

    /** A new version of the rule; returns its number. */
    int replace(int newPosition, String newDocument, OffsetDateTime at) {
        position = newPosition;
        document = newDocument;
        updatedAt = at;
        return ++ruleVersion;
    }

    void moveTo(int newPosition, String newDocument, OffsetDateTime at) {
        position = newPosition;
        document = newDocument;
        updatedAt = at;
    }

    public String code() {
        return code;
    }

    public int position() {
        return position;
    }

    public int ruleVersion() {
        return ruleVersion;
    }

    public String document() {
        return document;
    }
}
