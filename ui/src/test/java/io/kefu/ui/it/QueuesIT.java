package io.kefu.ui.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.kefu.ui.it.Replies.assertProblem;
import static io.kefu.ui.it.Replies.created;
import static io.kefu.ui.it.Replies.fieldErrors;
import static io.kefu.ui.it.Replies.ok;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

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
 * Queues and saved filters on the real server (the platform side of the queue page): counts
 * per queue for the caller, saved filters per user or shared with a team with who may see and
 * change them, and that neither ever shows another tenant's. Runs on H2 and on PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
class QueuesIT {

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
    void countsPerQueue_areTheCallersAndTheirTenantsOnly() {
        Tenant a = TestTenants.provision(api, "qu-a");
        Tenant b = TestTenants.provision(api, "qu-b");
        Credentials li = TestTenants.user(api, a, "li", "AGENT");
        Credentials wang = TestTenants.user(api, a, "wang", "AGENT");
        created(api.post("/api/v1/teams", a.admin(), "{\"code\":\"after-sales\",\"name\":\"售后组\"}"));
        assertEquals(201, api.put("/api/v1/teams/after-sales/members/li", a.admin(), null).status());

        String mine = create(a, "{\"kind\":\"SERVICE_REQUEST\",\"subject\":\"快递延误\",\"team\":\"after-sales\"}");
        move(a, mine, "{\"to\":\"ASSIGNED\",\"assignee\":\"li\"}");
        String pending = create(a, "{\"kind\":\"SERVICE_REQUEST\",\"subject\":\"等客户补充地址\"}");
        move(a, pending, "{\"to\":\"ASSIGNED\",\"assignee\":\"li\"}");
        move(a, pending, "{\"to\":\"IN_PROGRESS\"}");
        move(a, pending, "{\"to\":\"PENDING_CUSTOMER\",\"reason\":\"地址不全\"}");
        create(a, "{\"kind\":\"COMPLAINT\",\"subject\":\"投诉：包裹破损\"}");
        String cancelled = create(a, "{\"kind\":\"INQUIRY\",\"subject\":\"已撤销\"}");
        move(a, cancelled, "{\"to\":\"CANCELLED\",\"reason\":\"重复\"}");
        // Another tenant, with more of everything: none of it may show in a's counts.
        for (int i = 0; i < 3; i++) {
            create(b, "{\"kind\":\"COMPLAINT\",\"subject\":\"B 的投诉 " + i + "\"}");
        }

        Map<String, Long> liCounts = counts(li);
        assertEquals(2L, liCounts.get("mine"), liCounts::toString);
        assertEquals(1L, liCounts.get("team"), liCounts::toString);
        assertEquals(1L, liCounts.get("unassigned"), "the complaint; the cancelled ticket is not open work");
        assertEquals(1L, liCounts.get("complaints"));
        assertEquals(1L, liCounts.get("pending-customer"));
        assertEquals(0L, liCounts.get("at-risk"), "a general tenant has no service standards");
        assertEquals(0L, liCounts.get("breached"));
        assertEquals(List.of("mine", "team", "unassigned", "at-risk", "breached", "complaints", "pending-customer"),
                List.copyOf(liCounts.keySet()), "in the workspace's order");

        Map<String, Long> wangCounts = counts(wang);
        assertEquals(0L, wangCounts.get("mine"), "mine is the caller's");
        assertEquals(0L, wangCounts.get("team"), "wang is in no team");
        assertEquals(1L, wangCounts.get("complaints"));

        Map<String, Long> bCounts = counts(b.admin());
        assertEquals(3L, bCounts.get("complaints"));
        assertEquals(3L, bCounts.get("unassigned"));
        assertEquals(0L, bCounts.get("pending-customer"));

        assertEquals(401, api.get("/api/v1/queues", null).status());
    }

    @Test
    void savedFilters_personalOrSharedWithATeam_seenAndChangedByTheRightPeople() {
        Tenant a = TestTenants.provision(api, "sf-a");
        Credentials li = TestTenants.user(api, a, "li", "AGENT");
        Credentials wang = TestTenants.user(api, a, "wang", "AGENT");
        Credentials sup = TestTenants.user(api, a, "sup", "SUPERVISOR");
        created(api.post("/api/v1/teams", a.admin(), "{\"code\":\"after-sales\",\"name\":\"售后组\"}"));
        assertEquals(201, api.put("/api/v1/teams/after-sales/members/li", a.admin(), null).status());
        assertEquals(201, api.put("/api/v1/teams/after-sales/members/sup", a.admin(), null).status());

        Reply personal = api.post("/api/v1/saved-filters", li,
                "{\"name\":\"我的紧急件\",\"filter\":{\"status\":[\"IN_PROGRESS\",\"NEW\"],\"priority\":\"URGENT\",\"assignee\":\"me\"}}");
        JsonObject mine = created(personal);
        assertTrue(personal.header("Location").orElse("").endsWith("/api/v1/saved-filters/" + mine.getString("id")), personal::toString);
        assertEquals("li", mine.getString("owner"));
        assertTrue(mine.isNull("team"));
        assertEquals("{\"status\":[\"NEW\",\"IN_PROGRESS\"],\"priority\":\"URGENT\",\"assignee\":\"me\",\"q\":null}",
                mine.getJsonObject("filter").toString(), "in lifecycle order, every member present");
        assertTrue(mine.getBoolean("mayChange"));

        JsonObject shared = created(api.post("/api/v1/saved-filters", li,
                "{\"name\":\"售后待办\",\"team\":\"after-sales\",\"filter\":{\"q\":\"快递\"}}"));
        assertEquals("售后组", shared.getString("teamName"));

        assertEquals(List.of("我的紧急件", "售后待办"), names(li), "own first, then shared");
        assertEquals(List.of("售后待办"), names(sup), "a team member sees the team's; never another's own");
        assertEquals(List.of(), names(wang), "not in the team");
        assertProblem(api.get("/api/v1/saved-filters/" + mine.getString("id"), sup), 404, "saved-filter.not-found");

        // Sharing with a team one is not in: refused at the field, for agents.
        Reply notMember = api.post("/api/v1/saved-filters", wang, "{\"name\":\"x\",\"team\":\"after-sales\"}");
        assertEquals(Map.of("team", "saved-filter.team.not-member"), fieldErrors(notMember));
        Reply invalid = api.post("/api/v1/saved-filters", li, "{\"name\":\" \",\"filter\":{\"status\":[\"OPEN\"],\"priority\":\"ASAP\"}}");
        assertEquals(Map.of("status", "field.value.unknown", "priority", "field.value.unknown"), fieldErrors(invalid),
                "the filter is judged first, all at once");
        assertEquals(Map.of("name", "field.required"), fieldErrors(api.post("/api/v1/saved-filters", li, "{\"name\":\" \"}")));
        assertProblem(api.post("/api/v1/saved-filters", li, "{\"name\":\"我的紧急件\"}"), 409, "saved-filter.name.taken");

        // The maker renames; a supervisor of the team renames the shared one; another agent may not.
        assertEquals("紧急", ok(api.send("PATCH", "/api/v1/saved-filters/" + mine.getString("id"), li, "{\"name\":\"紧急\"}"))
                .string("name"));
        JsonObject bySup = ok(api.send("PATCH", "/api/v1/saved-filters/" + shared.getString("id"), sup, "{\"name\":\"售后待办（主管）\"}")).json();
        assertEquals("售后待办（主管）", bySup.getString("name"));
        assertEquals("li", bySup.getString("owner"), "still li's");
        Credentials zhou = TestTenants.user(api, a, "zhou", "AGENT");
        assertEquals(201, api.put("/api/v1/teams/after-sales/members/zhou", a.admin(), null).status());
        JsonObject seenByZhou = ok(api.get("/api/v1/saved-filters/" + shared.getString("id"), zhou)).json();
        assertFalse(seenByZhou.getBoolean("mayChange"));
        assertProblem(api.delete("/api/v1/saved-filters/" + shared.getString("id"), zhou), 403, "saved-filter.forbidden");

        assertEquals(204, api.delete("/api/v1/saved-filters/" + shared.getString("id"), sup).status());
        assertEquals(List.of("紧急"), names(li));
        assertEquals(204, api.delete("/api/v1/saved-filters/" + mine.getString("id"), li).status());
        assertProblem(api.get("/api/v1/saved-filters/" + mine.getString("id"), li), 404, "saved-filter.not-found");
    }

    @Test
    void anotherTenantsSavedFilters_areNeverSeenNorReached() {
        Tenant a = TestTenants.provision(api, "sfi-a");
        Tenant b = TestTenants.provision(api, "sfi-b");
        // Same user name in both tenants: the owner column alone must not join them.
        Credentials liA = TestTenants.user(api, a, "li", "AGENT");
        Credentials liB = TestTenants.user(api, b, "li", "AGENT");
        JsonObject inA = created(api.post("/api/v1/saved-filters", liA, "{\"name\":\"A 的筛选\"}"));

        assertEquals(List.of(), names(liB));
        assertEquals(List.of(), names(b.admin()));
        String path = "/api/v1/saved-filters/" + inA.getString("id");
        assertProblem(api.get(path, liB), 404, "saved-filter.not-found");
        assertProblem(api.send("PATCH", path, liB, "{\"name\":\"taken over\"}"), 404, "saved-filter.not-found");
        assertProblem(api.delete(path, b.admin()), 404, "saved-filter.not-found");
        assertEquals(List.of("A 的筛选"), names(liA), "untouched");
    }

    private static Map<String, Long> counts(Credentials who) {
        Map<String, Long> m = new LinkedHashMap<>();
        ok(api.get("/api/v1/queues", who)).json().getJsonArray("items").forEach(x ->
                m.put(x.asJsonObject().getString("id"), x.asJsonObject().getJsonNumber("count").longValue()));
        return m;
    }

    private static List<String> names(Credentials who) {
        return ok(api.get("/api/v1/saved-filters", who)).json().getJsonArray("items").stream()
                .map(x -> x.asJsonObject().getString("name")).toList();
    }

    private static String create(Tenant t, String json) {
        return created(api.post("/api/v1/tickets", t.admin(), json)).getString("number");
    }

    private static void move(Tenant t, String number, String json) {
        ok(api.post("/api/v1/tickets/" + number + "/transitions", t.admin(), json));
    }




}
