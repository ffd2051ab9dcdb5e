package io.kefu.platform.team;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import io.kefu.platform.identity.Role;
import io.kefu.platform.tenant.persistence.TenantPersistence;
import io.kefu.platform.ticket.Priority;
import io.kefu.platform.ticket.Ticket;
import io.kefu.platform.ticket.TicketSla;
import io.kefu.platform.ticket.TicketStatus;
import io.kefu.platform.ticket.Workloads;

/**
 * What a supervisor's board shows of one team of the bound tenant: each member's open work by
 * priority with how much of it is at risk or breached, and the team's tickets that need someone
 * now (open and unassigned; open and at risk or breached). Read-only and counted in the
 * database, a few grouped queries per board, whatever the number of tickets.
 *
 * <p>"At risk" and "breached" are the service standards' own list filters ({@link TicketSla}),
 * so the board counts exactly what the queues list; without the SLA feature both are zero.
 */
@ApplicationScoped
@Transactional
public class TeamBoard {

    /** Statuses in which a ticket still needs work (the team's unassigned and breaching lists). */
    static final List<TicketStatus> OPEN = Arrays.stream(TicketStatus.values()).filter(TicketStatus::isOpen).toList();

    @Inject
    TenantPersistence data;

    @Inject
    Teams teams;

    @Inject
    Instance<TicketSla> sla;


    /** A member's open work; {@code byPriority} has every priority, 0 when none. */
    public record AgentLoad(String username, String displayName, Role role, Map<Priority, Long> byPriority,
                            long atRisk, long breached) {

        public AgentLoad {
            byPriority = Map.copyOf(byPriority);
        }

        /** All open tickets of the member (the same count as {@link Teams.Load#openTickets()}). */
        public long open() {
            return byPriority.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** One team's board: members by user name, and how many of its open tickets wait or are late. */
    public record Board(Team team, List<AgentLoad> agents, long unassigned, long breaching) {

        public Board {
            agents = List.copyOf(agents);
        }
    }

    /** A ticket of an attention list, and whether its service standard is already breached (else at risk). */
    public record Attention(Ticket ticket, boolean breached) {
    }

    /**
     * The team's board.
     *
     * @throws io.kefu.platform.problem.NotFoundException {@code team.not-found}
     */
    public Board board(String idOrCode) {
        Teams.Details team = teams.get(idOrCode);
        List<String> names = team.members().stream().map(Teams.MemberDetails::username).toList();
        Map<String, Map<Priority, Long>> byPriority = new HashMap<>();
        names.forEach(n -> byPriority.put(n, zeroPerPriority()));
        Map<String, Long> atRisk = new HashMap<>();
        Map<String, Long> breached = new HashMap<>();
        if (!names.isEmpty()) {
            EntityManager em = data.entityManager();
            em.createQuery("select t.assignee, t.priority, count(t) from Ticket t where t.assignee in :users"
                            + " and t.status in :open group by t.assignee, t.priority", Object[].class)
                    .setParameter("users", names).setParameter("open", Workloads.OCCUPYING).getResultList()
                    .forEach(r -> byPriority.get((String) r[0]).put((Priority) r[1], (Long) r[2]));
            TicketSla standards = standards();
            if (standards != null) {
                countPerAssignee(em, standards, standards.filter("at-risk"), names, atRisk);
                countPerAssignee(em, standards, standards.filter("breached"), names, breached);
            }
        }
        List<AgentLoad> agents = team.members().stream().map(m -> new AgentLoad(m.username(), m.displayName(), m.role(),
                byPriority.get(m.username()), atRisk.getOrDefault(m.username(), 0L), breached.getOrDefault(m.username(), 0L))).toList();
        String teamId = team.team().id();
        long unassigned = data.entityManager().createQuery("select count(t) from Ticket t where t.teamId = :team"
                        + " and t.assignee is null and t.status in :open", Long.class)
                .setParameter("team", teamId).setParameter("open", OPEN).getSingleResult();
        long breaching = 0;
        TicketSla standards = standards();
        if (standards != null) {
            breaching = data.entityManager().createQuery("select count(t) from Ticket t where t.teamId = :team"
                            + " and t.status in :open and (" + breachingCondition(standards) + ")", Long.class)
                    .setParameter("team", teamId).setParameter("open", OPEN).setParameter("slaNow", now(standards))
                    .getSingleResult();
        }
        return new Board(team.team(), agents, unassigned, breaching);
    }

    /** The team's open unassigned tickets, longest waiting first. */
    public List<Ticket> unassigned(String teamId, int limit) {
        return data.entityManager().createQuery("select t from Ticket t where t.teamId = :team and t.assignee is null"
                        + " and t.status in :open order by t.createdAt, t.id", Ticket.class)
                .setParameter("team", teamId).setParameter("open", OPEN).setMaxResults(limit).getResultList();
    }

    /** The team's open tickets at risk or breached, longest waiting first; empty without service standards. */
    public List<Attention> breaching(String teamId, int limit) {
        TicketSla standards = standards();
        if (standards == null) {
            return List.of();
        }
        EntityManager em = data.entityManager();
        OffsetDateTime now = now(standards);
        List<Ticket> tickets = em.createQuery("select t from Ticket t where t.teamId = :team and t.status in :open and ("
                        + breachingCondition(standards) + ") order by t.createdAt, t.id", Ticket.class)
                .setParameter("team", teamId).setParameter("open", OPEN).setParameter("slaNow", now)
                .setMaxResults(limit).getResultList();
        if (tickets.isEmpty()) {
            return List.of();
        }
        Set<String> late = new HashSet<>(em.createQuery("select t.id from Ticket t where t.id in :ids and ("
                        + standards.filter("breached") + ")", String.class)
                .setParameter("ids", tickets.stream().map(Ticket::id).toList()).setParameter("slaNow", now).getResultList());
        return tickets.stream().map(t -> new Attention(t, late.contains(t.id()))).toList();
    }

    /** The service standards' filters, or null when that feature is not deployed. */
    TicketSla standards() {
        return sla.isResolvable() ? sla.get() : null;
    }

    private void countPerAssignee(EntityManager em, TicketSla standards, String condition, List<String> names, Map<String, Long> into) {
        TypedQuery<Object[]> q = em.createQuery("select t.assignee, count(t) from Ticket t where t.assignee in :users"
                + " and t.status in :open and (" + condition + ") group by t.assignee", Object[].class);
        q.setParameter("users", names).setParameter("open", Workloads.OCCUPYING).setParameter("slaNow", now(standards));
        q.getResultList().forEach(r -> into.put((String) r[0], (Long) r[1]));
    }

    /** Both filters share their one parameter, so they can be asked as one condition. */
    private static String breachingCondition(TicketSla standards) {
        return "(" + standards.filter("at-risk") + ") or (" + standards.filter("breached") + ")";
    }

    private static OffsetDateTime now(TicketSla standards) {
        return standards.now().atOffset(ZoneOffset.UTC);
    }

    private static Map<Priority, Long> zeroPerPriority() {
        Map<Priority, Long> m = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            m.put(p, 0L);
        }
        return m;
    }
}
