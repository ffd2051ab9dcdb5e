package io.kefu.platform.customer;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * A customer (客户) of the tenant: a person or a company. Its contact data lives apart, in
 * {@link CustomerContact}, so that erasing the customer deletes every piece of it while the
 * customer itself stays referencable by id (tickets keep pointing to it).
 */
@Entity
@Table(name = "customer")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantPersistence.TENANT_PROPERTY)
public class Customer {

    /** Stored in place of an erased customer's name; clients are shown the text in their language. */
    public static final String ERASED_NAME = "已删除客户 / Erased customer";
    public static final int MAX_NAME = 200;
    public static final int MAX_EXTERNAL_ID = 100;

    @Id
    @Column(name = "id")
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "customer_type", nullable = false)
    private CustomerType type;

    @Column(name = "name", nullable = false)
    private String name;

    /**
     * The name folded for case-insensitive search (NFKC, lower case). A column of its own rather
     * than {@code lower(name)} in queries: a functional index is not portable between H2 and PostgreSQL.
     */
    @Column(name = "name_search", nullable = false)
    private String nameSearch;

    @Column(name = "grade")
    private String grade;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private CustomerStatus status;

    @Column(name = "external_id")
    private String externalId;

    /** Custom field values (forms engine): a JSON object by field key; null when none. */
    @jakarta.persistence.Lob
    @Column(name = "custom_fields")
    private String customFields;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "erased_at")
    private OffsetDateTime erasedAt;

    @Version
    @Column(name = "version")
    private long version;

    protected Customer() {
    }

    Customer(CustomerType type, String name, String grade, CustomerStatus status, String externalId) {
        this.id = UUID.randomUUID().toString();
        this.type = Objects.requireNonNull(type, "type");
        this.status = Objects.requireNonNull(status, "status");
        this.grade = grade;
        this.externalId = externalId;
        applyName(name);
        this.createdAt = now();
        this.updatedAt = createdAt;
    }

    /** The folded form of a text for search: {@code q} is compared with it. */
    static String searchForm(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    void rename(String newName) {
        if (!newName.equals(name)) {
            applyName(newName);
            touch();
        }
    }

    void regrade(String newGrade) {
        if (!Objects.equals(grade, newGrade)) {
            grade = newGrade;
            touch();
        }
    }

    void moveTo(CustomerStatus newStatus) {
        if (status != Objects.requireNonNull(newStatus, "status")) {
            status = newStatus;
            touch();
        }
    }

    void linkExternal(String newExternalId) {
        if (!Objects.equals(externalId, newExternalId)) {
            externalId = newExternalId;
            touch();
        }
    }

    /** Contacts were added or removed: the customer as a whole changed (version, updatedAt). */
    void contactsChanged() {
        touch();
    }

    /** Forgets everything that identifies the customer; the caller deletes the contacts. */
    void erase() {
        name = ERASED_NAME;
        nameSearch = "";
        externalId = null;
        erasedAt = now();
        updatedAt = erasedAt;
    }

    /**
     * The customer's fields as the audit log keeps them. The log is append-only and outlives an
     * erasure, so what identifies a private person (the name, the id in the tenant's CRM) is
     * masked; a company's name is not personal data and is kept.
     */
    Map<String, Object> auditState() {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean person = type == CustomerType.INDIVIDUAL;
        m.put("type", type.name());
        m.put("name", isErased() ? null : person ? Masking.personName(name) : name);
        m.put("grade", grade);
        m.put("status", status.name());
        m.put("externalId", externalId == null ? null : person ? "****" : externalId);
        return m;
    }

    private void applyName(String newName) {
        this.name = Objects.requireNonNull(newName, "name");
        this.nameSearch = searchForm(newName);
    }

    void touch() {
        updatedAt = now();
    }

    /** Microseconds: what both databases store, so a cursor made from a read row matches the row. */
    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public String id() {
        return id;
    }

    public CustomerType type() {
        return type;
    }

    /** The stored name; {@link #ERASED_NAME} once erased. */
    public String name() {
        return name;
    }

    public String grade() {
        return grade;
    }

    public CustomerStatus status() {
        return status;
    }

    /** The custom field values as stored (JSON), or null. */
    public String customFields() {
        return customFields;
    }

    /** Stores the values the forms engine judged valid; null or empty clears them. */
    void storeCustomFields(String json) {
        customFields = json;
    }

    public String externalId() {
        return externalId;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public OffsetDateTime erasedAt() {
        return erasedAt;
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    public long version() {
        return version;
    }
}
