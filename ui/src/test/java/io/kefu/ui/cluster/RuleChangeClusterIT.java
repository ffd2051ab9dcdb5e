package io.kefu.ui.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.kefu.platform.sla.RulesGate;
import io.kefu.ui.it.Api;
import io.kefu.ui.it.Api.Credentials;
import io.kefu.ui.it.Api.Reply;
import io.kefu.ui.it.TestTenants;

/**
 * A rule change whose node dies while it re-evaluates the open tickets is finished by the other
 * node (ADR 0012, seventh amendment). Two Payara Micro processes of the runnable bundle share
 * one fresh PostgreSQL database; a tenant gets {@value #TICKETS} open tickets (written with SQL,
 * as an import would) and a rule; the rule's change is sent to node a, which is killed by its
 * PID while the change's pages run. Node b's sweep must then take the request over once its
 * lease (4 s here) has run out and bring every open ticket to the new version, each ticket's
 * recompute recorded exactly once. Then a change sent to node b waits while the rules' gate is
 * held (as by a ticket being evaluated on any node) and commits once it is let go. The cluster is
 * the one the cluster tests share ({@link TwoNodes#shared()}, whose settings include that lease).
 */
class RuleChangeClusterIT {

    static final String OPERATOR_PASSWORD = TwoNodes.SHARED_OPERATOR_PASSWORD;
    static final int TICKETS = 40_000;

    @Test
    void aRuleChangeCutShortByItsNodesDeathIsFinishedByTheOtherNode() throws Exception {
        // The SLA sweep every second and a 4 s re-evaluation lease (TwoNodes.SHARED_OPTIONS).
        TwoNodes nodes = TwoNodes.shared();
        ClusterNode a = nodes.a();
        ClusterNode b = nodes.b();
        String dbUrl = nodes.dbUrl();

        String tenant = "rulc" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Reply provisioned = b.api().post("/api/v1/tenants", new Credentials("operator", OPERATOR_PASSWORD),
                TestTenants.body(tenant, "Cluster " + tenant, "express", "admin", "pw-" + tenant + "-9", "admin@" + tenant + ".example.com"));
        assertEquals(201, provisioned.status(), provisioned::toString);
        Credentials admin = Credentials.tenantUser(tenant, "admin", "pw-" + tenant + "-9");
        String schema = "t_" + tenant;
        try (Connection c = DriverManager.getConnection(dbUrl); Statement st = c.createStatement()) {
            st.executeUpdate("insert into " + schema + ".ticket (id, number, kind, status, priority, channel, subject, subject_search,"
                    + " category, tags, created_at, created_by, updated_at, reopen_count, last_event_seq, version)"
                    + " select md5(g::text)::uuid::text, 'R-' || lpad(g::text, 7, '0'), 'INQUIRY', 'NEW', 'NORMAL', 'WEB',"
                    + " '查询 #' || g, '查询 #' || g, 'general', ',', now() - (g % 3600) * interval '1 second', 'import', now(), 0, 0, 0"
                    + " from generate_series(1, " + TICKETS + ") g");
            st.execute("analyze " + schema + ".ticket");
        }
        Reply first = b.api().put("/api/v1/service-standards/all", admin, rule("PT8H"));
        assertEquals(201, first.status(), first::toString);
        assertEquals(TICKETS, count(dbUrl, "select count(*) from " + schema + ".sla_clock where stopped_at is null and rule_version = 1"));

        CompletableFuture<Reply> change = CompletableFuture.supplyAsync(() -> a.api().put("/api/v1/service-standards/all", admin, rule("PT4H")));
        long done = 0;
        Instant giveUp = Instant.now().plusSeconds(60);
        while (done == 0 && Instant.now().isBefore(giveUp) && !change.isDone()) {
            done = count(dbUrl, "select count(*) from " + schema + ".sla_clock where rule_version = 2");
            Thread.sleep(10);
        }
        a.kill();
        long atKill = count(dbUrl, "select count(*) from " + schema + ".sla_clock where rule_version = 2");
        assertTrue(done > 0 && atKill < TICKETS, "the change was cut short: " + atKill + " of " + TICKETS
                + " recomputed when node a died (if all, the re-evaluation outran the kill: raise TICKETS)");

        Instant end = Instant.now().plus(Duration.ofSeconds(90));
        long recomputed = atKill;
        while (recomputed < TICKETS && Instant.now().isBefore(end)) {
            Thread.sleep(500);
            recomputed = count(dbUrl, "select count(*) from " + schema + ".sla_clock where stopped_at is null and rule_version = 2");
        }
        assertEquals(TICKETS, recomputed, "node b finished the re-evaluation");
        assertEquals(TICKETS, count(dbUrl, "select count(*) from " + schema + ".sla_clock where stopped_at is null"
                + " and due_at = started_at + interval '4 hours'"), "every clock due four hours after its start");
        assertEquals(TICKETS, count(dbUrl, "select count(distinct ticket_id) from " + schema + ".sla_recompute where data like '%\"version\":2%'"));
        assertEquals(TICKETS, count(dbUrl, "select count(*) from " + schema + ".sla_recompute where data like '%\"version\":2%'"),
                "each ticket's recompute recorded once: pages node a had committed were found current");
        Instant settled = Instant.now().plusSeconds(10);
        while (pending(dbUrl, tenant) != null && Instant.now().isBefore(settled)) {
            Thread.sleep(200);
        }
        assertNull(pending(dbUrl, tenant), "the request is cleared");
        assertTrue(b.logText().contains("Re-evaluating the open tickets of tenant " + tenant), "node b says what it took over");

        // The rules' gate (ADR 0012, ninth amendment): a rule change waits for the evaluations in
        // flight on any node. One is held here, as a ticket being created holds it, so that the
        // re-evaluation after the change finds that ticket committed.
        CompletableFuture<Reply> waiting;
        try (Connection held = DriverManager.getConnection(dbUrl);
             PreparedStatement ps = held.prepareStatement("select pg_advisory_lock_shared(?, ?)")) {
            ps.setInt(1, RulesGate.KEY_SPACE);
            ps.setInt(2, RulesGate.key(schema));
            ps.executeQuery().close();
            waiting = CompletableFuture.supplyAsync(() -> b.api().put("/api/v1/service-standards/all", admin, rule("PT6H")));
            Thread.sleep(2000);
            assertFalse(waiting.isDone(), "the change waits while an evaluation holds the gate");
            assertEquals(0, count(dbUrl, "select count(*) from " + schema + ".sla_standard_version where rule_version = 3"),
                    "nothing of the change is written yet");
        }
        Reply third = waiting.get(90, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(200, third.status(), third::toString);
        assertEquals(3, third.json().getInt("version"));
    }

    private static String rule(String resolution) {
        return "{\"name\":{\"zh-CN\":\"全部\",\"en\":\"All\"},\"order\":1,\"calendar\":\"24x7\",\"businessTime\":false,"
                + "\"targets\":{\"resolution\":\"" + resolution + "\"},\"warnAtPercent\":75}";
    }

    private static long count(String dbUrl, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(dbUrl); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String pending(String dbUrl, String tenant) throws SQLException {
        try (Connection c = DriverManager.getConnection(dbUrl); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select reevaluation_request from kefu.sla_agenda where tenant_code = '" + tenant + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
