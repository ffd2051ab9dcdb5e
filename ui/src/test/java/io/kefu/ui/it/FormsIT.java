package io.kefu.ui.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.kefu.ui.it.Replies.assertProblem;
import static io.kefu.ui.it.Replies.created;
import static io.kefu.ui.it.Replies.fieldErrors;
import static io.kefu.ui.it.Replies.ok;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * The forms engine on the real server, on H2 and PostgreSQL: forms defined, versioned, imported
 * and exported; tickets validated against the forms that apply (every invalid field in one
 * problem), filtered and sorted by custom fields; old tickets readable after the form changes;
 * personal data masked with an audited reveal; and another tenant's forms out of reach.
 */
@ExtendWith(ArquillianExtension.class)
class FormsIT {

    private static Api api;

    /** Complaints about lost or late parcels (category express.lost / express.delay). */
    static final String PARCEL = """
            {"key": "express-parcel", "target": "TICKET", "kinds": ["COMPLAINT", "SERVICE_REQUEST"],
             "categories": ["express.lost", "express.delay"], "label": {"zh-CN": "快件信息", "en": "Parcel"},
             "fields": [
               {"key": "waybillNo", "type": "IDENTIFIER", "label": {"zh-CN": "运单号", "en": "Waybill number"}, "required": true,
                "pattern": "^[A-Z]{2}[0-9]{10,13}$", "example": "SF1234567890", "readOnlyFrom": "RESOLVED"},
               {"key": "weightKg", "type": "NUMBER", "label": {"zh-CN": "重量", "en": "Weight (kg)"}, "min": 0, "max": 100},
               {"key": "issue", "type": "SINGLE_CHOICE", "label": {"zh-CN": "问题", "en": "Issue"}, "default": "late",
                "options": [{"value": "late", "label": {"zh-CN": "延误", "en": "Late"}}, {"value": "lost", "label": {"zh-CN": "丢失", "en": "Lost"}}]},
               {"key": "lostOn", "type": "DATE", "label": {"zh-CN": "丢失日期", "en": "Lost on"}, "required": true,
                "visibleWhen": {"field": "issue", "equals": ["lost"]}},
               {"key": "claim", "type": "MONEY", "label": {"zh-CN": "索赔金额", "en": "Claim"}, "currency": "CNY", "max": 5000},
               {"key": "receiverPhone", "type": "PHONE", "label": {"zh-CN": "收件人电话", "en": "Receiver phone"},
                "personalData": true, "mask": "KEEP_FIRST_3_LAST_4"},
               {"key": "note", "type": "TEXT", "label": {"zh-CN": "备注", "en": "Note"}}
             ]}""";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.rootWar();
    }

    @BeforeAll
    static void serverReady() {
        api = Api.server().awaitReady(Duration.ofSeconds(90));
    }

    @Test
    void formsAreDefinedVersionedAndReadByEveryRole() {
        Tenant t = TestTenants.provision(api, "fm-def");
        Credentials agent = TestTenants.user(api, t, "li", "AGENT");

        Reply created = api.put("/api/v1/forms/express-parcel", t.admin(), PARCEL);
        assertEquals(201, created.status(), created::toString);
        assertEquals(1, created.json().getInt("version"));
        assertEquals("SF1234567890", created.json().getJsonObject("definition").getJsonArray("fields").getJsonObject(0).getString("example"));
        assertProblem(api.put("/api/v1/forms/express-parcel", agent, PARCEL), 403, "auth.forbidden");

        Reply again = api.put("/api/v1/forms/express-parcel", t.admin(), PARCEL);
        assertEquals(200, again.status(), again::toString);
        assertEquals(1, again.json().getInt("version"), "the same definition makes no new version");

        String v2 = PARCEL.replace("\"max\": 100}", "\"max\": 200}");
        assertEquals(2, ok(api.put("/api/v1/forms/express-parcel", t.admin(), v2)).json().getInt("version"));
        JsonObject current = ok(api.get("/api/v1/forms/express-parcel", agent)).json();
        assertEquals(2, current.getInt("version"));
        assertEquals("200", field(current.getJsonObject("definition"), "weightKg").get("max").toString());
        JsonObject first = ok(api.get("/api/v1/forms/express-parcel?version=1", agent)).json();
        assertEquals(1, first.getInt("version"));
        assertEquals(2, first.getInt("currentVersion"));
        assertEquals("100", field(first.getJsonObject("definition"), "weightKg").get("max").toString());
        assertEquals(List.of(2, 1), ok(api.get("/api/v1/forms/express-parcel/versions", agent)).json().getJsonArray("items")
                .stream().map(v -> v.asJsonObject().getInt("version")).toList());
        assertProblem(api.get("/api/v1/forms/express-parcel?version=9", agent), 404, "form.version.not-found");
        assertProblem(api.get("/api/v1/forms/nothing", agent), 404, "form.not-found");

        Reply bad = api.put("/api/v1/forms/express-parcel", t.admin(), PARCEL.replace("\"example\": \"SF1234567890\"", "\"example\": \"123\"")
                .replace("\"type\": \"NUMBER\"", "\"type\": \"WEIGHT\""));
        assertEquals(Map.of("fields[0].example", "form.field.example.mismatch", "fields[1].type", "field.value.unknown"), fieldErrors(bad));
        assertEquals(Map.of("key", "form.key.mismatch"), fieldErrors(api.put("/api/v1/forms/other", t.admin(), PARCEL)));

        JsonObject applicable = ok(api.get("/api/v1/forms/applicable?target=TICKET&kind=COMPLAINT&category=express.lost", agent)).json();
        assertEquals(List.of("express-parcel"), keys(applicable.getJsonArray("forms")));
        assertEquals(2, applicable.getJsonArray("forms").getJsonObject(0).getInt("version"));
        assertEquals(List.of(), keys(ok(api.get("/api/v1/forms/applicable?kind=COMPLAINT&category=hotel.room", agent)).json().getJsonArray("forms")));
        assertEquals(List.of(), keys(ok(api.get("/api/v1/forms/applicable?kind=FAULT&category=express.lost", agent)).json().getJsonArray("forms")));
        assertEquals(Map.of("kind", "field.required"), fieldErrors(api.get("/api/v1/forms/applicable?target=TICKET", agent)));

        assertProblem(api.delete("/api/v1/forms/express-parcel", agent), 403, "auth.forbidden");
        assertEquals(204, api.delete("/api/v1/forms/express-parcel", t.admin()).status());
        assertEquals(List.of(), keys(ok(api.get("/api/v1/forms/applicable?kind=COMPLAINT&category=express.lost", agent)).json().getJsonArray("forms")));
        assertTrue(ok(api.get("/api/v1/forms", agent)).json().getJsonArray("items").getJsonObject(0).getBoolean("retired"));
        assertEquals(3, ok(api.put("/api/v1/forms/express-parcel", t.admin(), v2)).json().getInt("version"), "saving brings it back");

        List<String> actions = ok(api.get("/api/v1/audit?subjectType=form&subjectId=express-parcel", t.admin())).jsonArray().stream()
                .map(x -> x.asJsonObject().getString("action")).toList();
        assertEquals(List.of("form.saved", "form.retired", "form.saved", "form.created"), actions);
    }

    @Test
    void ticketsAreValidatedAgainstTheFormsThatApplyAndEveryInvalidFieldIsListed() {
        Tenant t = TestTenants.provision(api, "fm-val");
        assertEquals(201, api.put("/api/v1/forms/express-parcel", t.admin(), PARCEL).status());

        Reply bad = api.post("/api/v1/tickets", t.admin(), """
                {"kind": "COMPLAINT", "subject": "", "category": "express.lost",
                 "fields": {"waybillNo": "12345", "weightKg": 120, "issue": "lost", "claim": {"amount": "1.005"}, "colour": "red"}}""",
                "Accept-Language", "zh-CN");
        Map<String, String> errors = fieldErrors(bad);
        assertEquals(Map.of("subject", "field.required", "fields.waybillNo", "field.pattern", "fields.weightKg", "field.max",
                "fields.claim.amount", "field.money.amount", "fields.colour", "field.unknown", "fields.lostOn", "field.required"), errors);
        String message = bad.json().getJsonArray("errors").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("field").equals("fields.waybillNo")).findFirst().orElseThrow().getString("message");
        assertTrue(message.contains("SF1234567890"), "the pattern's example is shown: " + message);

        JsonObject ticket = created(api.post("/api/v1/tickets", t.admin(), """
                {"kind": "SERVICE_REQUEST", "subject": "快件丢失", "category": "express.lost",
                 "fields": {"waybillNo": "SF1234567890", "weightKg": 2.50, "claim": {"amount": "300"}}}"""));
        assertEquals(Json.createReader(new StringReader(
                        "{\"waybillNo\":\"SF1234567890\",\"weightKg\":2.5,\"claim\":{\"amount\":\"300.00\",\"currency\":\"CNY\"},\"issue\":\"late\"}"))
                .readObject(), ticket.getJsonObject("fields"), "normalized, with the default");
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, ticket.getJsonObject("retiredFields"));
        String number = ticket.getString("number");

        assertEquals(Map.of("fields.waybillNo", "field.unknown"), fieldErrors(api.post("/api/v1/tickets", t.admin(),
                "{\"kind\":\"INQUIRY\",\"subject\":\"问询\",\"fields\":{\"waybillNo\":\"SF1234567890\"}}")), "no form applies to inquiries");

        long v = ticket.getJsonNumber("version").longValue();
        JsonObject patched = ok(api.send("PATCH", "/api/v1/tickets/" + number, t.admin(),
                "{\"version\":" + v + ",\"fields\":{\"weightKg\":3,\"note\":\"客户来电\",\"claim\":null}}")).json();
        assertEquals("3", patched.getJsonObject("fields").get("weightKg").toString());
        assertFalse(patched.getJsonObject("fields").containsKey("claim"), "null clears");
        Map<String, String> bothKinds = fieldErrors(api.send("PATCH", "/api/v1/tickets/" + number, t.admin(),
                "{\"version\":" + (v + 1) + ",\"priority\":\"SOON\",\"fields\":{\"issue\":\"stolen\"}}"));
        assertEquals(Map.of("priority", "field.value.unknown", "fields.issue", "field.choice"), bothKinds);

        List<JsonObject> changes = ok(api.get("/api/v1/tickets/" + number + "/timeline", t.admin())).json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(e -> e.getString("type").equals("FIELD_CHANGE")).map(e -> e.getJsonObject("data")).toList();
        assertEquals(List.of("fields.claim", "fields.note", "fields.weightKg"), changes.stream().map(c -> c.getString("field")).sorted().toList());
        JsonObject weight = changes.stream().filter(c -> c.getString("field").equals("fields.weightKg")).findFirst().orElseThrow();
        assertEquals("2.5", weight.getString("before"));
        assertEquals("3", weight.getString("after"));
        JsonObject updated = ok(api.get("/api/v1/audit?subjectType=ticket&subjectId=" + number, t.admin())).jsonArray().getJsonObject(0);
        assertEquals("ticket.updated", updated.getString("action"));
        assertEquals("3", parse(updated.getString("after")).getJsonObject("fields").getString("weightKg"));

        // Read-only once resolved.
        ok(api.post("/api/v1/tickets/" + number + "/transitions", t.admin(), "{\"to\":\"ASSIGNED\",\"assignee\":\"admin\"}"));
        ok(api.post("/api/v1/tickets/" + number + "/transitions", t.admin(), "{\"to\":\"IN_PROGRESS\"}"));
        ok(api.post("/api/v1/tickets/" + number + "/transitions", t.admin(),
                "{\"to\":\"RESOLVED\",\"resolution\":\"已找到\"}"));
        JsonObject resolved = ok(api.get("/api/v1/tickets/" + number, t.admin())).json();
        assertEquals(Map.of("fields.waybillNo", "field.read-only"), fieldErrors(api.send("PATCH", "/api/v1/tickets/" + number, t.admin(),
                "{\"version\":" + resolved.getJsonNumber("version") + ",\"fields\":{\"waybillNo\":\"SF9999999999\"}}")));
        assertEquals(200, api.send("PATCH", "/api/v1/tickets/" + number, t.admin(),
                "{\"version\":" + resolved.getJsonNumber("version") + ",\"fields\":{\"note\":\"已结案\"}}").status(), "other fields still change");
    }

    @Test
    void listsAreFilteredAndSortedByCustomFields() {
        Tenant t = TestTenants.provision(api, "fm-list");
        assertEquals(201, api.put("/api/v1/forms/express-parcel", t.admin(), PARCEL).status());
        String light = ticket(t, "{\"waybillNo\":\"SF1000000001\",\"weightKg\":1,\"issue\":\"lost\",\"lostOn\":\"2026-11-20\"}");
        String heavy = ticket(t, "{\"waybillNo\":\"SF1000000002\",\"weightKg\":30,\"issue\":\"lost\",\"lostOn\":\"2026-11-21\"}");
        String middle = ticket(t, "{\"waybillNo\":\"SF1000000003\",\"weightKg\":12.5}");
        ticket(t, "{\"waybillNo\":\"SF1000000004\"}");

        assertEquals(List.of(heavy, light), numbers(api.get("/api/v1/tickets?field.issue=lost", t.admin())));
        assertEquals(List.of(middle), numbers(api.get("/api/v1/tickets?field.waybillNo=SF1000000003", t.admin())));
        assertEquals(List.of(middle), numbers(api.get("/api/v1/tickets?field.weightKg=12.50", t.admin())));
        assertEquals(List.of(middle, heavy), numbers(api.get("/api/v1/tickets?field.weightKg.gte=10", t.admin())), "newest first");
        assertEquals(List.of(middle), numbers(api.get("/api/v1/tickets?field.weightKg.gte=10&field.weightKg.lte=20", t.admin())));
        assertEquals(List.of(light), numbers(api.get("/api/v1/tickets?field.lostOn.lte=2026-11-20", t.admin())));

        assertEquals(List.of(light, middle, heavy), numbers(api.get("/api/v1/tickets?sort=field.weightKg", t.admin())),
                "tickets having a weight, lightest first");
        Reply page1 = ok(api.get("/api/v1/tickets?sort=-field.weightKg&limit=2", t.admin()));
        assertEquals(List.of(heavy, middle), numbers(page1));
        Reply page2 = ok(api.get("/api/v1/tickets?sort=-field.weightKg&limit=2&cursor=" + page1.string("nextCursor"), t.admin()));
        assertEquals(List.of(light), numbers(page2));
        assertTrue(page2.json().isNull("nextCursor"));

        assertEquals(Map.of("field.colour", "field.unknown"), fieldErrors(api.get("/api/v1/tickets?field.colour=red", t.admin())));
        assertEquals(Map.of("field.note.gte", "ticket.field.filter.range"), fieldErrors(api.get("/api/v1/tickets?field.note.gte=a", t.admin())));
        assertEquals(Map.of("field.weightKg", "ticket.field.filter.number"), fieldErrors(api.get("/api/v1/tickets?field.weightKg=heavy", t.admin())));
    }

    @Test
    void changingTheFormKeepsOldTicketsReadableAndShowsRemovedFieldsAsRetired() {
        Tenant t = TestTenants.provision(api, "fm-ver");
        assertEquals(201, api.put("/api/v1/forms/express-parcel", t.admin(), PARCEL).status());
        String number = ticket(t, "{\"waybillNo\":\"SF1234567890\",\"note\":\"易碎\",\"weightKg\":5}");

        // Version 2: "note" removed, "weightKg" now a text.
        String v2 = withFields(PARCEL, f -> !f.getString("key").equals("note"), f -> f.getString("key").equals("weightKg")
                ? parse("{\"key\": \"weightKg\", \"type\": \"TEXT\", \"label\": {\"zh-CN\": \"重量\", \"en\": \"Weight\"}}") : f);
        assertEquals(2, ok(api.put("/api/v1/forms/express-parcel", t.admin(), v2)).json().getInt("version"));

        JsonObject old = ok(api.get("/api/v1/tickets/" + number, t.admin())).json();
        assertEquals("5", old.getJsonObject("fields").get("weightKg").toString(), "stored as it was written");
        JsonObject note = old.getJsonObject("retiredFields").getJsonObject("note");
        assertEquals("易碎", note.getString("value"));
        assertTrue(note.getBoolean("retired"));
        assertEquals("备注", note.getJsonObject("label").getString("zh-CN"), "with its last label");
        long v = old.getJsonNumber("version").longValue();
        JsonObject kept = ok(api.send("PATCH", "/api/v1/tickets/" + number, t.admin(),
                "{\"version\":" + v + ",\"fields\":{\"weightKg\":5,\"note\":\"易碎\",\"issue\":\"late\"}}")).json();
        assertEquals("5", kept.getJsonObject("fields").get("weightKg").toString(), "sent back unchanged: kept as stored");
        assertEquals(Map.of("fields.note", "field.retired"), fieldErrors(api.send("PATCH", "/api/v1/tickets/" + number, t.admin(),
                "{\"version\":" + kept.getJsonNumber("version") + ",\"fields\":{\"note\":\"改\"}}")));
        String fresh = ticket(t, "{\"waybillNo\":\"SF1234567891\",\"weightKg\":\"约5公斤\"}");
        assertEquals("约5公斤", ok(api.get("/api/v1/tickets/" + fresh, t.admin())).json().getJsonObject("fields").getString("weightKg"));

        assertEquals(204, api.delete("/api/v1/forms/express-parcel", t.admin()).status());
        JsonObject afterRetire = ok(api.get("/api/v1/tickets/" + number, t.admin())).json();
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, afterRetire.getJsonObject("fields"));
        assertEquals("SF1234567890", afterRetire.getJsonObject("retiredFields").getJsonObject("waybillNo").getString("value"),
                "a retired form's values stay, shown as retired");
    }

    @Test
    void documentsImportAllOrNothingAndExportRoundTrips() {
        Tenant t = TestTenants.provision(api, "fm-io");
        Credentials agent = TestTenants.user(api, t, "li", "AGENT");
        String doc = "{\"formatVersion\": 1, \"forms\": [" + PARCEL + ", "
                + "{\"key\": \"vip\", \"target\": \"CUSTOMER\", \"label\": {\"zh-CN\": \"会员\", \"en\": \"Membership\"},"
                + " \"fields\": [{\"key\": \"memberSince\", \"type\": \"DATE\", \"label\": {\"zh-CN\": \"入会\", \"en\": \"Member since\"}}]}]}";
        assertProblem(api.post("/api/v1/forms/import", agent, doc), 403, "auth.forbidden");
        JsonArray first = ok(api.post("/api/v1/forms/import", t.admin(), doc)).json().getJsonArray("items");
        assertEquals(List.of(true, true), first.stream().map(o -> o.asJsonObject().getBoolean("created")).toList());
        JsonArray second = ok(api.post("/api/v1/forms/import", t.admin(), doc)).json().getJsonArray("items");
        assertEquals(List.of(false, false), second.stream().map(o -> o.asJsonObject().getBoolean("changed")).toList(), "twice: no new versions");
        assertEquals(List.of(1, 1), second.stream().map(o -> o.asJsonObject().getInt("version")).toList());

        JsonObject exported = ok(api.get("/api/v1/forms/export", agent)).json();
        assertEquals(1, exported.getInt("formatVersion"));
        assertEquals(List.of("express-parcel", "vip"), keys(exported.getJsonArray("forms")));
        JsonArray reimported = ok(api.post("/api/v1/forms/import", t.admin(), exported.toString())).json().getJsonArray("items");
        assertEquals(List.of(false, false), reimported.stream().map(o -> o.asJsonObject().getBoolean("changed")).toList(), "export → import is the identity");

        Tenant other = TestTenants.provision(api, "fm-io2");
        ok(api.post("/api/v1/forms/import", other.admin(), exported.toString()));
        assertEquals(exported, ok(api.get("/api/v1/forms/export", other.admin())).json(), "copied between tenants unchanged");

        String broken = doc.replace("\"currency\": \"CNY\"", "\"currency\": \"yuan\"").replace("\"key\": \"vip\"", "\"key\": \"VIP\"")
                .replace("\"max\": 100}", "\"max\": 200}");
        Map<String, String> errors = fieldErrors(api.post("/api/v1/forms/import", t.admin(), broken));
        assertEquals(Map.of("forms[0].fields[4].currency", "field.money.currency", "forms[1].key", "form.key.invalid"), errors);
        assertEquals(1, ok(api.get("/api/v1/forms/express-parcel", t.admin())).json().getInt("version"), "nothing applied");
        assertEquals(Map.of("$", "form.document.syntax"), fieldErrors(api.post("/api/v1/forms/import", t.admin(), "{\"formatVersion\": 1, ")));
        String retargeted = Json.createObjectBuilder(parse(PARCEL)).add("target", "CUSTOMER").remove("kinds").remove("categories").build().toString();
        assertEquals(Map.of("forms[0].target", "form.target.fixed"),
                fieldErrors(api.post("/api/v1/forms/import", t.admin(), "{\"formatVersion\": 1, \"forms\": [" + retargeted + "]}")));
    }

    @Test
    void personalDataIsMaskedAndOnlySupervisorsAndAdminsRevealItAudited() {
        Tenant t = TestTenants.provision(api, "fm-pii");
        Credentials agent = TestTenants.user(api, t, "li", "AGENT");
        Credentials sup = TestTenants.user(api, t, "zhou", "SUPERVISOR");
        assertEquals(201, api.put("/api/v1/forms/express-parcel", t.admin(), PARCEL).status());
        String number = ticket(t, "{\"waybillNo\":\"SF1234567890\",\"receiverPhone\":\"13812345678\"}");

        assertEquals("138****5678", ok(api.get("/api/v1/tickets/" + number, agent)).json().getJsonObject("fields").getString("receiverPhone"));
        assertEquals("138****5678", ok(api.get("/api/v1/tickets/" + number, t.admin())).json().getJsonObject("fields").getString("receiverPhone"),
                "masked unless asked");
        assertEquals("138****5678", ok(api.get("/api/v1/tickets?field.waybillNo=SF1234567890", sup)).json().getJsonArray("items")
                .getJsonObject(0).getJsonObject("fields").getString("receiverPhone"), "lists never reveal");
        assertProblem(api.get("/api/v1/tickets/" + number + "?reveal=true", agent), 403, "ticket.reveal.forbidden");

        Reply revealed = ok(api.get("/api/v1/tickets/" + number + "?reveal=true", sup));
        assertEquals("13812345678", revealed.json().getJsonObject("fields").getString("receiverPhone"));
        assertEquals("no-store", revealed.header("Cache-Control").orElse(""));
        JsonObject read = ok(api.get("/api/v1/audit?subjectType=ticket&subjectId=" + number, t.admin())).jsonArray().getJsonObject(0);
        assertEquals("personal-data.read", read.getString("action"));
        assertEquals(t.code() + "/zhou", read.getString("actor"));
        assertEquals(List.of("receiverPhone"), parse(read.getString("after")).getJsonArray("fields").stream()
                .map(x -> ((jakarta.json.JsonString) x).getString()).toList());
        assertFalse(read.toString().contains("13812345678"), "the audit keeps which fields, never the values");

        JsonObject t0 = ok(api.get("/api/v1/tickets/" + number, agent)).json();
        JsonObject echoed = ok(api.send("PATCH", "/api/v1/tickets/" + number, agent, "{\"version\":" + t0.getJsonNumber("version")
                + ",\"fields\":" + t0.getJsonObject("fields") + "}")).json();
        assertEquals(t0.getJsonNumber("version"), echoed.getJsonNumber("version"), "sending back what was shown changes nothing");
        ok(api.send("PATCH", "/api/v1/tickets/" + number, agent, "{\"version\":" + echoed.getJsonNumber("version")
                + ",\"fields\":{\"receiverPhone\":\"13900001111\"}}"));
        assertEquals("13900001111", ok(api.get("/api/v1/tickets/" + number + "?reveal=true", t.admin())).json().getJsonObject("fields")
                .getString("receiverPhone"));
        String trail = ok(api.get("/api/v1/audit?subjectType=ticket&subjectId=" + number, t.admin())).body()
                + ok(api.get("/api/v1/tickets/" + number + "/timeline", t.admin())).body();
        assertFalse(trail.contains("13900001111") || trail.contains("13812345678"), "timeline and audit mask personal data: " + trail);
        assertTrue(trail.contains("139****1111"), trail);
    }

    @Test
    void anotherTenantsFormsAndValuesAreOutOfReach() {
        Tenant a = TestTenants.provision(api, "fm-iso-a");
        Tenant b = TestTenants.provision(api, "fm-iso-b");
        assertEquals(201, api.put("/api/v1/forms/express-parcel", a.admin(), PARCEL).status());
        String number = ticket(a, "{\"waybillNo\":\"SF1234567890\"}");

        assertProblem(api.get("/api/v1/forms/express-parcel", b.admin()), 404, "form.not-found");
        assertProblem(api.get("/api/v1/forms/express-parcel/versions", b.admin()), 404, "form.not-found");
        assertProblem(api.delete("/api/v1/forms/express-parcel", b.admin()), 404, "form.not-found");
        assertEquals(0, ok(api.get("/api/v1/forms", b.admin())).json().getJsonArray("items").size());
        assertEquals(0, ok(api.get("/api/v1/forms/export", b.admin())).json().getJsonArray("forms").size());
        assertEquals(List.of(), keys(ok(api.get("/api/v1/forms/applicable?kind=COMPLAINT&category=express.lost", b.admin())).json().getJsonArray("forms")));
        assertEquals(Map.of("fields.waybillNo", "field.unknown"), fieldErrors(api.post("/api/v1/tickets", b.admin(),
                "{\"kind\":\"COMPLAINT\",\"subject\":\"x\",\"category\":\"express.lost\",\"fields\":{\"waybillNo\":\"SF1234567890\"}}")));
        assertEquals(Map.of("field.waybillNo", "field.unknown"), fieldErrors(api.get("/api/v1/tickets?field.waybillNo=SF1234567890", b.admin())));
        assertProblem(api.get("/api/v1/tickets/" + number + "?reveal=true", b.admin()), 404, "ticket.not-found");
        assertEquals(1, numbers(ok(api.get("/api/v1/tickets?field.waybillNo=SF1234567890", a.admin()))).size(), "a still finds its own");
    }

    @Test
    void customersGetCustomFieldsByTheSameRules() {
        Tenant t = TestTenants.provision(api, "fm-cust");
        Credentials agent = TestTenants.user(api, t, "li", "AGENT");
        Credentials sup = TestTenants.user(api, t, "zhou", "SUPERVISOR");
        assertEquals(201, api.put("/api/v1/forms/bank-profile", t.admin(), """
                {"key": "bank-profile", "target": "CUSTOMER", "label": {"zh-CN": "银行客户", "en": "Bank customer"},
                 "fields": [
                   {"key": "cardNo", "type": "IDENTIFIER", "label": {"zh-CN": "卡号", "en": "Card number"}, "required": true,
                    "pattern": "^[0-9]{16,19}$", "example": "6222021234567890123", "personalData": true, "mask": "KEEP_FIRST_6_LAST_4"},
                   {"key": "riskLevel", "type": "SINGLE_CHOICE", "label": {"zh-CN": "风险等级", "en": "Risk level"}, "default": "low",
                    "options": [{"value": "low", "label": {"zh-CN": "低", "en": "Low"}}, {"value": "high", "label": {"zh-CN": "高", "en": "High"}}]}
                 ]}""").status());
        assertEquals(List.of("bank-profile"), keys(ok(api.get("/api/v1/forms/applicable?target=CUSTOMER", agent)).json().getJsonArray("forms")));

        Map<String, String> errors = fieldErrors(api.post("/api/v1/customers", agent,
                "{\"name\": \"\", \"fields\": {\"cardNo\": \"12\", \"riskLevel\": \"extreme\"}}"));
        assertEquals(Map.of("name", "field.required", "fields.cardNo", "field.pattern", "fields.riskLevel", "field.choice"), errors);

        JsonObject c = created(api.post("/api/v1/customers", agent, "{\"name\": \"王芳\", \"fields\": {\"cardNo\": \"6222021234567890123\"}}"));
        assertEquals("622202******0123", c.getJsonObject("fields").getString("cardNo"));
        assertEquals("low", c.getJsonObject("fields").getString("riskLevel"), "the default");
        String id = c.getString("id");

        Reply revealed = ok(api.get("/api/v1/customers/" + id + "?reveal=true", sup));
        assertEquals("6222021234567890123", revealed.json().getJsonObject("fields").getString("cardNo"));
        JsonObject read = ok(api.get("/api/v1/audit?subjectType=customer&subjectId=" + id, t.admin())).jsonArray().getJsonObject(0);
        assertEquals("personal-data.read", read.getString("action"));
        assertEquals(List.of("fields.cardNo"), parse(read.getString("after")).getJsonArray("fields").stream()
                .map(x -> ((jakarta.json.JsonString) x).getString()).toList());

        JsonObject changed = ok(api.send("PATCH", "/api/v1/customers/" + id, agent,
                "{\"version\": " + c.getJsonNumber("version") + ", \"fields\": {\"riskLevel\": \"high\"}}")).json();
        assertEquals("high", changed.getJsonObject("fields").getString("riskLevel"));
        assertEquals(c.getJsonNumber("version").longValue() + 1, changed.getJsonNumber("version").longValue());
        JsonObject updated = ok(api.get("/api/v1/audit?subjectType=customer&subjectId=" + id, t.admin())).jsonArray().getJsonObject(0);
        assertEquals("customer.updated", updated.getString("action"));
        assertEquals("high", parse(updated.getString("after")).getJsonObject("fields").getString("riskLevel"));

        JsonObject erased = ok(api.post("/api/v1/customers/" + id + "/erasure", t.admin(), null)).json();
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, erased.getJsonObject("fields"), "erasure forgets custom values too");
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, ok(api.get("/api/v1/customers/" + id + "?reveal=true", t.admin())).json().getJsonObject("fields"));
    }

    // ---- helpers ----

    private static String ticket(Tenant t, String fields) {
        return created(api.post("/api/v1/tickets", t.admin(),
                "{\"kind\":\"COMPLAINT\",\"subject\":\"快件问题\",\"category\":\"express.lost\",\"fields\":" + fields + "}")).getString("number");
    }

    /** The form with its fields filtered by {@code keep} and then replaced by {@code change}. */
    private static String withFields(String form, java.util.function.Predicate<JsonObject> keep,
                                     java.util.function.UnaryOperator<JsonObject> change) {
        JsonObject f = parse(form);
        var fields = Json.createArrayBuilder();
        f.getJsonArray("fields").stream().map(JsonValue::asJsonObject).filter(keep).map(change).forEach(fields::add);
        return Json.createObjectBuilder(f).add("fields", fields).build().toString();
    }

    private static JsonObject field(JsonObject form, String key) {
        return form.getJsonArray("fields").stream().map(JsonValue::asJsonObject).filter(f -> f.getString("key").equals(key))
                .findFirst().orElseThrow();
    }

    private static List<String> keys(JsonArray forms) {
        return forms.stream().map(f -> f.asJsonObject().getString("key")).toList();
    }

    private static List<String> numbers(Reply r) {
        assertEquals(200, r.status(), r::toString);
        List<String> out = new ArrayList<>();
        r.json().getJsonArray("items").forEach(i -> out.add(i.asJsonObject().getString("number")));
        return out;
    }

    private static JsonObject parse(String json) {
        assertNotNull(json);
        return Json.createReader(new StringReader(json)).readObject();
    }




}
