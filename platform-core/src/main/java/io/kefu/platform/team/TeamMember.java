package io.kefu.platform.team;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

import io.kefu.platform.tenant.persistence.TenantPersistence;

/** One person in one team. Refers to the person by user name, as tickets name their assignee. */
@Entity
@Table(name = "team_member")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantPersistence.TENANT_PROPERTY)
public class TeamMember {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "team_id", nullable = false, updatable = false)
    private String teamId;

    @Column(name = "username", nullable = false, updatable = false)
    private String username;

    @Column(name = "joined_at", nullable = false, updatable = false)
    private OffsetDateTime joinedAt;

    protected TeamMember() {
    }

    TeamMember(String teamId, String username, OffsetDateTime now) {
        this.id = UUID.randomUUID().toString();
        this.teamId = teamId;
        this.username = username;
        this.joinedAt = now;
    }

    public String teamId() {
        return teamId;
    }

    public String username() {
        return username;
    }

    public OffsetDateTime joinedAt() {
        return joinedAt;
    }
}
