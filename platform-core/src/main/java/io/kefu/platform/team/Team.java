package io.kefu.platform.team;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
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
 * A team of the tenant. Its code is fixed at creation (tickets and integrations refer to it);
 * name, description and strategy change with optimistic locking. Members live in
 * {@link TeamMember}, the rotation cursor in {@link TeamRotation}: neither changes the version.
 */
@Entity
@Table(name = "team")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantPersistence.TENANT_PROPERTY)
public class Team {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "code", nullable = false, updatable = false)
    private String code;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "description")
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "strategy", nullable = false)
    private AssignmentStrategy strategy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "version")
    private long version;

    protected Team() {
    }

    Team(String code, String name, String description, AssignmentStrategy strategy, OffsetDateTime now) {
        this.id = UUID.randomUUID().toString();
        this.code = code;
        this.name = name;
        this.description = description;
        this.strategy = strategy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Applies an edit; true when anything changed (then {@code updatedAt} moves). */
    boolean edit(TeamRequests.Edit e, OffsetDateTime now) {
        boolean changed = false;
        if (e.name() != null && !e.name().equals(name)) {
            name = e.name();
            changed = true;
        }
        if (e.description() != null && !Objects.equals(e.description().value(), description)) {
            description = e.description().value();
            changed = true;
        }
        if (e.strategy() != null && e.strategy() != strategy) {
            strategy = e.strategy();
            changed = true;
        }
        if (changed) {
            updatedAt = now;
        }
        return changed;
    }

    /** The fields the audit log records. */
    Map<String, Object> auditState() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("name", name);
        m.put("description", description);
        m.put("strategy", strategy.name());
        return m;
    }

    public String id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public AssignmentStrategy strategy() {
        return strategy;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
