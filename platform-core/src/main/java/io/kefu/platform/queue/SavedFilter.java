package io.kefu.platform.queue;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * A filter bar someone saved under a name: their own, or shared with one of the tenant's teams.
 * The filter is kept as its JSON form ({@link QueueFilter#json()}) so that new filter members
 * never need a schema change.
 */
@Entity
@Table(name = "saved_filter")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantPersistence.TENANT_PROPERTY)
public class SavedFilter {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "owner", nullable = false, updatable = false)
    private String owner;

    /** Null: only the owner sees it. */
    @Column(name = "team_id", updatable = false)
    private String teamId;

    @Column(name = "filter_json", nullable = false)
    private String filter;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "version")
    private long version;

    protected SavedFilter() {
    }

    /** A new filter; {@link SavedFilters#create} checks the name and the team before saving one. */
    public SavedFilter(String name, String owner, String teamId, QueueFilter filter, OffsetDateTime now) {
        this.id = UUID.randomUUID().toString();
        this.name = name;
        this.owner = owner;
        this.teamId = teamId;
        this.filter = filter.json().toString();
        this.createdAt = now;
        this.updatedAt = now;
    }

    void rename(String newName, OffsetDateTime now) {
        this.name = newName;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String owner() {
        return owner;
    }

    public String teamId() {
        return teamId;
    }

    public QueueFilter filter() {
        return QueueFilter.parse(io.kefu.platform.json.Jsons.createReader(new java.io.StringReader(filter)).readObject());
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
