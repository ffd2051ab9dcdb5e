package io.kefu.ui.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.kefu.ui.it.Replies.assertProblem;
import static io.kefu.ui.it.Replies.ok;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.Json;
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
 * Tickets over REST on the real server: whole lifecycles, refusals, optimistic locking under
 * concurrency, idempotent creates, paging, and that no endpoint reaches another tenant's
 * tickets. Runs on H2 and on PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
class TicketsIT {

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
    void aServiceRequestRunsFromCreationToArchive() {
        Tenant t = TestTenants.provision(api, "tk-life");
        Credentials agent = user(t, "li", "AGENT");
        JsonObject created = create(t.admin(), "{\"kind\":\"SERVICE_REQUEST\",\"subject\":\"宽带移机\",\"priority\":\"HIGH\",\"tags\":[\"move\"]}");
        String n = created.getString("number");
        assertTrue(n.matches("KF-\\d{4}-\\d{6}"), n);
        assertEquals("NEW", created.getString("status"));
        assertEquals("API", created.getString("channel"));

        move(t.admin(), n, "{\"to\":\"ASSIGNED\",\"assignee\":\"li\"}", "ASSIGNED");
        move(agent, n, "{\"to\":\"IN_PROGRESS\"}", "IN_PROGRESS");
        assertEquals(201, api.post(path(n, "/comments"), agent, "{\"body\":\"请提供新地址\"}").status());
        move(agent, n, "{\"to\":\"PENDING_CUSTOMER\",\"reason\":\"等待新地址\"}", "PENDING_CUSTOMER");
        assertEquals(201, api.post(path(n, "/comments"), agent, "{\"body\":\"新地址：幸福路 8 号\",\"byCustomer\":true}").status());
        move(agent, n, "{\"to\":\"IN_PROGRESS\",\"byCustomer\":true}", "IN_PROGRESS");
        JsonObject resolved = move(agent, n, "{\"to\":\"RESOLVED\",\"resolution\":\"已完成移机\"}", "RESOLVED");
        assertEquals("已完成移机", resolved.getString("resolution"));
        assertFalse(resolved.isNull("firstResponseAt"), "the first public reply is the first response");
        move(agent, n, "{\"to\":\"CLOSED\",\"byCustomer\":true}", "CLOSED");
        move(t.admin(), n, "{\"to\":\"ARCHIVED\"}", "ARCHIVED");

        JsonObject timeline = ok(api.get(path(n, "/timeline"), agent)).json();
        List<String> types = timeline.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("type")).toList();
        assertEquals(List.of("CREATED", "STATUS_CHANGE", "ASSIGNMENT", "STATUS_CHANGE", "REPLY", "STATUS_CHANGE", "CUSTOMER_MESSAGE",
                "STATUS_CHANGE", "STATUS_CHANGE", "STATUS_CHANGE", "STATUS_CHANGE"), types);
        JsonObject publicOnly = ok(api.get(path(n, "/timeline?internal=false"), agent)).json();
        assertTrue(publicOnly.getJsonArray("items").stream().noneMatch(v -> v.asJsonObject().getString("type").equals("ASSIGNMENT")));

        Reply archived = api.send("PATCH", path(n, ""), t.admin(), "{\"version\":" + version(t, n) + ",\"subject\":\"x\"}");
        assertProblem(archived, 409, "ticket.read-only");
    }

    /** The promise: every kind runs from creation to archive over the API. */
    @Test
    void everyKindRunsFromCreationToArchive() {
        Tenant t = TestTenants.provision(api, "tk-kinds");
        for (String kind : List.of("INQUIRY", "SERVICE_REQUEST", "FAULT", "COMPLAINT", "SUGGESTION")) {
            String complaint = kind.equals("COMPLAINT") ? ",\"complaint\":{\"rootCause\":\"delay\"}" : "";
            String n = create(t.admin(), "{\"kind\":\"" + kind + "\",\"subject\":\"" + kind + "\"" + complaint + "}").getString("number");
            move(t.admin(), n, "{\"to\":\"IN_PROGRESS\"}", "IN_PROGRESS");
            move(t.admin(), n, "{\"to\":\"RESOLVED\",\"resolution\":\"done\"}", "RESOLVED");
            if (kind.equals("COMPLAINT")) {
                assertEquals(201, api.post(path(n, "/customer-contacts"), t.admin(), "{\"summary\":\"回访满意\"}").status());
            }
            move(t.admin(), n, "{\"to\":\"CLOSED\",\"byCustomer\":true}", "CLOSED");
            assertEquals("ARCHIVED", move(t.admin(), n, "{\"to\":\"ARCHIVED\"}", "ARCHIVED").getString("status"), kind);
        }
    }

    @Test
    void aComplaintNeedsItsRootCauseAndACustomerContactBeforeClosing() {
        Tenant t = TestTenants.provision(api, "tk-cmp");
        String n = create(t.admin(), "{\"kind\":\"COMPLAINT\",\"subject\":\"快递员态度恶劣\",\"complaint\":{\"severity\":\"MAJOR\","
                + "\"escalationLevel\":2,\"compensation\":{\"amount\":\"50.00\",\"currency\":\"CNY\"}}}").getString("number");
        move(t.admin(), n, "{\"to\":\"IN_PROGRESS\"}", "IN_PROGRESS");
        assertProblem(api.post(path(n, "/transitions"), t.admin(), "{\"to\":\"RESOLVED\",\"resolution\":\"已道歉\"}"), 409,
                "ticket.complaint.root-cause-required");
        ok(api.send("PATCH", path(n, ""), t.admin(), "{\"version\":" + version(t, n) + ",\"complaint\":{\"severity\":\"MAJOR\","
                + "\"escalationLevel\":2,\"rootCause\":\"staff-attitude\",\"remedy\":\"道歉并赔付 50 元\","
                + "\"compensation\":{\"amount\":\"50.00\",\"currency\":\"CNY\"}}}"));
        move(t.admin(), n, "{\"to\":\"RESOLVED\",\"resolution\":\"已道歉并赔付\"}", "RESOLVED");
        assertProblem(api.post(path(n, "/transitions"), t.admin(), "{\"to\":\"CLOSED\"}"), 409, "ticket.complaint.contact-required");
        assertEquals(201, api.post(path(n, "/customer-contacts"), t.admin(), "{\"summary\":\"电话回访，客户接受\"}").status());
        JsonObject closed = move(t.admin(), n, "{\"to\":\"CLOSED\"}", "CLOSED");
        assertEquals("staff-attitude", closed.getJsonObject("complaint").getString("rootCause"));
        assertEquals(50.0, closed.getJsonObject("complaint").getJsonObject("compensation").getJsonNumber("amount").doubleValue());
    }

    @Test
    void illegalMovesAndMissingInputAreRefusedClearly() {
        Tenant t = TestTenants.provision(api, "tk-ill");
        String n = create(t.admin(), "{\"kind\":\"INQUIRY\",\"subject\":\"营业时间？\"}").getString("number");
        Reply illegal = api.post(path(n, "/transitions"), t.admin(), "{\"to\":\"CLOSED\"}", "Accept-Language", "zh-CN");
        assertProblem(illegal, 409, "ticket.transition.illegal");
        assertTrue(illegal.string("detail").contains("NEW") && illegal.string("detail").contains("CLOSED"), illegal::toString);
        Reply noReason = api.post(path(n, "/transitions"), t.admin(), "{\"to\":\"CANCELLED\"}");
        assertProblem(noReason, 400, "input.invalid");
        assertEquals("reason", noReason.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Reply bad = api.post("/api/v1/tickets", t.admin(), "{\"kind\":\"PRAISE\",\"subject\":\"\",\"priority\":\"ASAP\"}");
        assertProblem(bad, 400, "input.invalid");
        Set<String> fields = new HashSet<>();
        bad.json().getJsonArray("errors").forEach(e -> fields.add(e.asJsonObject().getString("field")));
        assertEquals(Set.of("kind", "subject", "priority"), fields);
        assertProblem(api.post(path(n, "/transitions"), t.admin(), "{\"to\":\"ASSIGNED\",\"assignee\":\"nobody\"}"), 400, "input.invalid");
    }

    @Test
    void aTeamAssignsItsTicketsByItsStrategy() {
        Tenant t = TestTenants.provision(api, "tk-team");
        user(t, "li", "AGENT");
        user(t, "zhao", "AGENT");
        assertEquals(201, api.post("/api/v1/teams", t.admin(), "{\"code\":\"lift\",\"name\":\"电梯组\",\"strategy\":\"ROUND_ROBIN\"}").status());
        assertEquals(201, api.post("/api/v1/teams", t.admin(), "{\"code\":\"desk\",\"name\":\"前台\",\"strategy\":\"MANUAL\"}").status());
        for (String u : List.of("li", "zhao")) {
            assertTrue(api.send("PUT", "/api/v1/teams/lift/members/" + u, t.admin(), null).status() < 300);
            assertTrue(api.send("PUT", "/api/v1/teams/desk/members/" + u, t.admin(), null).status() < 300);
        }
        List<String> assignees = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String n = create(t.admin(), "{\"kind\":\"FAULT\",\"subject\":\"电梯困人 " + i + "\",\"team\":\"lift\"}").getString("number");
            assignees.add(move(t.admin(), n, "{\"to\":\"ASSIGNED\"}", "ASSIGNED").getString("assignee"));
        }
        assertEquals(List.of("li", "zhao", "li"), assignees, "round-robin over the members in name order");
        assertEquals(3, ok(api.get("/api/v1/tickets?team=lift", t.admin())).json().getJsonArray("items").size(), "filter by team code");

        String n = create(t.admin(), "{\"kind\":\"INQUIRY\",\"subject\":\"停车费\"}").getString("number");
        Reply manual = api.post(path(n, "/transitions"), t.admin(), "{\"to\":\"ASSIGNED\",\"team\":\"desk\"}");
        assertProblem(manual, 400, "input.invalid");
        assertEquals("team.no-assignee", manual.json().getJsonArray("errors").getJsonObject(0).getString("code"));
        JsonObject viaTeam = move(t.admin(), n, "{\"to\":\"ASSIGNED\",\"team\":\"lift\"}", "ASSIGNED");
        assertEquals("zhao", viaTeam.getString("assignee"), "the rotation continues");
        assertFalse(viaTeam.isNull("team"), "naming a team makes it the ticket's team");
        assertProblem(api.post("/api/v1/tickets", t.admin(), "{\"kind\":\"FAULT\",\"subject\":\"x\",\"team\":\"nope\"}"), 400, "input.invalid");
    }

    @Test
    void anAgentCannotWorkAColleaguesTicket() {
        Tenant t = TestTenants.provision(api, "tk-own");
        user(t, "li", "AGENT");
        Credentials zhao = user(t, "zhao", "AGENT");
        String n = create(t.admin(), "{\"kind\":\"FAULT\",\"subject\":\"电梯异响\"}").getString("number");
        move(t.admin(), n, "{\"to\":\"ASSIGNED\",\"assignee\":\"li\"}", "ASSIGNED");
        assertProblem(api.post(path(n, "/transitions"), zhao, "{\"to\":\"IN_PROGRESS\"}"), 403, "ticket.transition.forbidden");
    }

    @Test
    void twoAgentsEditingTheSameVersionNeverOverwriteEachOther() throws Exception {
        Tenant t = TestTenants.provision(api, "tk-cc");
        String n = create(t.admin(), "{\"kind\":\"FAULT\",\"subject\":\"停电\"}").getString("number");
        long v = version(t, n);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (String priority : List.of("URGENT", "LOW")) {
                Callable<Reply> edit = () -> {
                    start.await();
                    return api.send("PATCH", path(n, ""), t.admin(), "{\"version\":" + v + ",\"priority\":\"" + priority + "\"}");
                };
                replies.add(pool.submit(edit));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Reply> f : replies) {
                Reply r = f.get();
                statuses.add(r.status());
                if (r.status() == 409) {
                    assertEquals("ticket.version.conflict", r.string("code"), r::toString);
                }
            }
            statuses.sort(Integer::compare);
            assertEquals(List.of(200, 409), statuses, "exactly one edit wins, the other is told");
        } finally {
            pool.shutdownNow();
        }
        JsonObject now = ok(api.get(path(n, ""), t.admin())).json();
        assertEquals(v + 1, now.getJsonNumber("version").longValue());
        assertProblem(api.send("PATCH", path(n, ""), t.admin(), "{\"version\":" + v + ",\"subject\":\"stale\"}"), 409, "ticket.version.conflict");
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyCreatesOnce() {
        Tenant t = TestTenants.provision(api, "tk-idem");
        String body = "{\"kind\":\"INQUIRY\",\"subject\":\"发票怎么开\"}";
        Reply first = api.post("/api/v1/tickets", t.admin(), body, "Idempotency-Key", "order-42");
        Reply retry = api.post("/api/v1/tickets", t.admin(), body, "Idempotency-Key", "order-42");
        assertEquals(201, first.status(), first::toString);
        assertEquals(200, retry.status(), retry::toString);
        assertEquals("true", retry.header("Idempotent-Replayed").orElse(""));
        assertEquals(first.string("number"), retry.string("number"));
        assertEquals(1, ok(api.get("/api/v1/tickets", t.admin())).json().getJsonArray("items").size());
        assertProblem(api.post("/api/v1/tickets", t.admin(), "{\"kind\":\"INQUIRY\",\"subject\":\"别的\"}", "Idempotency-Key", "order-42"),
                409, "idempotency.key.reused");
        assertEquals(201, api.post("/api/v1/tickets", t.admin(), body, "Idempotency-Key", "order-43").status());
    }

    @Test
    void listsFilterAndPageWithoutGapsOrRepeats() {
        Tenant t = TestTenants.provision(api, "tk-list");
        ok(api.put("/api/v1/settings/ticket.number.prefix", t.admin(), "{\"value\":\"SF\"}"));
        Set<String> all = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            String kind = i % 2 == 0 ? "FAULT" : "INQUIRY";
            all.add(create(t.admin(), "{\"kind\":\"" + kind + "\",\"subject\":\"Parcel " + i + " delayed\",\"tags\":[\"t" + (i % 3) + "\"]}")
                    .getString("number"));
        }
        assertTrue(all.stream().allMatch(n -> n.startsWith("SF-")), all::toString);
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonObject page = ok(api.get("/api/v1/tickets?limit=3" + (cursor == null ? "" : "&cursor=" + cursor), t.admin())).json();
            page.getJsonArray("items").forEach(v -> assertTrue(seen.add(v.asJsonObject().getString("number")), "repeated " + v));
            cursor = page.isNull("nextCursor") ? null : page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(all, seen);
        assertEquals(3, pages);
        assertEquals(4, ok(api.get("/api/v1/tickets?kind=FAULT", t.admin())).json().getJsonArray("items").size());
        assertEquals(3, ok(api.get("/api/v1/tickets?tag=t0", t.admin())).json().getJsonArray("items").size());
        assertEquals(1, ok(api.get("/api/v1/tickets?q=PARCEL%203", t.admin())).json().getJsonArray("items").size());
        assertEquals(7, ok(api.get("/api/v1/tickets?status=NEW&assignee=none", t.admin())).json().getJsonArray("items").size());
        assertProblem(api.get("/api/v1/tickets?status=OPEN&limit=0", t.admin()), 400, "input.invalid");
    }

    /** The IT server sweeps every 2 s (arquillian.xml); with 0 days a resolved ticket closes at the next sweep. */
    @Test
    void resolvedTicketsTheCustomerDoesNotConfirmCloseByThemselves() throws InterruptedException {
        Tenant t = TestTenants.provision(api, "tk-auto");
        ok(api.put("/api/v1/settings/ticket.auto-close.days", t.admin(), "{\"value\":\"0\"}"));
        String fault = create(t.admin(), "{\"kind\":\"FAULT\",\"subject\":\"路灯不亮\"}").getString("number");
        String complaint = create(t.admin(), "{\"kind\":\"COMPLAINT\",\"subject\":\"维修太慢\",\"complaint\":{\"rootCause\":\"slow-repair\"}}")
                .getString("number");
        for (String n : List.of(fault, complaint)) {
            move(t.admin(), n, "{\"to\":\"IN_PROGRESS\"}", "IN_PROGRESS");
            move(t.admin(), n, "{\"to\":\"RESOLVED\",\"resolution\":\"已修复\"}", "RESOLVED");
        }
        String status = "RESOLVED";
        for (int i = 0; i < 60 && status.equals("RESOLVED"); i++) {
            Thread.sleep(500);
            status = ok(api.get(path(fault, ""), t.admin())).json().getString("status");
        }
        assertEquals("CLOSED", status, "closed by the sweep");
        JsonObject last = lastEvent(t, fault);
        assertEquals("system", last.getString("actor"));
        assertTrue(last.getJsonObject("data").getString("reason").startsWith("auto-close"), last::toString);
        // A complaint without a recorded customer contact is never closed automatically.
        Thread.sleep(3000);
        assertEquals("RESOLVED", ok(api.get(path(complaint, ""), t.admin())).json().getString("status"));
    }

    private static JsonObject lastEvent(Tenant t, String number) {
        var items = ok(api.get(path(number, "/timeline"), t.admin())).json().getJsonArray("items");
        return items.getJsonObject(items.size() - 1);
    }

    /** Every ticket endpoint, called by tenant B with A's ticket number: not found, and nothing changes. */
    @Test
    void anotherTenantsTicketIsNotFoundOnAnyEndpoint() {
        Tenant a = TestTenants.provision(api, "tk-xa");
        Tenant b = TestTenants.provision(api, "tk-xb");
        // Numbers are per tenant: A's prefix makes sure its number does not also exist in B.
        ok(api.put("/api/v1/settings/ticket.number.prefix", a.admin(), "{\"value\":\"AX\"}"));
        JsonObject ticket = create(a.admin(), "{\"kind\":\"FAULT\",\"subject\":\"A secret fault\"}");
        String n = ticket.getString("number");
        create(b.admin(), "{\"kind\":\"FAULT\",\"subject\":\"B's own\"}");

        assertProblem(api.get(path(n, ""), b.admin()), 404, "ticket.not-found");
        assertProblem(api.send("PATCH", path(n, ""), b.admin(), "{\"version\":0,\"subject\":\"taken\"}"), 404, "ticket.not-found");
        assertProblem(api.post(path(n, "/transitions"), b.admin(), "{\"to\":\"CANCELLED\",\"reason\":\"x\"}"), 404, "ticket.not-found");
        assertProblem(api.post(path(n, "/comments"), b.admin(), "{\"body\":\"hi\"}"), 404, "ticket.not-found");
        assertProblem(api.post(path(n, "/customer-contacts"), b.admin(), "{\"summary\":\"hi\"}"), 404, "ticket.not-found");
        assertProblem(api.get(path(n, "/timeline"), b.admin()), 404, "ticket.not-found");
        JsonObject bList = ok(api.get("/api/v1/tickets?q=" + n, b.admin())).json();
        assertEquals(0, bList.getJsonArray("items").size(), "search by A's number finds nothing in B");
        assertTrue(ok(api.get("/api/v1/tickets", b.admin())).json().getJsonArray("items").stream()
                .noneMatch(v -> v.asJsonObject().getString("subject").contains("A secret")));
        assertEquals("[]", ok(api.get("/api/v1/audit?subjectType=ticket&subjectId=" + n, b.admin())).body().strip(),
                "B's audit log knows nothing of A's ticket");

        // A ticket cannot point to another tenant's customer either.
        Reply customer = api.post("/api/v1/customers", a.admin(), "{\"name\":\"A's customer\"}");
        assertEquals(201, customer.status(), customer::toString);
        Reply linked = api.post("/api/v1/tickets", b.admin(), "{\"kind\":\"FAULT\",\"subject\":\"x\",\"customer\":\"" + customer.string("id") + "\"}");
        assertProblem(linked, 400, "input.invalid");
        assertEquals("customer.not-found", linked.json().getJsonArray("errors").getJsonObject(0).getString("code"));

        JsonObject unchanged = ok(api.get(path(n, ""), a.admin())).json();
        assertEquals("A secret fault", unchanged.getString("subject"));
        assertEquals("NEW", unchanged.getString("status"));
        assertEquals(ticket.getJsonNumber("version"), unchanged.getJsonNumber("version"));
        assertNotEquals(0, ok(api.get(path(n, "/timeline"), a.admin())).json().getJsonArray("items").size());
    }

    private static String path(String number, String rest) {
        return "/api/v1/tickets/" + number + rest;
    }

    private static JsonObject create(Credentials who, String json) {
        Reply r = api.post("/api/v1/tickets", who, json);
        assertEquals(201, r.status(), r::toString);
        assertTrue(r.header("Location").orElse("").endsWith("/api/v1/tickets/" + r.string("number")), r::toString);
        return r.json();
    }

    private static JsonObject move(Credentials who, String number, String json, String expected) {
        JsonObject t = ok(api.post(path(number, "/transitions"), who, json)).json();
        assertEquals(expected, t.getString("status"));
        return t;
    }

    private static long version(Tenant t, String number) {
        return ok(api.get(path(number, ""), t.admin())).json().getJsonNumber("version").longValue();
    }

    private static Credentials user(Tenant t, String username, String role) {
        return TestTenants.user(api, t, username, role);
    }


}
