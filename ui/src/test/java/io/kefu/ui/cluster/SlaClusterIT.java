package io.kefu.ui.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import io.kefu.ui.it.Api;
import io.kefu.ui.it.Api.Credentials;
import io.kefu.ui.it.Api.Reply;
import io.kefu.ui.it.TestTenants;

/**
 * Two Payara Micro processes of the runnable bundle on loopback, one cluster name, one fresh
 * PostgreSQL database, the SLA sweep every second. Tickets with a 3-second first-response
 * target breach; every breach and warning must fire exactly once. Then the node holding the
 * sweep's lease is killed by its PID, and breaches of new tickets must still fire exactly once,
 * on the survivor (ADR 0008). Every process gets its own ports and tmp directory; the cluster is
 * the one the cluster tests share ({@link TwoNodes#shared()}), so its two nodes may have served
 * another test's tenant before.
 */
class SlaClusterIT {

    static final String OPERATOR_PASSWORD = TwoNodes.SHARED_OPERATOR_PASSWORD;
    static final int TICKETS = 8;

    @Test
    void everyBreachFiresOnceAlsoAfterTheSweepingNodeDies() throws Exception {
        // Sweeps every second on both nodes (TwoNodes.SHARED_OPTIONS).
        TwoNodes two = TwoNodes.shared();
        List<ClusterNode> nodes = two.both();
        String dbUrl = two.dbUrl();
        Api a = two.a().api();
        Api b = two.b().api();

        String tenant = "slac" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Reply provisioned = a.post("/api/v1/tenants", new Credentials("operator", OPERATOR_PASSWORD),
                TestTenants.body(tenant, "Cluster " + tenant, "express", "admin", "pw-" + tenant + "-9", "admin@" + tenant + ".example.com"));
        assertEquals(201, provisioned.status(), provisioned::toString);
        Credentials admin = Credentials.tenantUser(tenant, "admin", "pw-" + tenant + "-9");
        Reply sup = a.post("/api/v1/users", admin, "{\"username\":\"boss\",\"password\":\"pw-boss-2026\",\"role\":\"SUPERVISOR\","
                + "\"displayName\":\"Boss\",\"email\":\"boss@" + tenant + ".example.com\"}");
        assertEquals(201, sup.status(), sup::toString);
        Credentials boss = Credentials.tenantUser(tenant, "boss", "pw-boss-2026");
        Reply rule = b.put("/api/v1/service-standards/tight", admin, "{\"name\":{\"zh-CN\":\"三秒响应\",\"en\":\"Three seconds\"},"
                + "\"order\":1,\"calendar\":\"24x7\",\"businessTime\":false,\"targets\":{\"firstResponse\":\"PT3S\"},\"warnAtPercent\":50,"
                + "\"onBreach\":[{\"action\":\"NOTIFY\"},{\"action\":\"RAISE_PRIORITY\"}]}");
        assertEquals(201, rule.status(), rule::toString);

        List<String> first = createTickets(List.of(a, b), admin, "first");
        awaitBreached(a, admin, first, Duration.ofSeconds(90));
        Thread.sleep(4_000); // more sweeps on both nodes: nothing may fire again
        assertFiredOnce(a, admin, boss, first);

        long holderPid = leaseHolderPid(dbUrl);
        ClusterNode holder = nodes.stream().filter(n -> n.process().pid() == holderPid).findFirst()
                .orElseThrow(() -> new AssertionError("the lease names pid " + holderPid + ", none of the nodes"));
        ClusterNode survivor = nodes.stream().filter(n -> n != holder).findFirst().orElseThrow();
        ProcessHandle.of(holderPid).orElseThrow().destroyForcibly();
        assertTrue(holder.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "killed");

        List<String> second = createTickets(List.of(survivor.api()), admin, "second");
        awaitBreached(survivor.api(), admin, second, Duration.ofSeconds(90));
        Thread.sleep(4_000);
        assertFiredOnce(survivor.api(), admin, boss, second);
        assertFiredOnce(survivor.api(), admin, boss, first);
        long newHolder = leaseHolderPid(dbUrl);
        assertNotEquals(holderPid, newHolder);
        assertEquals(survivor.process().pid(), newHolder, "the survivor took the lease over");
    }

    private static List<String> createTickets(List<Api> via, Credentials admin, String label) {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            Reply r = via.get(i % via.size()).post("/api/v1/tickets", admin,
                    "{\"kind\":\"INQUIRY\",\"priority\":\"LOW\",\"subject\":\"" + label + " " + i + "\"}");
            assertEquals(201, r.status(), r::toString);
            numbers.add(r.string("number"));
        }
        return numbers;
    }

    private static void awaitBreached(Api api, Credentials admin, List<String> numbers, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        List<String> waiting = new ArrayList<>(numbers);
        while (!waiting.isEmpty() && Instant.now().isBefore(end)) {
            waiting.removeIf(n -> {
                JsonObject sla = api.get("/api/v1/tickets/" + n, admin).json().getJsonObject("sla");
                return sla.getBoolean("breached") && sla.getBoolean("warned")
                        && "NORMAL".equals(api.get("/api/v1/tickets/" + n, admin).string("priority"));
            });
            Thread.sleep(500);
        }
        assertTrue(waiting.isEmpty(), "not breached within " + timeout + ": " + waiting);
    }

    private static void assertFiredOnce(Api api, Credentials admin, Credentials supervisor, List<String> numbers) {
        Map<String, Long> notes = new LinkedHashMap<>();
        api.get("/api/v1/notifications", supervisor).json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .forEach(x -> notes.merge(x.getString("ticket") + ":" + x.getString("kind"), 1L, Long::sum));
        for (String n : numbers) {
            JsonObject ticket = api.get("/api/v1/tickets/" + n, admin).json();
            assertEquals("NORMAL", ticket.getString("priority"), n + ": raised from LOW exactly one step");
            Map<String, Long> changes = new LinkedHashMap<>();
            api.get("/api/v1/tickets/" + n + "/timeline", admin).json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                    .filter(e -> e.getString("type").equals("SLA"))
                    .forEach(e -> changes.merge(e.getJsonObject("data").getString("change"), 1L, Long::sum));
            assertEquals(Map.of("STARTED", 1L, "WARNED", 1L, "BREACHED", 1L), changes, n + ": " + changes);
            assertEquals(1L, notes.getOrDefault(n + ":sla.breach", 0L), n + " breach notifications: " + notes);
            assertEquals(1L, notes.getOrDefault(n + ":sla.warning", 0L), n + " warning notifications: " + notes);
        }
    }

    /** The PID in the lease's holder ("pid@host/id", from the JVM's RuntimeMXBean name). */
    private static long leaseHolderPid(String dbUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(dbUrl); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select holder from kefu.scheduler_lease where name = 'sla-sweep'")) {
            assertTrue(rs.next(), "no lease taken");
            String holder = rs.getString(1);
            return Long.parseLong(holder.substring(0, holder.indexOf('@')));
        }
    }
}
