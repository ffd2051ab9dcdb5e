package io.kefu.platform.team;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.kefu.platform.audit.AuditLog;
import io.kefu.platform.identity.Member;
import io.kefu.platform.identity.Role;
import io.kefu.platform.identity.Username;
import io.kefu.platform.problem.ConflictException;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.NotFoundException;
import io.kefu.platform.tenant.persistence.TenantPersistence;
import io.kefu.platform.ticket.Workloads;

/**
 * The bound tenant's teams: create, read, edit with optimistic locking, membership, and the
 * open work of each member. Every change is audited in its own transaction.
 */
@ApplicationScoped
@Transactional
public class Teams {

    /** Roles that work tickets and so may be in a team. */
    static final Set<Role> MEMBER_ROLES = Set.of(Role.AGENT, Role.SUPERVISOR);

    @Inject
    TenantPersistence data;

    @Inject
    AuditLog audit;

    @Inject
    Workloads workloads;

    Clock clock = Clock.systemUTC();

    /** A team with its members, as the API shows it. */
    public record Details(Team team, List<MemberDetails> members) {
    }

    /** A member with what the tenant knows of the person (null display name and role if the person is gone). */
    public record MemberDetails(String username, String displayName, Role role, OffsetDateTime joinedAt) {
    }

    /** The outcome of adding a member: whether anything changed, and the team as it is now. */
    public record MemberAdded(boolean added, Details team) {
    }

    /** A team's members with their open work. */
    public record Workload(Team team, List<Load> members) {
    }

    /** A member's open tickets (assigned, in progress, pending the customer, reopened). */
    public record Load(String username, String displayName, Role role, long openTickets) {
    }

    public Details create(TeamRequests.New n) {
        EntityManager em = data.entityManager();
        if (codeTaken(em, n.code())) {
            throw new ConflictException("team.code.taken", n.code());
        }
        OffsetDateTime now = now();
        Team t = new Team(n.code(), n.name(), n.description(), n.strategy(), now);
        em.persist(t);
        em.persist(new TeamRotation(t.id(), now));
        try {
            em.flush();
        } catch (PersistenceException raced) {
            // Another request created the same code between the check and this insert.
            throw new ConflictException("team.code.taken", n.code());
        }
        audit.record("team.created", "team", t.id(), null, t.auditState());
        return new Details(t, List.of());
    }

    /** All teams by code, each with its members. */
    public List<Details> all() {
        EntityManager em = data.entityManager();
        List<Team> teams = em.createQuery("select t from Team t order by t.code", Team.class).getResultList();
        if (teams.isEmpty()) {
            return List.of();
        }
        Map<String, List<TeamMember>> byTeam = em.createQuery("select m from TeamMember m", TeamMember.class).getResultList()
                .stream().collect(Collectors.groupingBy(TeamMember::teamId));
        Map<String, Member> people = people(em, byTeam.values().stream().flatMap(List::stream).map(TeamMember::username).toList());
        return teams.stream().map(t -> details(t, byTeam.getOrDefault(t.id(), List.of()), people)).toList();
    }

    public Details get(String idOrCode) {
        EntityManager em = data.entityManager();
        return details(em, require(TeamLookup.find(em, idOrCode), idOrCode));
    }

    /** The team, if this tenant has one with this id or code (for callers that validate a reference). */
    public Optional<Team> find(String idOrCode) {
        return TeamLookup.find(data.entityManager(), idOrCode);
    }

    /** User names of the team's members, ordered by name. */
    public List<String> memberNames(String idOrCode) {
        EntityManager em = data.entityManager();
        Team t = require(TeamLookup.find(em, idOrCode), idOrCode);
        return new ArrayList<>(new TreeSet<>(usernames(memberships(em, t.id()))));
    }

    /** Applies an edit if the client saw the current version. */
    public Details patch(String idOrCode, TeamRequests.Patch patch) {
        EntityManager em = data.entityManager();
        Team t = require(TeamLookup.find(em, idOrCode), idOrCode);
        if (t.version() != patch.version()) {
            throw new ConflictException("team.version.conflict", t.code(), patch.version(), t.version());
        }
        Map<String, Object> before = t.auditState();
        if (t.edit(patch.edit(), now())) {
            try {
                // Now, so that a concurrent edit is reported as a conflict, not as a failed commit.
                em.flush();
            } catch (OptimisticLockException e) {
                throw new ConflictException("team.version.conflict", t.code(), patch.version(), patch.version() + 1);
            }
            audit.record("team.updated", "team", t.id(), before, t.auditState());
        }
        return details(em, t);
    }

    /**
     * Adds a person (nothing when already a member). Only agents and supervisors of this tenant
     * can be members.
     */
    public MemberAdded addMember(String idOrCode, String username) {
        EntityManager em = data.entityManager();
        Team t = require(TeamLookup.lock(em, idOrCode), idOrCode);
        String name = Username.parse(username, "username").value();
        Member person = em.createQuery("select m from Member m where m.username = :u", Member.class)
                .setParameter("u", name).getResultStream().findFirst()
                .orElseThrow(() -> new InvalidInputException(FieldError.of("username", "user.not-found", name)));
        if (!MEMBER_ROLES.contains(person.role())) {
            throw new InvalidInputException(FieldError.of("username", "team.member.role", name, person.role().name()));
        }
        if (membership(em, t.id(), name).isPresent()) {
            return new MemberAdded(false, details(em, t));
        }
        em.persist(new TeamMember(t.id(), name, now()));
        audit.record("team.member-added", "team", t.id(), null, Map.of("username", name, "role", person.role().name()));
        return new MemberAdded(true, details(em, t));
    }

    /** Removes a person from the team (nothing if not a member). Their tickets stay theirs. */
    public boolean removeMember(String idOrCode, String username) {
        EntityManager em = data.entityManager();
        Team t = require(TeamLookup.lock(em, idOrCode), idOrCode);
        Optional<TeamMember> m = username == null ? Optional.empty() : membership(em, t.id(), username.strip());
        if (m.isEmpty()) {
            return false;
        }
        em.remove(m.get());
        audit.record("team.member-removed", "team", t.id(), Map.of("username", m.get().username()), null);
        return true;
    }

    /** Each member's open tickets, members ordered by user name. */
    public Workload workload(String idOrCode) {
        EntityManager em = data.entityManager();
        Team t = require(TeamLookup.find(em, idOrCode), idOrCode);
        List<String> names = new ArrayList<>(new TreeSet<>(usernames(memberships(em, t.id()))));
        Map<String, Long> loads = workloads.openTickets(names);
        Map<String, Member> people = people(em, names);
        return new Workload(t, names.stream().map(u -> {
            Member p = people.get(u);
            return new Load(u, p == null ? null : p.displayName(), p == null ? null : p.role(), loads.getOrDefault(u, 0L));
        }).toList());
    }

    static Team require(Optional<Team> team, String idOrCode) {
        return team.orElseThrow(() -> new NotFoundException("team.not-found", idOrCode == null ? "" : idOrCode.strip()));
    }

    static List<TeamMember> memberships(EntityManager em, String teamId) {
        return em.createQuery("select m from TeamMember m where m.teamId = :t", TeamMember.class)
                .setParameter("t", teamId).getResultList();
    }

    private static Optional<TeamMember> membership(EntityManager em, String teamId, String username) {
        return em.createQuery("select m from TeamMember m where m.teamId = :t and m.username = :u", TeamMember.class)
                .setParameter("t", teamId).setParameter("u", username).getResultStream().findFirst();
    }

    private static List<String> usernames(Collection<TeamMember> members) {
        return members.stream().map(TeamMember::username).toList();
    }

    private static boolean codeTaken(EntityManager em, String code) {
        return em.createQuery("select count(t) from Team t where t.code = :c", Long.class)
                .setParameter("c", code).getSingleResult() > 0;
    }

    private Details details(EntityManager em, Team t) {
        List<TeamMember> ms = memberships(em, t.id());
        return details(t, ms, people(em, usernames(ms)));
    }

    private static Details details(Team t, List<TeamMember> ms, Map<String, Member> people) {
        List<MemberDetails> members = ms.stream()
                .sorted((a, b) -> a.username().compareTo(b.username()))
                .map(m -> {
                    Member p = people.get(m.username());
                    return new MemberDetails(m.username(), p == null ? null : p.displayName(), p == null ? null : p.role(), m.joinedAt());
                }).toList();
        return new Details(t, members);
    }

    private static Map<String, Member> people(EntityManager em, Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        Map<String, Member> found = new HashMap<>();
        List<String> all = List.copyOf(new TreeSet<>(usernames));
        // Bounded IN lists: a tenant's teams may together hold many people.
        for (int i = 0; i < all.size(); i += 500) {
            em.createQuery("select m from Member m where m.username in :u", Member.class)
                    .setParameter("u", all.subList(i, Math.min(all.size(), i + 500))).getResultList()
                    .forEach(m -> found.put(m.username(), m));
        }
        return found;
    }

    /** Microseconds: what both databases keep, so a response shows the same time a later read does. */
    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
