package io.kefu.ui.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.kefu.ui.it.Replies.assertProblem;
import static io.kefu.ui.it.Replies.created;
import static io.kefu.ui.it.Replies.fieldErrors;
import static io.kefu.ui.it.Replies.ok;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.kefu.ui.it.Api.Credentials;
import io.kefu.ui.it.Api.Reply;
import io.kefu.ui.it.TestTenants.Tenant;

/**
 * Teams over REST on the real server: create, read, edit with optimistic locking (also under
 * concurrency), membership rules, members' open work, and that no team endpoint reaches another
 * tenant's teams. Runs on H2 and on PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
class TeamsIT {

    private static Api api;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.rootWar();
    }

    @BeforeAll
    static void serverReady() {
        api = Api.server().awaitReady(Duration.ofSeconds(90));
    }

    @Test
    void teamsAreCreatedReadAndEditedWithTheirVersion() {
        Tenant t = TestTenants.provision(api, "tm-crud");
        Credentials sup = user(t, "sup", "SUPERVISOR");
        Credentials agent = user(t, "li", "AGENT");

        Reply created = api.post("/api/v1/teams", t.admin(),
                "{\"code\":\"after-sales\",\"name\":\"售后服务组\",\"description\":\"退换货\",\"strategy\":\"ROUND_ROBIN\"}");
        assertEquals(201, created.status(), created::toString);
        JsonObject team = created.json();
        String id = team.getString("id");
        assertTrue(created.header("Location").orElse("").endsWith("/api/v1/teams/" + id), created::toString);
        assertEquals("after-sales", team.getString("code"));
        assertEquals("售后服务组", team.getString("name"));
        assertEquals("退换货", team.getString("description"));
        assertEquals("ROUND_ROBIN", team.getString("strategy"));
        assertEquals(0, team.getJsonArray("members").size());
        assertFalse(team.isNull("createdAt"));
        assertFalse(team.isNull("updatedAt"));
        long v = team.getJsonNumber("version").longValue();

        JsonObject bySup = created(api.post("/api/v1/teams", sup, "{\"code\":\"complaints\",\"name\":\"Complaints desk\"}"));
        assertEquals("MANUAL", bySup.getString("strategy"), "manual unless chosen");
        assertTrue(bySup.containsKey("description") && bySup.isNull("description"), bySup::toString);
        assertProblem(api.post("/api/v1/teams", agent, "{\"code\":\"mine\",\"name\":\"Mine\"}"), 403, "auth.forbidden");

        assertEquals(team.getString("name"), ok(api.get("/api/v1/teams/" + id, agent)).string("name"));
        assertEquals(id, ok(api.get("/api/v1/teams/after-sales", agent)).string("id"));
        List<String> codes = ok(api.get("/api/v1/teams", agent)).jsonArray().stream()
                .map(x -> x.asJsonObject().getString("code")).toList();
        assertEquals(List.of("after-sales", "complaints"), codes, "all teams, by code");

        assertProblem(api.post("/api/v1/teams", t.admin(), "{\"code\":\"after-sales\",\"name\":\"Again\"}"), 409, "team.code.taken");
        Reply bad = api.post("/api/v1/teams", t.admin(), "{\"code\":\"After Sales\",\"name\":\"\",\"strategy\":\"RANDOM\",\"colour\":1}");
        assertProblem(bad, 400, "input.invalid");
        assertEquals(Map.of("code", "team.code.invalid", "name", "field.required", "strategy", "field.value.unknown", "colour", "field.unknown"),
                fieldErrors(bad));

        JsonObject edited = ok(api.send("PATCH", "/api/v1/teams/after-sales", sup,
                "{\"version\":" + v + ",\"name\":\"售后一组\",\"description\":null,\"strategy\":\"LEAST_LOADED\"}")).json();
        assertEquals("售后一组", edited.getString("name"));
        assertTrue(edited.isNull("description"), edited::toString);
        assertEquals("LEAST_LOADED", edited.getString("strategy"));
        assertEquals("after-sales", edited.getString("code"));
        assertEquals(v + 1, edited.getJsonNumber("version").longValue());
        assertEquals(v + 1, ok(api.get("/api/v1/teams/" + id, agent)).json().getJsonNumber("version").longValue());

        Reply stale = api.send("PATCH", "/api/v1/teams/" + id, t.admin(), "{\"version\":" + v + ",\"name\":\"Stale\"}", "Accept-Language", "zh-CN");
        assertProblem(stale, 409, "team.version.conflict");
        assertTrue(stale.string("detail").contains("已被他人修改"), stale::toString);
        assertEquals("售后一组", ok(api.get("/api/v1/teams/" + id, agent)).string("name"), "a stale edit changes nothing");
        assertEquals(Map.of("version", "team.version.required"), fieldErrors(api.send("PATCH", "/api/v1/teams/" + id, t.admin(), "{\"name\":\"x\"}")));
        assertEquals(Map.of("code", "team.code.fixed"),
                fieldErrors(api.send("PATCH", "/api/v1/teams/" + id, t.admin(), "{\"version\":" + (v + 1) + ",\"code\":\"other\"}")));
        assertProblem(api.send("PATCH", "/api/v1/teams/" + id, agent, "{\"version\":" + (v + 1) + ",\"name\":\"Agents rule\"}"), 403, "auth.forbidden");
        assertProblem(api.get("/api/v1/teams/no-such-team", agent), 404, "team.not-found");

        List<String> actions = ok(api.get("/api/v1/audit?subjectType=team&subjectId=" + id, t.admin())).jsonArray().stream()
                .map(x -> x.asJsonObject().getString("action")).toList();
        assertEquals(List.of("team.updated", "team.created"), actions, "newest first");
    }

    @Test
    void onlyAgentsAndSupervisorsOfTheTenantBecomeMembersAndMayBeInSeveralTeams() {
        Tenant t = TestTenants.provision(api, "tm-mem");
        Credentials agent = user(t, "li", "AGENT");
        user(t, "wang", "AGENT");
        Credentials sup = user(t, "sup", "SUPERVISOR");
        user(t, "boss2", "TENANT_ADMIN");
        String sales = created(api.post("/api/v1/teams", t.admin(), "{\"code\":\"sales\",\"name\":\"Sales\"}")).getString("id");
        created(api.post("/api/v1/teams", t.admin(), "{\"code\":\"repair\",\"name\":\"Repair\"}"));

        Reply added = api.put("/api/v1/teams/sales/members/li", sup, null);
        assertEquals(201, added.status(), added::toString);
        assertEquals(List.of("li"), memberNames(added.json()));
        JsonObject li = added.json().getJsonArray("members").getJsonObject(0);
        assertEquals("AGENT", li.getString("role"));
        assertEquals("li", li.getString("displayName"));
        assertFalse(li.isNull("joinedAt"));
        Reply again = api.put("/api/v1/teams/" + sales + "/members/li", t.admin(), null);
        assertEquals(200, again.status(), "adding a member twice changes nothing: " + again);
        assertEquals(List.of("li"), memberNames(again.json()));
        assertEquals(201, api.put("/api/v1/teams/sales/members/sup", t.admin(), null).status());
        assertEquals(201, api.put("/api/v1/teams/sales/members/wang", t.admin(), null).status());
        assertEquals(201, api.put("/api/v1/teams/repair/members/li", t.admin(), null).status(), "a person may be in several teams");

        assertEquals(Map.of("username", "team.member.role"), fieldErrors(api.put("/api/v1/teams/sales/members/boss2", t.admin(), null)));
        assertEquals(Map.of("username", "team.member.role"), fieldErrors(api.put("/api/v1/teams/sales/members/admin", t.admin(), null)));
        assertEquals(Map.of("username", "user.not-found"), fieldErrors(api.put("/api/v1/teams/sales/members/nobody", t.admin(), null)));
        assertEquals(Map.of("username", "user.username.invalid"), fieldErrors(api.put("/api/v1/teams/sales/members/x", t.admin(), null)));
        assertProblem(api.put("/api/v1/teams/sales/members/wang", agent, null), 403, "auth.forbidden");
        assertProblem(api.put("/api/v1/teams/nope/members/li", t.admin(), null), 404, "team.not-found");

        assertEquals(List.of("li", "sup", "wang"), memberNames(ok(api.get("/api/v1/teams/sales", agent)).json()), "members by user name");

        assertEquals(204, api.send("DELETE", "/api/v1/teams/sales/members/li", sup, null).status());
        assertEquals(204, api.send("DELETE", "/api/v1/teams/sales/members/li", sup, null).status(), "removing twice is fine");
        assertEquals(204, api.send("DELETE", "/api/v1/teams/sales/members/nobody", sup, null).status());
        assertProblem(api.send("DELETE", "/api/v1/teams/sales/members/wang", agent, null), 403, "auth.forbidden");
        assertProblem(api.send("DELETE", "/api/v1/teams/nope/members/wang", t.admin(), null), 404, "team.not-found");
        assertEquals(List.of("sup", "wang"), memberNames(ok(api.get("/api/v1/teams/sales", agent)).json()));
        assertEquals(List.of("li"), memberNames(ok(api.get("/api/v1/teams/repair", agent)).json()), "the other team keeps li");
        JsonArray all = ok(api.get("/api/v1/teams", agent)).jsonArray();
        assertEquals(List.of("li"), memberNames(all.getJsonObject(0)), "repair");
        assertEquals(List.of("sup", "wang"), memberNames(all.getJsonObject(1)), "sales");

        List<String> actions = ok(api.get("/api/v1/audit?subjectType=team&subjectId=" + sales, t.admin())).jsonArray().stream()
                .map(x -> x.asJsonObject().getString("action")).toList();
        assertEquals(List.of("team.member-removed", "team.member-added", "team.member-added", "team.member-added", "team.created"), actions,
                "one entry per change, none for what changed nothing");
    }

    @Test
    void theWorkloadCountsEachMembersOpenTicketsAndLeavingATeamKeepsTheTickets() {
        Tenant t = TestTenants.provision(api, "tm-load");
        Credentials li = user(t, "li", "AGENT");
        user(t, "wang", "AGENT");
        user(t, "zhou", "AGENT");
        user(t, "zhao", "AGENT");
        Credentials sup = user(t, "sup", "SUPERVISOR");
        created(api.post("/api/v1/teams", t.admin(), "{\"code\":\"hotline\",\"name\":\"热线组\",\"strategy\":\"LEAST_LOADED\"}"));
        for (String m : List.of("li", "wang", "zhou")) {
            assertEquals(201, api.put("/api/v1/teams/hotline/members/" + m, t.admin(), null).status());
        }
        String l1 = ticketFor(t, "li");
        ticketFor(t, "li");
        ticketFor(t, "wang");
        ticketFor(t, "zhao"); // not in the team
        move(t, l1, "{\"to\":\"IN_PROGRESS\"}");
        String done = ticketFor(t, "li");
        move(t, done, "{\"to\":\"IN_PROGRESS\"}");
        move(t, done, "{\"to\":\"RESOLVED\",\"resolution\":\"已处理\"}"); // no longer occupies li
        create(t, "{\"kind\":\"INQUIRY\",\"subject\":\"未分配\"}");

        JsonObject w = ok(api.get("/api/v1/teams/hotline/workload", sup)).json();
        assertEquals("hotline", w.getString("code"));
        assertEquals("LEAST_LOADED", w.getString("strategy"));
        assertEquals(Map.of("li", 2L, "wang", 1L, "zhou", 0L), loads(w));
        assertEquals(List.of("li", "wang", "zhou"), w.getJsonArray("members").stream().map(x -> x.asJsonObject().getString("username")).toList());
        assertEquals("AGENT", w.getJsonArray("members").getJsonObject(0).getString("role"));
        assertProblem(api.get("/api/v1/teams/hotline/workload", li), 403, "auth.forbidden");

        assertEquals(204, api.send("DELETE", "/api/v1/teams/hotline/members/li", sup, null).status());
        assertEquals("li", ok(api.get("/api/v1/tickets/" + l1, t.admin())).string("assignee"), "leaving a team never touches tickets");
        assertEquals("IN_PROGRESS", ok(api.get("/api/v1/tickets/" + l1, t.admin())).string("status"));
        assertEquals(Map.of("wang", 1L, "zhou", 0L), loads(ok(api.get("/api/v1/teams/hotline/workload", t.admin())).json()));
    }

    @Test
    void twoSupervisorsEditingTheSameVersionNeverOverwriteEachOther() throws Exception {
        Tenant t = TestTenants.provision(api, "tm-cc");
        JsonObject team = created(api.post("/api/v1/teams", t.admin(), "{\"code\":\"night\",\"name\":\"Night shift\"}"));
        long v = team.getJsonNumber("version").longValue();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (String name : List.of("夜班 A", "夜班 B")) {
                Callable<Reply> edit = () -> {
                    start.await();
                    return api.send("PATCH", "/api/v1/teams/night", t.admin(), "{\"version\":" + v + ",\"name\":\"" + name + "\"}");
                };
                replies.add(pool.submit(edit));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            String winner = null;
            for (Future<Reply> f : replies) {
                Reply r = f.get();
                statuses.add(r.status());
                if (r.status() == 409) {
                    assertEquals("team.version.conflict", r.string("code"), r::toString);
                } else {
                    winner = r.string("name");
                }
            }
            statuses.sort(Integer::compare);
            assertEquals(List.of(200, 409), statuses, "exactly one edit wins, the other is told");
            JsonObject now = ok(api.get("/api/v1/teams/night", t.admin())).json();
            assertEquals(winner, now.getString("name"));
            assertEquals(v + 1, now.getJsonNumber("version").longValue());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every team endpoint, called by tenant B with A's team id and code: not found, and A's team is unchanged. */
    @Test
    void anotherTenantsTeamIsNotFoundOnAnyEndpointNorInLists() {
        Tenant a = TestTenants.provision(api, "tm-xa");
        Tenant b = TestTenants.provision(api, "tm-xb");
        user(a, "li", "AGENT");
        user(b, "li", "AGENT");
        JsonObject secret = created(api.post("/api/v1/teams", a.admin(), "{\"code\":\"a-secret\",\"name\":\"A's secret team\"}"));
        String id = secret.getString("id");
        assertEquals(201, api.put("/api/v1/teams/a-secret/members/li", a.admin(), null).status());
        ticketFor(a, "li");
        created(api.post("/api/v1/teams", b.admin(), "{\"code\":\"b-own\",\"name\":\"B's own\"}"));

        for (String ref : List.of(id, "a-secret")) {
            String p = "/api/v1/teams/" + ref;
            assertProblem(api.get(p, b.admin()), 404, "team.not-found");
            assertProblem(api.send("PATCH", p, b.admin(), "{\"version\":" + secret.getJsonNumber("version") + ",\"name\":\"taken\"}"),
                    404, "team.not-found");
            assertProblem(api.put(p + "/members/li", b.admin(), null), 404, "team.not-found");
            assertProblem(api.send("DELETE", p + "/members/li", b.admin(), null), 404, "team.not-found");
            assertProblem(api.get(p + "/workload", b.admin()), 404, "team.not-found");
        }
        JsonArray bTeams = ok(api.get("/api/v1/teams", b.admin())).jsonArray();
        assertEquals(List.of("b-own"), bTeams.stream().map(x -> x.asJsonObject().getString("code")).toList());
        assertTrue(bTeams.stream().noneMatch(x -> x.asJsonObject().getString("id").equals(id)));
        assertEquals("[]", ok(api.get("/api/v1/audit?subjectType=team&subjectId=" + id, b.admin())).body().strip(),
                "B's audit log knows nothing of A's team");

        // Codes are per tenant: B may have a team of the same code, and it is B's own.
        JsonObject bSame = created(api.post("/api/v1/teams", b.admin(), "{\"code\":\"a-secret\",\"name\":\"B's namesake\"}"));
        assertNotEquals(id, bSame.getString("id"));
        assertEquals(bSame.getString("id"), ok(api.get("/api/v1/teams/a-secret", b.admin())).string("id"));
        assertEquals(Map.of(), loads(ok(api.get("/api/v1/teams/a-secret/workload", b.admin())).json()));
        assertProblem(api.get("/api/v1/teams/" + id, b.admin()), 404, "team.not-found");

        JsonObject unchanged = ok(api.get("/api/v1/teams/" + id, a.admin())).json();
        assertEquals("A's secret team", unchanged.getString("name"));
        assertEquals(secret.getJsonNumber("version"), unchanged.getJsonNumber("version"));
        assertEquals(List.of("li"), memberNames(unchanged));
        assertEquals(Map.of("li", 1L), loads(ok(api.get("/api/v1/teams/a-secret/workload", a.admin())).json()));
        assertEquals(List.of("a-secret"), ok(api.get("/api/v1/teams", a.admin())).jsonArray().stream()
                .map(x -> x.asJsonObject().getString("code")).toList());
    }

    private static String ticketFor(Tenant t, String assignee) {
        String n = create(t, "{\"kind\":\"SERVICE_REQUEST\",\"subject\":\"给 " + assignee + " 的工单\"}");
        move(t, n, "{\"to\":\"ASSIGNED\",\"assignee\":\"" + assignee + "\"}");
        return n;
    }

    private static String create(Tenant t, String json) {
        Reply r = api.post("/api/v1/tickets", t.admin(), json);
        assertEquals(201, r.status(), r::toString);
        return r.string("number");
    }

    private static void move(Tenant t, String number, String json) {
        ok(api.post("/api/v1/tickets/" + number + "/transitions", t.admin(), json));
    }

    private static Map<String, Long> loads(JsonObject workload) {
        Map<String, Long> m = new LinkedHashMap<>();
        workload.getJsonArray("members").forEach(x -> m.put(x.asJsonObject().getString("username"),
                x.asJsonObject().getJsonNumber("openTickets").longValue()));
        return m;
    }

    private static List<String> memberNames(JsonObject team) {
        return team.getJsonArray("members").stream().map(x -> x.asJsonObject().getString("username")).toList();
    }


    private static Credentials user(Tenant t, String username, String role) {
        return TestTenants.user(api, t, username, role);
    }



}
