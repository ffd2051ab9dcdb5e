package io.kefu.platform.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Field;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.kefu.platform.problem.NotFoundException;
import io.kefu.platform.db.TenantTestDatabase;
import io.kefu.platform.tenant.persistence.TenantPersistence;
import io.kefu.platform.ticket.Workloads;

/**
 * {@link TeamAssignment} against a real database (H2 and PostgreSQL), outside the container:
 * the persistence unit with local transactions, a migrated tenant schema, and the service with
 * its EntityManager handed in. Proves what the black-box tests cannot reach yet: the cursor is
 * kept between transactions, simultaneous picks give different people, and least-loaded reads
 * the real ticket table.
 */
class TeamAssignmentDatabaseTest {

    private static final String SCHEMA = "t_pick";

    private EntityManagerFactory emf;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();
    private TeamAssignment assignment;

    @AfterEach
    void close() {
        if (emf != null) {
            emf.close();
        }
    }

    private void open(String database) throws Exception {
        String url = TenantTestDatabase.migrated(database, SCHEMA);
        emf = TenantTestDatabase.persistenceUnit(database, url);

        TenantPersistence data = TenantTestDatabase.persistence(current::get);
        Workloads workloads = new Workloads();
        Field f = Workloads.class.getDeclaredField("data");
        f.setAccessible(true);
        f.set(workloads, data);
        assignment = new TeamAssignment();
        assignment.data = data;
        assignment.workloads = workloads;
    }

    /** Runs {@code work} in its own transaction on its own EntityManager, as one request would. */
    private <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager(Map.of(TenantPersistence.TENANT_PROPERTY, SCHEMA));
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

    private String team(String code, AssignmentStrategy strategy, String... members) {
        return inTransaction(em -> {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            Team t = new Team(code, code, null, strategy, now);
            em.persist(t);
            em.persist(new TeamRotation(t.id(), now));
            for (String m : members) {
                em.persist(new TeamMember(t.id(), m, now));
            }
            return t.id();
        });
    }

    private Optional<String> pick(String teamIdOrCode) {
        return inTransaction(em -> assignment.pickAssignee(teamIdOrCode));
    }

    /** An open ticket assigned to {@code username}, written in {@code em}'s transaction. */
    private static void assignTicket(EntityManager em, String username) {
        em.createNativeQuery("insert into " + SCHEMA + ".ticket (id, number, kind, status, priority, channel, subject, subject_search, "
                        + "assignee, tags, created_at, created_by, updated_at) values (?, ?, 'INQUIRY', 'ASSIGNED', 'NORMAL', 'API', "
                        + "'x', 'x', ?, ',', ?, 'test', ?)")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, "T-" + UUID.randomUUID())
                .setParameter(3, username).setParameter(4, OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter(5, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void roundRobinKeepsItsCursorBetweenTransactions(String database) throws Exception {
        open(database);
        String id = team("desk", AssignmentStrategy.ROUND_ROBIN, "zhao", "li", "wang");
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            order.add(pick(i % 2 == 0 ? id : "desk").orElseThrow());
        }
        assertEquals(List.of("li", "wang", "zhao", "li"), order);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void manualTeamsAndEmptyTeamsGetNoOneAndUnknownTeamsAreNotFound(String database) throws Exception {
        open(database);
        team("manual", AssignmentStrategy.MANUAL, "li", "wang");
        team("empty", AssignmentStrategy.LEAST_LOADED);
        assertEquals(Optional.empty(), pick("manual"));
        assertEquals(Optional.empty(), pick("empty"));
        assertThrows(NotFoundException.class, () -> pick("nope"));
        assertThrows(NotFoundException.class, () -> pick(UUID.randomUUID().toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aCursorWhoseMemberLeftMovesOnToTheNextName(String database) throws Exception {
        open(database);
        String id = team("desk", AssignmentStrategy.ROUND_ROBIN, "li", "ma", "wang");
        assertEquals("li", pick(id).orElseThrow());
        assertEquals("ma", pick(id).orElseThrow());
        inTransaction(em -> em.createQuery("delete from TeamMember m where m.username = 'ma'").executeUpdate());
        assertEquals("wang", pick(id).orElseThrow());
    }

    /**
     * Three requests pick at the same moment, each holding its transaction open a little: with the
     * team's row locked they run one after the other and get three different people. Without the
     * lock all three read the same cursor and the same person gets all the work.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void simultaneousPicksGiveDifferentPeople(String database) throws Exception {
        open(database);
        String id = team("rush", AssignmentStrategy.ROUND_ROBIN, "li", "wang", "zhao");
        List<String> chosen = concurrently(3, em -> {
            String who = assignment.pickAssignee(id).orElseThrow();
            pause(300);
            return who;
        });
        assertEquals(List.of("li", "wang", "zhao"), chosen.stream().sorted().toList());
    }

    /**
     * Least-loaded with the ticket assigned in the picking transaction (as ticket assignment will
     * do it): each pick sees the tickets the previous picks assigned, so the work spreads evenly.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void leastLoadedSpreadsSimultaneousWorkByRealOpenTickets(String database) throws Exception {
        open(database);
        String id = team("hotline", AssignmentStrategy.LEAST_LOADED, "li", "wang", "zhou");
        inTransaction(em -> {
            assignTicket(em, "li");
            assignTicket(em, "li");
            assignTicket(em, "wang");
            return null;
        });
        // Loads li 2, wang 1, zhou 0: zhou, then wang (tied with zhou, next in rotation), then zhou.
        List<String> chosen = concurrently(3, em -> {
            String who = assignment.pickAssignee(id).orElseThrow();
            assignTicket(em, who);
            pause(200);
            return who;
        });
        Map<String, Long> loads = inTransaction(em -> {
            Workloads w = assignment.workloads;
            return w.openTickets(List.of("li", "wang", "zhou"));
        });
        assertEquals(Map.of("li", 2L, "wang", 2L, "zhou", 2L), loads, "picked " + chosen);
    }

    private List<String> concurrently(int n, Function<EntityManager, String> work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<String> task = () -> {
                    start.await();
                    return inTransaction(work);
                };
                futures.add(pool.submit(task));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
