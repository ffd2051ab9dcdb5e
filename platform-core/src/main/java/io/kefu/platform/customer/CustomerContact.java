package io.kefu.platform.customer;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * One piece of a customer's contact data: personal information. Kept in its own table, by
 * customer id, so that erasing a customer is deleting its rows here. At most one contact per
 * kind is primary.
 */
@Entity
@Table(name = "customer_contact")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantPersistence.TENANT_PROPERTY)
public class CustomerContact {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private ContactKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "document_type")
    private DocumentType documentType;

    @Column(name = "contact_value", nullable = false)
    private String value;

    @Column(name = "label")
    private String label;

    @Column(name = "is_primary", nullable = false)
    private boolean primary;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected CustomerContact() {
    }

    CustomerContact(String customerId, ContactValue value, String label, boolean primary) {
        this.id = UUID.randomUUID().toString();
        this.customerId = customerId;
        this.kind = value.kind();
        this.documentType = value.documentType();
        this.value = value.value();
        this.label = label;
        this.primary = primary;
        this.createdAt = Customer.now();
    }

    void makePrimary() {
        primary = true;
    }

    void losePrimary() {
        primary = false;
    }

    ContactValue contactValue() {
        return new ContactValue(kind, documentType, value);
    }

    /**
     * As the audit log keeps it: the value masked, never in clear, and no label (people write
     * names into labels: "张三的手机").
     */
    Map<String, Object> auditState() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("kind", kind.name());
        if (documentType != null) {
            m.put("documentType", documentType.name());
        }
        m.put("value", Masking.mask(kind, value));
        m.put("primary", primary);
        return m;
    }

    public String id() {
        return id;
    }

    public String customerId() {
        return customerId;
    }

    public ContactKind kind() {
        return kind;
    }

    public DocumentType documentType() {
        return documentType;
    }

    /** The value in clear: personal data. Show it to people only through {@link Customers}, which masks and audits. */
    public String value() {
        return value;
    }

    public String label() {
        return label;
    }

    public boolean isPrimary() {
        return primary;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
