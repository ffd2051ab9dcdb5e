package io.kefu.ui.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.kefu.ui.it.Replies.assertProblem;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
 * Industry plugins on the real server: the five bundled ones and the partner plugins of the
 * plugins folder ({@link ItPlugins}), refusing the incompatible one; enabling per tenant with
 * copied defaults; KPI values; side panels; and the isolation of misbehaving hooks. Runs on H2
 * and on PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
class PluginsIT {

    private static Api api;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.rootWar();
    }

    @BeforeAll
    static void serverReady() {
        api = Api.server().awaitReady(Duration.ofSeconds(90));
    }

    private static Optional<JsonObject> plugin(Reply list, String id) {
        return list.json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(p -> p.getString("id").equals(id)).findFirst();
    }

    private static Tenant tenant(String prefix, String industry) {
        String code = TestTenants.uniqueCode(prefix);
        Reply r = api.post("/api/v1/tenants", Credentials.operator(),
                TestTenants.body(code, "Tenant " + code, industry, "admin", "pw-" + code + "-9", "admin@" + code + ".example.com"));
        assertEquals(201, r.status(), r::toString);
        return new Tenant(code, "admin", "pw-" + code + "-9");
    }

    private static JsonObject ticket(Tenant t, String kind, String subject, String fieldsJson) {
        Reply r = api.post("/api/v1/tickets", t.admin(), "{\"kind\":\"" + kind + "\",\"subject\":\"" + subject + "\""
                + (fieldsJson == null ? "" : ",\"fields\":" + fieldsJson) + "}");
        assertEquals(201, r.status(), r::toString);
        return r.json();
    }

    private static List<String> codes(Reply r) {
        assertEquals(200, r.status(), r::toString);
        return r.json().getJsonArray("items").stream().map(v -> v.asJsonObject().getString("code")).toList();
    }

    @Test
    void operatorsSeeTheBundledPluginsThePartnerPluginAndTheRefusedOne() {
        Reply list = api.get("/api/v1/plugins", Credentials.operator());
        assertEquals(200, list.status(), list::toString);
        assertEquals("1.0", list.string("apiVersion"));
        for (String id : List.of("express", "hotel", "telecom", "property", "banking")) {
            JsonObject p = plugin(list, id).orElseThrow(() -> new AssertionError(id + " missing: " + list));
            assertEquals("ACTIVE", p.getString("state"), p::toString);
            assertEquals("bundled", p.getString("source"));
            assertEquals("1.0", p.getString("apiVersion"));
            assertFalse(p.getJsonObject("name").getString("zh-CN").isBlank());
            assertFalse(p.getJsonObject("name").getString("en").isBlank());
        }
        JsonObject partner = plugin(list, ItPlugins.PARTNER_ID).orElseThrow();
        assertEquals("ACTIVE", partner.getString("state"), partner::toString);
        assertTrue(partner.getString("source").endsWith("it-partner-1.0.0.jar"), partner::toString);
        JsonObject future = plugin(list, ItPlugins.FUTURE_ID).orElseThrow();
        assertEquals("REFUSED", future.getString("state"));
        assertEquals("1.99", future.getString("apiVersion"));
        assertEquals("the plugin needs plugin API 1.99 but this platform offers only 1.0 (upgrade the platform)",
                future.getString("refusedReason"));

        Tenant t = tenant("pl-list", "general");
        Credentials agent = TestTenants.user(api, t, "li", "AGENT");
        assertEquals(403, api.get("/api/v1/plugins", agent).status());
        JsonObject asAdmin = plugin(api.get("/api/v1/plugins", t.admin()), "express").orElseThrow();
        assertFalse(asAdmin.getBoolean("enabled"), "a general tenant starts without an industry plugin");
        assertFalse(asAdmin.containsKey("source"), "operators' details stay with operators");
    }

    @Test
    void aTenantStartsWithItsIndustrysPluginAndItsDefaults() {
        Tenant t = tenant("pl-hotel", "hotel");
        JsonObject hotel = plugin(api.get("/api/v1/plugins", t.admin()), "hotel").orElseThrow();
        assertTrue(hotel.getBoolean("enabled"), hotel::toString);
        assertEquals("1.0.0", hotel.getString("enabledVersion"));

        Credentials agent = TestTenants.user(api, t, "wang", "AGENT");
        for (String path : List.of("/api/v1/categories", "/api/v1/canned-replies", "/api/v1/knowledge", "/api/v1/emergency-plans",
                "/api/v1/kpis")) {
            List<String> codes = codes(api.get(path, agent));
            assertFalse(codes.isEmpty(), path);
            assertTrue(codes.stream().allMatch(c -> c.startsWith("hotel.")), path + " " + codes);
        }
        String first = codes(api.get("/api/v1/categories", agent)).get(0);
        JsonObject one = api.get("/api/v1/categories/" + first, agent).json();
        assertEquals("hotel", one.getJsonObject("origin").getString("plugin"));
        assertFalse(one.getJsonObject("origin").getBoolean("modified"));
        assertFalse(one.getJsonObject("name").getString("zh-CN").isBlank());
        assertEquals(404, api.get("/api/v1/categories/express.delay", agent).status(), "another industry's category");
    }

    /**
     * Enabling a plugin later gives the tenant's open tickets its standards too. The standards
     * are imported inside the enabling's transaction, which the re-evaluation's pages (each a
     * transaction of its own) cannot see; the sweep re-evaluates once it has committed.
     */
    @Test
    void openTicketsGetThePluginsStandardsWhenItIsEnabledLater() throws InterruptedException {
        Tenant t = tenant("pl-later", "general");
        List<String> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Reply created = api.post("/api/v1/tickets", t.admin(), "{\"kind\":\"COMPLAINT\",\"subject\":\"包裹破损 " + i + "\"}");
            assertEquals(201, created.status(), created::toString);
            assertEquals(JsonValue.NULL, created.json().get("sla"), "no standard yet");
            numbers.add(created.string("number"));
        }
        Reply enabled = api.post("/api/v1/plugins/express/enable", t.admin(), null);
        assertEquals(200, enabled.status(), enabled::toString);
        java.time.Instant end = java.time.Instant.now().plus(Duration.ofSeconds(30));
        List<String> waiting = new java.util.ArrayList<>(numbers);
        while (!waiting.isEmpty() && java.time.Instant.now().isBefore(end)) {
            waiting.removeIf(n -> api.get("/api/v1/tickets/" + n, t.admin()).json().get("sla") instanceof JsonObject sla
                    && "express-complaint".equals(sla.getString("ruleCode", "")));
            Thread.sleep(300);
        }
        assertEquals(List.of(), waiting, "open complaints under the express plugin's complaint standard");
    }

    @Test
    void anIndustrysFormsAndStandardsReachTheEnginesAndReEnablingKeepsTheTenantsChanges() {
        Tenant t = tenant("pl-prop", "property");
        List<String> forms = api.get("/api/v1/forms", t.admin()).json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("key")).toList();
        assertTrue(forms.containsAll(List.of("property-repair", "property-lift")), forms::toString);
        List<String> standards = codes(api.get("/api/v1/service-standards", t.admin()));
        assertEquals("property-lift-entrapment", standards.get(0), "lift entrapment is the most urgent standard: " + standards);
        // The escalation team a breach action reassigns to exists (created empty for the admin to staff).
        assertEquals(200, api.get("/api/v1/teams/escalations", t.admin()).status());

        // The tenant makes the plugin's defaults its own: renames a rule, retires a form, adds a rule of its own.
        JsonObject rule = api.get("/api/v1/service-standards/property-lift-entrapment", t.admin()).json();
        String renamed = Json.createObjectBuilder(rule).add("name", Json.createObjectBuilder().add("zh-CN", "本小区电梯困人").add("en", "Our lift entrapment"))
                .remove("version").build().toString();
        Reply put = api.put("/api/v1/service-standards/property-lift-entrapment", t.admin(), renamed);
        assertEquals(200, put.status(), put::toString);
        assertEquals(204, api.delete("/api/v1/forms/property-lift", t.admin()).status());

        Reply again = api.post("/api/v1/plugins/property/enable", t.admin(), null);
        assertEquals(200, again.status(), again::toString);
        JsonObject after = api.get("/api/v1/service-standards/property-lift-entrapment", t.admin(), "Accept-Language", "en").json();
        assertEquals("Our lift entrapment", after.getJsonObject("name").getString("en"), "re-enabling keeps the tenant's rule");
        assertEquals(standards, codes(api.get("/api/v1/service-standards", t.admin())), "nothing added twice, nothing lost");
        JsonObject lift = api.get("/api/v1/forms/property-lift", t.admin()).json();
        assertTrue(lift.getBoolean("retired"), "re-enabling does not bring back a form the tenant retired: " + lift);
    }

    @Test
    void enablingAFolderPluginCopiesItsDefaultsOnceAndRefusedOrUnknownPluginsCannotBeEnabled() {
        Tenant t = tenant("pl-enable", "general");
        Reply first = api.post("/api/v1/plugins/" + ItPlugins.PARTNER_ID + "/enable", t.admin(), null);
        assertEquals(200, first.status(), first::toString);
        JsonObject defaults = first.json().getJsonObject("defaults");
        assertEquals(List.of("partner.returns", "partner.returns.damaged"),
                defaults.getJsonObject("CATEGORY").getJsonArray("added").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString).toList());
        assertEquals(2, defaults.getJsonObject("KPI").getJsonArray("added").size());
        assertTrue(first.json().isNull("fromVersion"));

        Reply again = api.post("/api/v1/plugins/" + ItPlugins.PARTNER_ID + "/enable", t.admin(), null);
        assertEquals(200, again.status(), again::toString);
        assertEquals("1.0.0", again.string("fromVersion"));
        for (String kind : List.of("CATEGORY", "CANNED_REPLY", "KNOWLEDGE_ARTICLE", "EMERGENCY_PLAN", "KPI")) {
            JsonObject c = again.json().getJsonObject("defaults").getJsonObject(kind);
            assertEquals(0, c.getJsonArray("added").size() + c.getJsonArray("updated").size() + c.getJsonArray("kept").size(),
                    kind + " changed on a second enabling: " + again);
        }
        assertEquals(List.of("partner.returns", "partner.returns.damaged"), codes(api.get("/api/v1/categories", t.admin())));

        Credentials supervisor = TestTenants.user(api, t, "zhao", "SUPERVISOR");
        assertProblem(api.post("/api/v1/plugins/express/enable", supervisor, null), 403, "auth.forbidden");
        assertProblem(api.post("/api/v1/plugins/" + ItPlugins.FUTURE_ID + "/enable", t.admin(), null), 409, "plugin.refused");
        assertProblem(api.post("/api/v1/plugins/nope/enable", t.admin(), null), 404, "plugin.not-found");
    }

    @Test
    void kpiValuesAreComputedOverTheTenantsOwnTickets() {
        Tenant t = tenant("pl-kpi", "general");
        assertEquals(200, api.post("/api/v1/plugins/" + ItPlugins.PARTNER_ID + "/enable", t.admin(), null).status());
        ticket(t, "COMPLAINT", "Box crushed", null);
        ticket(t, "COMPLAINT", "Late refund", null);
        ticket(t, "INQUIRY", "Where is my return label", null);
        Tenant other = tenant("pl-kpi-o", "general");
        assertEquals(200, api.post("/api/v1/plugins/" + ItPlugins.PARTNER_ID + "/enable", other.admin(), null).status());
        ticket(other, "COMPLAINT", "Other tenant's complaint", null);

        JsonObject count = api.get("/api/v1/kpis/partner.complaints/value", t.admin()).json();
        assertEquals(2.0, count.getJsonNumber("value").doubleValue(), count::toString);
        assertEquals("formula", count.getString("computedBy"));
        JsonObject share = api.get("/api/v1/kpis/partner.complaint-share/value?from=2020-01-01", t.admin()).json();
        assertEquals(66.67, share.getJsonNumber("value").doubleValue(), 0.001, share::toString);
        assertEquals(3, share.getInt("sampleSize"));
        JsonObject empty = api.get("/api/v1/kpis/partner.complaint-share/value?from=2020-01-01&to=2020-02-01", t.admin()).json();
        assertTrue(empty.isNull("value"), empty::toString);
        assertFalse(empty.getString("note").isBlank());

        Reply bad = api.get("/api/v1/kpis/partner.complaints/value?from=yesterday&to=2026-02-30", t.admin());
        assertProblem(bad, 400, "input.invalid");
        assertEquals(2, bad.json().getJsonArray("errors").size(), bad::toString);
        assertProblem(api.get("/api/v1/kpis/partner.complaints/value?from=2026-03-01&to=2026-02-01", t.admin()), 400, "input.invalid");
        assertProblem(api.get("/api/v1/kpis/nope/value", t.admin()), 404, "kpi.not-found");
    }

    @Test
    void anotherTenantsPluginDataIsNotFound() {
        Tenant a = tenant("pl-iso-a", "general");
        assertEquals(200, api.post("/api/v1/plugins/" + ItPlugins.PARTNER_ID + "/enable", a.admin(), null).status());
        String number = ticket(a, "INQUIRY", "Mine", null).getString("number");
        Tenant b = tenant("pl-iso-b", "general");

        assertEquals(List.of(), codes(api.get("/api/v1/categories", b.admin())));
        assertProblem(api.get("/api/v1/categories/partner.returns", b.admin()), 404, "category.not-found");
        assertProblem(api.get("/api/v1/canned-replies/partner.return-label", b.admin()), 404, "canned-reply.not-found");
        assertProblem(api.get("/api/v1/knowledge/partner.returns-policy", b.admin()), 404, "knowledge.not-found");
        assertProblem(api.get("/api/v1/emergency-plans/partner.outage", b.admin()), 404, "emergency-plan.not-found");
        assertProblem(api.get("/api/v1/kpis/partner.complaints/value", b.admin()), 404, "kpi.not-found");
        assertEquals(404, api.get("/api/v1/tickets/" + number + "/panels", b.admin()).status());
        assertEquals(200, api.get("/api/v1/categories/partner.returns", a.admin()).status());
    }

    @Test
    void panelsShowEachEnabledPluginsFactsAndPluginsCannotSeePlatformClasses() {
        Tenant t = tenant("pl-panel", "express");
        assertEquals(200, api.post("/api/v1/plugins/" + ItPlugins.PARTNER_ID + "/enable", t.admin(), null).status());
        // A parcel ticket as the express plugin's form asks for it: category, waybill, parcel status.
        Reply created = api.post("/api/v1/tickets", t.admin(), "{\"kind\":\"COMPLAINT\",\"subject\":\"Parcel late\","
                + "\"category\":\"express.delay\",\"fields\":{\"waybillNo\":\"SF1234563000\",\"parcelStatus\":\"IN_TRANSIT\"}}");
        assertEquals(201, created.status(), created::toString);
        String number = created.json().getString("number");

        Reply panels = api.get("/api/v1/tickets/" + number + "/panels", TestTenants.user(api, t, "li", "AGENT"));
        assertEquals(200, panels.status(), panels::toString);
        List<JsonObject> items = panels.json().getJsonArray("items").getValuesAs(JsonObject.class);
        JsonObject express = items.stream().filter(p -> p.getString("plugin").equals("express")).findFirst().orElseThrow(() -> new AssertionError(panels.toString()));
        assertEquals("Parcel tracking", express.getJsonObject("title").getString("en"));
        List<JsonObject> facts = express.getJsonArray("facts").getValuesAs(JsonObject.class);
        assertEquals("SF1234563000", facts.get(0).getString("value"));
        assertTrue(facts.size() >= 4, facts::toString);
        assertTrue(facts.get(1).getJsonObject("label").getString("en").startsWith("Delivery exception"), facts::toString);
        assertFalse(facts.get(1).isNull("at"));

        JsonObject partner = items.stream().filter(p -> p.getString("plugin").equals(ItPlugins.PARTNER_ID)).findFirst().orElseThrow();
        List<JsonObject> pf = partner.getJsonArray("facts").getValuesAs(JsonObject.class);
        assertEquals(t.code(), pf.get(0).getString("value"), "the hook learns its tenant from its context");
        assertEquals("false", pf.get(1).getString("value"), "a folder plugin cannot load platform classes");
    }

    @Test
    void aPluginsObjectionIsAProblemListingTheFieldInTheCallersLanguage() {
        Tenant t = tenant("pl-valid", "express");
        assertEquals(200, api.post("/api/v1/plugins/" + ItPlugins.PARTNER_ID + "/enable", t.admin(), null).status());
        Reply r = api.post("/api/v1/tickets", t.admin(),
                "{\"kind\":\"INQUIRY\",\"subject\":\"x\",\"fields\":{\"partnerRef\":\"INVALID\"}}",
                "Accept-Language", "en");
        // The value passes the partner's form (any text); the partner's hook objects to it. Hooks run
        // only once the forms accept the input, so their objections come alone.
        assertProblem(r, 400, "input.invalid");
        List<JsonObject> errors = r.json().getJsonArray("errors").getValuesAs(JsonObject.class);
        assertEquals(1, errors.size(), r::toString);
        JsonObject partner = errors.stream().filter(e -> e.getString("field").equals("fields.partnerRef")).findFirst().orElseThrow();
        assertEquals("plugin.validation", partner.getString("code"));
        assertEquals("Unknown partner reference (plugin it-partner)", partner.getString("message"));
        Reply zh = api.post("/api/v1/tickets", t.admin(), "{\"kind\":\"INQUIRY\",\"subject\":\"x\",\"fields\":{\"partnerRef\":\"INVALID\"}}",
                "Accept-Language", "zh-CN");
        assertEquals("伙伴单号无效（插件 it-partner）", zh.json().getJsonArray("errors").getJsonObject(0).getString("message"));
        assertEquals(0, api.get("/api/v1/tickets", t.admin()).json().getJsonArray("items").size(), "refused tickets are not created");
    }

    @Test
    void aMisbehavingPluginIsCutOffThenDegradedForItsTenantWhileTicketsKeepFlowing() {
        Tenant t = tenant("pl-degr", "general");
        Tenant healthy = tenant("pl-degr-ok", "general");
        for (Tenant x : List.of(t, healthy)) {
            assertEquals(200, api.post("/api/v1/plugins/" + ItPlugins.PARTNER_ID + "/enable", x.admin(), null).status());
        }
        long start = System.nanoTime();
        ticket(t, "INQUIRY", "[hang] partner never answers", null);
        long hungMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(hungMillis < 6_000, "a hanging hook is cut off after its time limit, took " + hungMillis + " ms");
        for (int i = 0; i < 4; i++) {
            ticket(t, "INQUIRY", "[explode] partner down " + i, null);
        }
        JsonObject partner = plugin(api.get("/api/v1/plugins", Credentials.operator()), ItPlugins.PARTNER_ID).orElseThrow();
        assertEquals(Json.createArrayBuilder().add(t.code()).build(), partner.getJsonArray("degradedTenants"), partner::toString);
        assertTrue(plugin(api.get("/api/v1/plugins", t.admin()), ItPlugins.PARTNER_ID).orElseThrow().getBoolean("degraded"));
        assertFalse(plugin(api.get("/api/v1/plugins", healthy.admin()), ItPlugins.PARTNER_ID).orElseThrow().getBoolean("degraded"));

        JsonObject before = hookCounters(t);
        assertEquals(5, before.getInt("failures"), before::toString);
        assertEquals(1, before.getInt("timeouts"), before::toString);
        assertTrue(before.getString("lastFailure").contains("partner system down"), before::toString);
        String number = ticket(t, "INQUIRY", "[hang] while degraded", null).getString("number");
        assertEquals(before.getInt("calls"), hookCounters(t).getInt("calls"), "a degraded plugin's hooks are skipped");
        List<JsonObject> panels = api.get("/api/v1/tickets/" + number + "/panels", t.admin()).json().getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertTrue(panels.stream().noneMatch(p -> p.getString("plugin").equals(ItPlugins.PARTNER_ID)), panels::toString);
        String healthyNumber = ticket(healthy, "INQUIRY", "all fine", null).getString("number");
        assertEquals(1, api.get("/api/v1/tickets/" + healthyNumber + "/panels", healthy.admin()).json().getJsonArray("items").size());
        assertEquals(6, api.get("/api/v1/tickets", t.admin()).json().getJsonArray("items").size(), "every ticket was created");
    }

    /** The operator's view of the partner plugin's hook counters for one tenant. */
    private static JsonObject hookCounters(Tenant t) {
        JsonObject partner = plugin(api.get("/api/v1/plugins", Credentials.operator()), ItPlugins.PARTNER_ID).orElseThrow();
        return partner.getJsonArray("hooks").getValuesAs(JsonObject.class).stream()
                .filter(h -> h.getString("tenant").equals(t.code())).findFirst().orElseThrow(() -> new AssertionError(partner.toString()));
    }

}
