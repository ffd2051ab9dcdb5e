package io.kefu.ui.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.kefu.ui.it.Replies.assertProblem;
import static io.kefu.ui.it.Replies.created;
import static io.kefu.ui.it.Replies.fieldErrors;
import static io.kefu.ui.it.Replies.ok;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

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
 * Service standards on the real server: rules and calendars over REST (import/export all or
 * nothing), the ticket's {@code sla} member, pausing while the customer is awaited, a rule
 * change recomputing open tickets, a breach firing exactly once with its actions (the sweep runs
 * every second here, see arquillian.xml), and tenants never seeing each other's standards.
 * Runs on H2 and on PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
class ServiceStandardsIT {

    private static Api api;

    static final String OFFICE = """
            {"name": {"zh-CN": "工作日", "en": "Office"}, "zone": "Asia/Shanghai",
             "week": {"MONDAY": [["09:00","12:00"],["13:00","18:00"]], "TUESDAY": [["09:00","12:00"],["13:00","18:00"]],
                      "WEDNESDAY": [["09:00","12:00"],["13:00","18:00"]], "THURSDAY": [["09:00","12:00"],["13:00","18:00"]],
                      "FRIDAY": [["09:00","12:00"],["13:00","18:00"]]},
             "nationalHolidays": "CN"}
            """;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.rootWar();
    }

    @BeforeAll
    static void serverReady() {
        api = Api.server().awaitReady(Duration.ofSeconds(90));
    }

    @Test
    void rulesAndCalendarsAreWrittenByAdminsReadByAllAndImportedWholeOrNotAtAll() {
        Tenant t = TestTenants.provision(api, "sla-rest");
        Credentials agent = TestTenants.user(api, t, "li", "AGENT");

        assertEquals(201, api.put("/api/v1/calendars/cn-office", t.admin(), OFFICE).status());
        // The hand-checked example: Wed 2026-09-30 17:00 to Thu 2026-10-08 12:00 holds 4 working hours (Oct 1-7 are holidays).
        JsonObject wt = ok(api.get("/api/v1/calendars/cn-office/working-time?from=2026-09-30T17:00:00%2B08:00&to=2026-10-08T12:00:00%2B08:00", agent)).json();
        assertEquals("PT4H", wt.getString("workingTime"));
        assertEquals(Map.of("from", "field.datetime.invalid", "to", "field.required"),
                fieldErrors(api.get("/api/v1/calendars/cn-office/working-time?from=yesterday", agent)));
        assertProblem(api.put("/api/v1/calendars/24x7", t.admin(), OFFICE), 400, "input.invalid");

        Reply created = api.put("/api/v1/service-standards/complaints", t.admin(), rule("Complaints", 10, "{\"kinds\":[\"COMPLAINT\"]}",
                "cn-office", true, "{\"firstResponse\":\"PT20M\",\"resolution\":\"P15D\"}", 75, "[{\"action\":\"NOTIFY\"}]"));
        assertEquals(201, created.status(), created::toString);
        assertEquals(1, created.json().getInt("version"));
        assertEquals("P15D", created.json().getJsonObject("targets").getString("resolution"));
        assertProblem(api.put("/api/v1/service-standards/x", agent, rule("X", 1, "{}", "24x7", false, "{\"resolution\":\"PT1H\"}", null, "[]")),
                403, "auth.forbidden");

        Reply replaced = api.put("/api/v1/service-standards/complaints", t.admin(), rule("Complaints", 10, "{\"kinds\":[\"COMPLAINT\"]}",
                "cn-office", true, "{\"firstResponse\":\"PT30M\",\"resolution\":\"P15D\"}", 75, "[{\"action\":\"NOTIFY\"}]"));
        assertEquals(200, replaced.status(), replaced::toString);
        assertEquals(2, replaced.json().getInt("version"), "a replacement is a new version");
        assertEquals(201, api.put("/api/v1/service-standards/everything", t.admin(),
                rule("Everything", 20, "{}", "24x7", false, "{\"resolution\":\"PT72H\"}", null, "[]")).status());
        assertEquals(List.of("complaints", "everything"), codes(ok(api.get("/api/v1/service-standards", agent)).json()));
        assertEquals(List.of("everything", "complaints"),
                codes(ok(api.put("/api/v1/service-standards/order", t.admin(), "{\"codes\":[\"everything\",\"complaints\"]}")).json()));
        assertEquals(Map.of("codes", "sla.reorder.mismatch"),
                fieldErrors(api.put("/api/v1/service-standards/order", t.admin(), "{\"codes\":[\"everything\"]}")));

        Reply bad = api.put("/api/v1/service-standards/broken", t.admin(), rule("Broken", 1, "{\"kinds\":[\"PARCEL\"]}", "nope", true,
                "{\"resolution\":\"3 days\"}", 150, "[{\"action\":\"REASSIGN\"}]"));
        assertEquals(Map.of("match.kinds[0]", "field.value.unknown", "calendar", "sla.calendar.unknown", "targets.resolution", "sla.duration.invalid",
                "warnAtPercent", "field.out-of-range", "onBreach[0].team", "sla.team.required"), fieldErrors(bad));

        String exported = ok(api.get("/api/v1/service-standards/export", agent)).body();
        JsonObject doc = api.get("/api/v1/service-standards/export", agent).json();
        assertEquals(1, doc.getInt("formatVersion"));
        assertEquals(1, doc.getJsonArray("calendars").size());
        assertEquals(2, doc.getJsonArray("standards").size());

        // A document with one bad member changes nothing, and names the member by its path.
        String broken = exported.replace("\"PT72H\"", "\"PT72X\"").replace("\"Asia/Shanghai\"", "\"Asia/Nowhere\"");
        Reply refused = api.post("/api/v1/service-standards/import", t.admin(), broken);
        // The broken calendar is not usable, so the rule counting in it is refused too.
        assertEquals(Map.of("calendars[0].zone", "sla.zone.invalid", "standards[0].targets.resolution", "sla.duration.invalid",
                "standards[1].calendar", "sla.calendar.unknown"), fieldErrors(refused));
        assertEquals(exported, ok(api.get("/api/v1/service-standards/export", agent)).body(), "nothing changed");

        // Import of what was exported keeps the rules (and their versions, since nothing changed).
        JsonObject imported = ok(api.post("/api/v1/service-standards/import", t.admin(), exported)).json();
        // Versions: everything 1, moved by the reorder 2; complaints 1, replaced 2, moved 3. Unchanged by the import.
        assertEquals(List.of(2, 3), imported.getJsonArray("standards").stream().map(x -> x.asJsonObject().getInt("version")).toList());
        assertEquals(exported, ok(api.get("/api/v1/service-standards/export", agent)).body());

        assertProblem(api.send("DELETE", "/api/v1/calendars/cn-office", t.admin(), null), 409, "sla.calendar.in-use");
        assertEquals(204, api.send("DELETE", "/api/v1/service-standards/complaints", t.admin(), null).status());
        assertProblem(api.get("/api/v1/service-standards/complaints", agent), 404, "sla.standard.not-found");
        assertEquals(204, api.send("DELETE", "/api/v1/calendars/cn-office", t.admin(), null).status());
    }

    @Test
    void aTicketCarriesItsStandardAndPausesWhileTheCustomerIsAwaited() {
        Tenant t = TestTenants.provision(api, "sla-tkt");
        TestTenants.user(api, t, "li", "AGENT");
        JsonObject none = created(api.post("/api/v1/tickets", t.admin(), "{\"kind\":\"INQUIRY\",\"subject\":\"无规则\"}"));
        assertTrue(none.isNull("sla"), "a tenant without rules gets no clock: " + none);

        assertEquals(201, api.put("/api/v1/service-standards/requests", t.admin(), rule("服务请求", 10, "{\"kinds\":[\"SERVICE_REQUEST\"]}",
                "24x7", false, "{\"firstResponse\":\"PT1H\",\"resolution\":\"PT8H\"}", 75, "[]")).status());
        JsonObject ticket = created(api.post("/api/v1/tickets", t.admin(), "{\"kind\":\"SERVICE_REQUEST\",\"subject\":\"安装宽带\"}"));
        String n = ticket.getString("number");
        JsonObject sla = ticket.getJsonObject("sla");
        assertEquals("requests", sla.getString("ruleCode"));
        assertEquals("Service requests", sla.getString("ruleName"));
        assertEquals("服务请求", api.get("/api/v1/tickets/" + n, t.admin(), "Accept-Language", "zh-CN").json().getJsonObject("sla").getString("ruleName"));
        assertEquals(1, sla.getInt("ruleVersion"));
        Instant createdAt = Instant.parse(ticket.getString("createdAt").replace("+00:00", "Z"));
        assertAbout(createdAt.plus(Duration.ofHours(1)), Instant.parse(sla.getString("firstResponseDueAt")));
        Instant resolutionDue = Instant.parse(sla.getString("resolutionDueAt"));
        assertAbout(createdAt.plus(Duration.ofHours(8)), resolutionDue);
        assertTrue(sla.isNull("nextResponseDueAt"));
        assertEquals("ON_TRACK", sla.getString("risk"));
        assertFalse(sla.getBoolean("paused"));
        assertTrue(created(api.post("/api/v1/tickets", t.admin(), "{\"kind\":\"INQUIRY\",\"subject\":\"不匹配\"}")).isNull("sla"));

        assertEquals(201, api.post("/api/v1/tickets/" + n + "/comments", t.admin(), "{\"body\":\"您好，已收到\"}").status());
        JsonObject afterReply = ok(api.get("/api/v1/tickets/" + n, t.admin())).json().getJsonObject("sla");
        assertTrue(afterReply.getJsonObject("targets").getJsonObject("firstResponse").getBoolean("met"), afterReply::toString);
        assertEquals("MET", afterReply.getJsonObject("targets").getJsonObject("firstResponse").getString("risk"));

        move(t, n, "{\"to\":\"ASSIGNED\",\"assignee\":\"li\"}");
        move(t, n, "{\"to\":\"IN_PROGRESS\"}");
        JsonObject pending = move(t, n, "{\"to\":\"PENDING_CUSTOMER\",\"reason\":\"等待客户提供地址\"}").getJsonObject("sla");
        assertTrue(pending.getBoolean("paused"), pending::toString);
        assertEquals("PAUSED", pending.getJsonObject("targets").getJsonObject("resolution").getString("state"));
        sleep(Duration.ofMillis(2_500));
        JsonObject resumed = move(t, n, "{\"to\":\"IN_PROGRESS\"}").getJsonObject("sla");
        assertFalse(resumed.getBoolean("paused"));
        Duration paused = Duration.parse(resumed.getJsonObject("targets").getJsonObject("resolution").getString("pausedTime"));
        assertTrue(paused.compareTo(Duration.ofSeconds(2)) >= 0, "paused " + paused);
        assertEquals(resolutionDue.plus(paused), Instant.parse(resumed.getString("resolutionDueAt")),
                "resuming moves the due time by the paused time");

        JsonObject resolved = move(t, n, "{\"to\":\"RESOLVED\",\"resolution\":\"已开通\"}").getJsonObject("sla");
        assertEquals("MET", resolved.getString("risk"));
        assertTrue(resolved.getJsonObject("targets").getJsonObject("resolution").getBoolean("met"));
        List<String> changes = slaEvents(t, n);
        assertEquals(List.of("STARTED", "STOPPED", "STATUS_PENDING_CUSTOMER", "STATUS_IN_PROGRESS", "STATUS_RESOLVED"), changes);
    }

    @Test
    void aRuleChangeOrAPriorityChangeRecomputesOpenTicketsWithHistory() {
        Tenant t = TestTenants.provision(api, "sla-chg");
        assertEquals(201, api.put("/api/v1/service-standards/normal", t.admin(), rule("Normal", 20, "{}", "24x7", false,
                "{\"resolution\":\"PT8H\"}", null, "[]")).status());
        JsonObject a = created(api.post("/api/v1/tickets", t.admin(), "{\"kind\":\"FAULT\",\"subject\":\"断网\"}"));
        JsonObject b = created(api.post("/api/v1/tickets", t.admin(), "{\"kind\":\"FAULT\",\"subject\":\"网速慢\"}"));
        Instant aCreated = Instant.parse(a.getJsonObject("sla").getString("resolutionDueAt")).minus(Duration.ofHours(8));

        assertEquals(200, api.put("/api/v1/service-standards/normal", t.admin(), rule("Normal", 20, "{}", "24x7", false,
                "{\"resolution\":\"PT2H\"}", null, "[]")).status());
        for (JsonObject x : List.of(a, b)) {
            JsonObject sla = ok(api.get("/api/v1/tickets/" + x.getString("number"), t.admin())).json().getJsonObject("sla");
            assertEquals(2, sla.getInt("ruleVersion"), sla::toString);
        }
        JsonObject slaA = ok(api.get("/api/v1/tickets/" + a.getString("number"), t.admin())).json().getJsonObject("sla");
        assertEquals(aCreated.plus(Duration.ofHours(2)), Instant.parse(slaA.getString("resolutionDueAt")), "recomputed from the start");

        assertEquals(201, api.put("/api/v1/service-standards/urgent", t.admin(), rule("Urgent", 10, "{\"priorities\":[\"URGENT\"]}", "24x7", false,
                "{\"resolution\":\"PT30M\"}", null, "[]")).status());
        JsonObject patched = ok(api.send("PATCH", "/api/v1/tickets/" + a.getString("number"), t.admin(),
                "{\"version\":" + ok(api.get("/api/v1/tickets/" + a.getString("number"), t.admin())).json().getInt("version") + ",\"priority\":\"URGENT\"}")).json();
        assertEquals("urgent", patched.getJsonObject("sla").getString("ruleCode"));
        assertEquals(aCreated.plus(Duration.ofMinutes(30)), Instant.parse(patched.getJsonObject("sla").getString("resolutionDueAt")));
        assertEquals(List.of("STARTED", "RECOMPUTED", "RECOMPUTED"), slaEvents(t, a.getString("number")), "the history stays on the timeline");
    }

    @Test
    void aBreachFiresExactlyOnceWithItsActions() throws Exception {
        Tenant t = TestTenants.provision(api, "sla-brc");
        Credentials agent = TestTenants.user(api, t, "li", "AGENT");
        Credentials sup = TestTenants.user(api, t, "boss", "SUPERVISOR");
        TestTenants.user(api, t, "wang", "AGENT");
        assertEquals(201, api.post("/api/v1/teams", t.admin(), "{\"code\":\"escalations\",\"name\":\"升级组\",\"strategy\":\"ROUND_ROBIN\"}").status());
        assertEquals(201, api.put("/api/v1/teams/escalations/members/wang", t.admin(), null).status());
        assertEquals(201, api.put("/api/v1/service-standards/tight", t.admin(), rule("Tight", 10, "{\"kinds\":[\"COMPLAINT\"]}", "24x7", false,
                "{\"firstResponse\":\"PT4S\"}", 50,
                "[{\"action\":\"NOTIFY\"},{\"action\":\"RAISE_PRIORITY\"},{\"action\":\"MARK_ESCALATED\"},{\"action\":\"REASSIGN\",\"team\":\"escalations\"}]")).status());
        String n = created(api.post("/api/v1/tickets", t.admin(), "{\"kind\":\"COMPLAINT\",\"subject\":\"快递丢失\",\"priority\":\"NORMAL\"}")).getString("number");
        move(t, n, "{\"to\":\"ASSIGNED\",\"assignee\":\"li\"}");

        JsonObject breached = await(t, n, sla -> sla.getBoolean("breached"), Duration.ofSeconds(60));
        assertTrue(breached.getBoolean("warned"), breached::toString);
        assertEquals("BREACHED", breached.getString("risk"));
        sleep(Duration.ofSeconds(4)); // a few more sweeps: none may fire again
        JsonObject ticket = ok(api.get("/api/v1/tickets/" + n, t.admin())).json();
        assertEquals("HIGH", ticket.getString("priority"), "raised one step, once");
        assertEquals(List.of("escalated"), ticket.getJsonArray("tags").getValuesAs(jakarta.json.JsonString.class).stream().map(s -> s.getString()).toList());
        assertEquals("wang", ticket.getString("assignee"), "reassigned to the escalation team");
        assertEquals(List.of("STARTED", "WARNED", "BREACHED"), slaEvents(t, n));
        assertEquals(Map.of("sla.warning", 1L, "sla.breach", 1L), notifications(agent, n));
        assertEquals(Map.of("sla.warning", 1L, "sla.breach", 1L), notifications(sup, n));

        List<String> breachedList = ok(api.get("/api/v1/tickets?sla=breached", t.admin())).json().getJsonArray("items").stream()
                .map(x -> x.asJsonObject().getString("number")).toList();
        assertEquals(List.of(n), breachedList);
        assertTrue(ok(api.get("/api/v1/tickets?sla=at-risk", t.admin())).json().getJsonArray("items").isEmpty());
        assertEquals(Map.of("sla", "field.value.unknown"), fieldErrors(api.get("/api/v1/tickets?sla=late", t.admin())));

        JsonObject compliance = ok(api.get("/api/v1/service-standards/compliance?by=rule", sup)).json();
        assertEquals(1, compliance.getJsonArray("items").size(), compliance::toString);
        assertEquals(1, compliance.getJsonArray("items").getJsonObject(0).getInt("breached"));
    }

    @Test
    void anotherTenantsStandardsAreOutOfReach() {
        Tenant a = TestTenants.provision(api, "sla-iso-a");
        Tenant b = TestTenants.provision(api, "sla-iso-b");
        assertEquals(201, api.put("/api/v1/calendars/secret-hours", a.admin(), OFFICE).status());
        assertEquals(201, api.put("/api/v1/service-standards/secret", a.admin(), rule("Secret", 1, "{}", "secret-hours", true,
                "{\"resolution\":\"P2D\"}", null, "[]")).status());
        assertProblem(api.get("/api/v1/service-standards/secret", b.admin()), 404, "sla.standard.not-found");
        assertProblem(api.get("/api/v1/calendars/secret-hours", b.admin()), 404, "sla.calendar.not-found");
        assertProblem(api.get("/api/v1/calendars/secret-hours/working-time?from=2026-01-01&to=2026-01-02", b.admin()), 404, "sla.calendar.not-found");
        assertProblem(api.send("DELETE", "/api/v1/service-standards/secret", b.admin(), null), 404, "sla.standard.not-found");
        assertEquals(Map.of("calendar", "sla.calendar.unknown"), fieldErrors(api.put("/api/v1/service-standards/mine", b.admin(),
                rule("Mine", 1, "{}", "secret-hours", true, "{\"resolution\":\"P2D\"}", null, "[]"))));
        assertTrue(ok(api.get("/api/v1/service-standards", b.admin())).json().getJsonArray("items").isEmpty());
        assertTrue(created(api.post("/api/v1/tickets", b.admin(), "{\"kind\":\"INQUIRY\",\"subject\":\"B 的工单\"}")).isNull("sla"));
        assertFalse(created(api.post("/api/v1/tickets", a.admin(), "{\"kind\":\"INQUIRY\",\"subject\":\"A 的工单\"}")).isNull("sla"));
    }

    // ---- helpers ----

    /** Equal to the microsecond: the database keeps microseconds (rounding them on H2, truncating on PostgreSQL). */
    private static void assertAbout(Instant expected, Instant actual) {
        assertTrue(Duration.between(expected, actual).abs().compareTo(Duration.ofNanos(1_000)) <= 0, () -> expected + " vs " + actual);
    }

    static String rule(String en, int order, String match, String calendar, boolean business, String targets, Integer warn, String onBreach) {
        String zh = en.chars().allMatch(c -> c < 128) ? en + "（中文）" : en;
        String enName = en.chars().allMatch(c -> c < 128) ? en : "Service requests";
        return "{\"name\":{\"zh-CN\":\"" + zh + "\",\"en\":\"" + enName + "\"},\"order\":" + order + ",\"match\":" + match
                + ",\"calendar\":\"" + calendar + "\",\"businessTime\":" + business + ",\"targets\":" + targets
                + ",\"pauseStatuses\":[],\"warnAtPercent\":" + warn + ",\"onBreach\":" + onBreach + "}";
    }

    private static JsonObject await(Tenant t, String number, Predicate<JsonObject> done, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        JsonObject sla = null;
        while (Instant.now().isBefore(end)) {
            sla = ok(api.get("/api/v1/tickets/" + number, t.admin())).json().getJsonObject("sla");
            if (done.test(sla)) {
                return sla;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not reached within " + timeout + ": " + sla);
    }

    private static Map<String, Long> notifications(Credentials who, String number) {
        Map<String, Long> m = new LinkedHashMap<>();
        ok(api.get("/api/v1/notifications", who)).json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(x -> x.getString("ticket").equals(number)).forEach(x -> m.merge(x.getString("kind"), 1L, Long::sum));
        return m;
    }

    private static List<String> slaEvents(Tenant t, String number) {
        return ok(api.get("/api/v1/tickets/" + number + "/timeline", t.admin())).json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(e -> e.getString("type").equals("SLA"))
                .map(e -> e.getJsonObject("data").getString("change")).toList();
    }

    private static List<String> codes(JsonObject list) {
        return list.getJsonArray("items").stream().map(x -> x.asJsonObject().getString("code")).toList();
    }

    private static JsonObject move(Tenant t, String number, String json) {
        return ok(api.post("/api/v1/tickets/" + number + "/transitions", t.admin(), json)).json();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }




}
