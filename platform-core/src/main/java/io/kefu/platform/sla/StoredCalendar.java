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

/** A tenant's calendar, kept in the interchange format so that export gives back what came in. */
@Entity
@Table(name = "sla_calendar")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantPersistence.TENANT_PROPERTY)
public class StoredCalendar {

    @Id
    @Column(name = "code")
    private String code;

    @Lob
    @Column(name = "document", nullable = false)
    private String document;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected StoredCalendar() {
    }

    StoredCalendar(String code, String document, OffsetDateTime at) {
        this.code = code;
        this.document = document;
        this.updatedAt = at;
    }

    void replace(String newDocument, OffsetDateTime at) {
        document = newDocument;
        updatedAt = at;
    }

    public String code() {
        return code;
    }

    public String document() {
        return document;
    }
}
