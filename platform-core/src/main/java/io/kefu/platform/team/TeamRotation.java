package io.kefu.platform.team;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * The team's rotation cursor: who was last given work automatically. No version of its own:
 * it is only written while the team's row is locked ({@link TeamAssignment}), and kept out of
 * {@link Team} so that assignments do not make supervisors' edits of the team stale.
 */
@Entity
@Table(name = "team_rotation")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantPersistence.TENANT_PROPERTY)
public class TeamRotation {

    @Id
    @Column(name = "team_id")
    private String teamId;

    @Column(name = "last_assignee")
    private String lastAssignee;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected TeamRotation() {
    }

    TeamRotation(String teamId, OffsetDateTime now) {
        this.teamId = teamId;
        this.updatedAt = now;
    }

    void gaveWorkTo(String username, OffsetDateTime now) {
        this.lastAssignee = username;
        this.updatedAt = now;
    }

    public String teamId() {
        return teamId;
    }

    /** Null before the first automatic assignment. */
    public String lastAssignee() {
        return lastAssignee;
    }
}
