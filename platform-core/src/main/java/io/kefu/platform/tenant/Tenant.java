package io.kefu.platform.tenant;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.kefu.platform.tenant.persistence.PlatformSchema;

/** A company using Kefu. Lives in the platform schema; its data lives in its own schema. */
@Entity
@Table(name = "tenant", schema = PlatformSchema.NAME)
public class Tenant {

    @Id
    @Column(name = "code")
    private String code;

    @Column(name = "name", nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "industry", nullable = false)
    private Industry industry;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private TenantStatus status;

    @Column(name = "schema_name", nullable = false)
    private String schemaName;

    @Column(name = "plan_code", nullable = false)
    private String plan;

    @Column(name = "admin_email", nullable = false)
    private String adminEmail;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "version")
    private long version;

    protected Tenant() {
    }

    /** A tenant whose schema is about to be created. */
    public static Tenant beginProvisioning(TenantCode code, String name, Industry industry, String plan, String adminEmail) {
        Tenant t = new Tenant();
        t.code = code.value();
        t.schemaName = code.schemaName().value();
        t.name = Objects.requireNonNull(name);
        t.industry = Objects.requireNonNull(industry);
        t.plan = Objects.requireNonNull(plan);
        t.adminEmail = Objects.requireNonNull(adminEmail);
        t.status = TenantStatus.PROVISIONING;
        t.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        t.updatedAt = t.createdAt;
        return t;
    }

    public void activate() {
        if (status != TenantStatus.PROVISIONING && status != TenantStatus.SUSPENDED) {
            throw new IllegalStateException("Tenant " + code + " is " + status);
        }
        status = TenantStatus.ACTIVE;
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public TenantCode code() {
        return new TenantCode(code);
    }

    public String name() {
        return name;
    }

    public Industry industry() {
        return industry;
    }

    public TenantStatus status() {
        return status;
    }

    public String plan() {
        return plan;
    }

    public String adminEmail() {
        return adminEmail;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }
}
