package io.kefu.platform.team;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.kefu.platform.tenant.persistence.TenantPersistence;
import io.kefu.platform.ticket.Workloads;

/**
 * Automatic assignment inside a team: who gets the team's next ticket, by the team's strategy
 * ({@link AssigneeChoice} is the rule). Call it in the transaction that assigns the ticket: the
 * team's row stays locked until that transaction ends, so simultaneous picks for one team run
 * one after the other, each sees the cursor the previous one moved, and least-loaded counts
 * include the tickets the previous picks assigned.
 */
@ApplicationScoped
@Transactional
public class TeamAssignment {

    @Inject
    TenantPersistence data;

    @Inject
    Workloads workloads;

    Clock clock = Clock.systemUTC();

    /**
     * The member who should get the team's next ticket, and the rotation moved on to them.
     * Empty when the team assigns manually or has no members.
     *
     * @param teamIdOrCode the team's id or code
     * @throws io.kefu.platform.problem.NotFoundException {@code team.not-found} when the bound
     *         tenant has no such team
     */
    public Optional<String> pickAssignee(String teamIdOrCode) {
        EntityManager em = data.entityManager();
        Team team = Teams.require(TeamLookup.lock(em, teamIdOrCode), teamIdOrCode);
        if (team.strategy() == AssignmentStrategy.MANUAL) {
            return Optional.empty();
        }
        List<String> members = Teams.memberships(em, team.id()).stream().map(TeamMember::username).toList();
        if (members.isEmpty()) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        TeamRotation rotation = em.find(TeamRotation.class, team.id());
        if (rotation == null) {
            // Safe without a race: the team's row is locked.
            rotation = new TeamRotation(team.id(), now);
            em.persist(rotation);
        }
        Map<String, Long> loads = team.strategy() == AssignmentStrategy.LEAST_LOADED ? workloads.openTickets(members) : Map.of();
        Optional<String> chosen = AssigneeChoice.choose(team.strategy(), members, rotation.lastAssignee(), loads);
        if (chosen.isPresent()) {
            rotation.gaveWorkTo(chosen.get(), now);
        }
        return chosen;
    }
}
