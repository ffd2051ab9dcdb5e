package io.kefu.platform.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.kefu.platform.problem.NotFoundException;
import io.kefu.platform.sla.TicketSlaView;
import io.kefu.platform.db.TenantTestDatabase;
import io.kefu.platform.tenant.persistence.TenantPersistence;
import io.kefu.platform.ticket.Priority;
import io.kefu.platform.ticket.Ticket;
import io.kefu.platform.ticket.TicketSla;

/**
 * {@link TeamBoard}'s queries against H2 and PostgreSQL: loads per member and priority, at-risk
 * and breached counts through the service standards' own filters, the team's unassigned and
 * breaching lists, and that one tenant's board never counts another tenant's tickets.
 */
class TeamBoardDatabaseTest {

    private static final String ACME = "t_board_a";
    private static final String GLOBEX = "t_board_b";
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private EntityManagerFactory emf;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();
    private TeamBoard board;

    @AfterEach
    void close() {
        if (emf != null) {
            emf.close();
        }
    }

    private void open(String database) throws Exception {
        String url = TenantTestDatabase.migrated(database, ACME, GLOBEX);
        emf = TenantTestDatabase.persistenceUnit(database, url);
        TenantPersistence data = TenantTestDatabase.persistence(current::get);
        Teams teams = new Teams();
        teams.data = data;
        TicketSlaView filters = new TicketSlaView();
        TicketSla fixedNow = new TicketSla() {
            @Override
            public JsonValue of(Ticket ticket, Locale locale) {
                return JsonValue.NULL;
            }

            @Override
            public String filter(String value) {
                return filters.filter(value);
            }

            @Override
            public Instant now() {
                return NOW;
            }

            @Override
            public List<JsonValue> of(List<Ticket> tickets, Locale locale) {
                return java.util.Collections.nCopies(tickets.size(), JsonValue.NULL);
            }

            @Override
            public Map<String, Summary> summaries(List<Ticket> tickets) {
                return Map.of();
            }
        };
        board = new TeamBoard() {
            @Override
            TicketSla standards() {
                return fixedNow;
            }
        };
        board.data = data;
        board.teams = teams;
    }

    private <T> T in(String schema, Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager(Map.of(TenantPersistence.TENANT_PROPERTY, schema));
        current.set(em);
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            current.remove();
            em.close();
        }
    }

    private String team(String schema, String code, String... members) {
        return in(schema, em -> {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            Team t = new Team(code, code, null, AssignmentStrategy.MANUAL, now);
            em.persist(t);
            em.persist(new TeamRotation(t.id(), now));
            for (String m : members) {
                em.persist(new TeamMember(t.id(), m, now));
            }
            return t.id();
        });
    }

    /** A ticket created {@code ageMinutes} before {@link #NOW}; returns its id. */
    private String ticket(String schema, String teamId, String assignee, String status, Priority priority, int ageMinutes) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime created = NOW.minus(Duration.ofMinutes(ageMinutes)).atOffset(ZoneOffset.UTC);
        in(schema, em -> em.createNativeQuery("insert into " + schema + ".ticket (id, number, kind, status, priority, channel, subject,"
                        + " subject_search, team_id, assignee, tags, created_at, created_by, updated_at) values (?, ?, 'INQUIRY', ?, ?, 'API',"
                        + " 'x', 'x', ?, ?, ',', ?, 'test', ?)")
                .setParameter(1, id).setParameter(2, "T-" + id.substring(0, 8)).setParameter(3, status).setParameter(4, priority.name())
                .setParameter(5, teamId).setParameter(6, assignee).setParameter(7, created).setParameter(8, created).executeUpdate());
        return id;
    }

    /** A running resolution clock warned at {@code warnIn} and due at {@code dueIn} from {@link #NOW} (negative: past). */
    private void clock(String schema, String ticketId, Duration warnIn, Duration dueIn) {
        OffsetDateTime started = NOW.minus(Duration.ofHours(10)).atOffset(ZoneOffset.UTC);
        in(schema, em -> em.createNativeQuery("insert into " + schema + ".sla_clock (id, ticket_id, target, rule_code, rule_version,"
                        + " calendar_code, business_time, target_iso, warn_percent, cycle, started_at, due_at, warn_at, target_millis,"
                        + " paused_millis, updated_at) values (?, ?, 'RESOLUTION', 'r', 1, 'always', false, 'PT12H', 80, 1, ?, ?, ?, 1000, 0, ?)")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, ticketId).setParameter(3, started)
                .setParameter(4, NOW.plus(dueIn).atOffset(ZoneOffset.UTC)).setParameter(5, NOW.plus(warnIn).atOffset(ZoneOffset.UTC))
                .setParameter(6, started).executeUpdate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theBoardCountsEachMembersOpenWorkByPriorityAndRisk(String database) throws Exception {
        open(database);
        String desk = team(ACME, "desk", "li", "wang", "zhou");
        ticket(ACME, desk, "li", "ASSIGNED", Priority.URGENT, 30);
        String liLate = ticket(ACME, desk, "li", "IN_PROGRESS", Priority.HIGH, 40);
        clock(ACME, liLate, Duration.ofHours(-3), Duration.ofHours(-1));
        String liWarned = ticket(ACME, desk, "li", "PENDING_CUSTOMER", Priority.HIGH, 50);
        clock(ACME, liWarned, Duration.ofMinutes(-5), Duration.ofHours(1));
        ticket(ACME, desk, "li", "RESOLVED", Priority.LOW, 60);
        String wangCalm = ticket(ACME, desk, "wang", "REOPENED", Priority.NORMAL, 70);
        clock(ACME, wangCalm, Duration.ofHours(2), Duration.ofHours(3));
        // Another team's ticket of a member still counts: the load is the person's.
        ticket(ACME, null, "wang", "ASSIGNED", Priority.LOW, 80);
        String oldestWaiting = ticket(ACME, desk, null, "NEW", Priority.NORMAL, 90);
        String waitingLate = ticket(ACME, desk, null, "REOPENED", Priority.URGENT, 20);
        clock(ACME, waitingLate, Duration.ofHours(-2), Duration.ofMinutes(-10));
        ticket(ACME, desk, null, "CANCELLED", Priority.NORMAL, 100);
        ticket(ACME, null, null, "NEW", Priority.NORMAL, 110);

        TeamBoard.Board b = in(ACME, em -> board.board("desk"));

        assertEquals("desk", b.team().code());
        assertEquals(List.of("li", "wang", "zhou"), b.agents().stream().map(TeamBoard.AgentLoad::username).toList());
        TeamBoard.AgentLoad li = b.agents().get(0);
        assertEquals(Map.of(Priority.URGENT, 1L, Priority.HIGH, 2L, Priority.NORMAL, 0L, Priority.LOW, 0L), li.byPriority());
        assertEquals(3, li.open());
        assertEquals(1, li.atRisk());
        assertEquals(1, li.breached());
        TeamBoard.AgentLoad wang = b.agents().get(1);
        assertEquals(2, wang.open());
        assertEquals(0, wang.atRisk() + wang.breached());
        assertEquals(0, b.agents().get(2).open());
        assertEquals(2, b.unassigned());
        assertEquals(3, b.breaching(), "li's two and the unassigned late one");

        List<String> unassigned = in(ACME, em -> board.unassigned(desk, 50).stream().map(Ticket::id).toList());
        assertEquals(List.of(oldestWaiting, waitingLate), unassigned);
        List<TeamBoard.Attention> attention = in(ACME, em -> board.breaching(desk, 50));
        assertEquals(List.of(liWarned, liLate, waitingLate), attention.stream().map(a -> a.ticket().id()).toList());
        assertEquals(List.of(false, true, true), attention.stream().map(TeamBoard.Attention::breached).toList());
        assertEquals(1, in(ACME, em -> board.breaching(desk, 1)).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aBoardNeverCountsAnotherTenantsTickets(String database) throws Exception {
        open(database);
        String mine = team(ACME, "desk", "li");
        String theirs = team(GLOBEX, "desk", "li");
        for (int i = 0; i < 3; i++) {
            String late = ticket(GLOBEX, theirs, "li", "ASSIGNED", Priority.URGENT, 10 + i);
            clock(GLOBEX, late, Duration.ofHours(-2), Duration.ofHours(-1));
            ticket(GLOBEX, theirs, null, "NEW", Priority.NORMAL, 20 + i);
        }

        TeamBoard.Board b = in(ACME, em -> board.board("desk"));

        assertEquals(mine, b.team().id());
        assertEquals(0, b.agents().get(0).open());
        assertEquals(0, b.agents().get(0).breached());
        assertEquals(0, b.unassigned());
        assertEquals(0, b.breaching());
        assertEquals(List.of(), in(ACME, em -> board.unassigned(theirs, 50)));
        assertEquals(List.of(), in(ACME, em -> board.breaching(theirs, 50)));
        assertThrows(NotFoundException.class, () -> in(ACME, em -> board.board(theirs)));
        assertEquals(3, in(GLOBEX, em -> board.board("desk")).agents().get(0).breached());
    }
}
