package io.kefu.ui.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.kefu.ui.it.Replies.assertProblem;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

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
 * Customers over REST: create, list, filter, page, change with versions, contacts, masking per
 * role with the audited reveal, erasure, and another tenant's customers staying out of reach
 * on every endpoint. Runs on H2 and PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
class CustomersIT {

    private static final String CUSTOMERS = "/api/v1/customers";
    private static final String PHONE = "13812345678";
    private static final String EMAIL = "li.wei@example.com";
    private static final String ID_NUMBER = "11010519491231002X";
    private static final String ADDRESS = "北京市朝阳区建国路88号SOHO现代城A座1201";

    private static final java.util.concurrent.ExecutorService RACE = java.util.concurrent.Executors.newFixedThreadPool(8);
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
    void aRetriedCreateWithTheSameIdempotencyKeyCreatesOnce() {
        Tenant t = TestTenants.provision(api, "cu-idem");
        String body = "{\"name\":\"重试客户\",\"contacts\":[{\"kind\":\"PHONE\",\"value\":\"13900001111\"}]}";
        Reply first = api.post("/api/v1/customers", t.admin(), body, "Idempotency-Key", "crm-7");
        Reply retry = api.post("/api/v1/customers", t.admin(), body, "Idempotency-Key", "crm-7");
        assertEquals(201, first.status(), first::toString);
        assertEquals(200, retry.status(), retry::toString);
        assertEquals(first.string("id"), retry.string("id"));
        assertEquals("true", retry.header("Idempotent-Replayed").orElse(""));
        Reply other = api.post("/api/v1/customers", t.admin(), "{\"name\":\"别人\"}", "Idempotency-Key", "crm-7");
        assertEquals(409, other.status(), other::toString);
        assertEquals("idempotency.key.reused", other.string("code"));
        assertEquals(1, api.get("/api/v1/customers", t.admin()).json().getJsonArray("items").size());
    }

    @Test
    void aCustomerIsCreatedWithContactsAndShownMasked() {
        Tenant t = TestTenants.provision(api, "cus-new");
        Reply created = api.post(CUSTOMERS, t.admin(), liWei("CRM-0001").toString());

        assertEquals(201, created.status(), created::toString);
        JsonObject c = created.json();
        String id = c.getString("id");
        assertEquals(URI.create(created.header("Location").orElseThrow()).getPath(), CUSTOMERS + "/" + id);
        assertEquals("INDIVIDUAL", c.getString("type"));
        assertEquals("李伟", c.getString("name"));
        assertEquals("VIP", c.getString("grade"));
        assertEquals("CURRENT", c.getString("status"));
        assertEquals("CRM-0001", c.getString("externalId"));
        assertFalse(c.getBoolean("erased"));
        assertTrue(c.getJsonNumber("version").longValue() >= 0);
        OffsetDateTime.parse(c.getString("createdAt"));
        OffsetDateTime.parse(c.getString("updatedAt"));
        assertEquals(Map.of("PHONE", "138****5678", "EMAIL", "l*****@example.com", "ID_NUMBER", "110***********002X",
                "ADDRESS", "北京市朝阳区****"), values(c));
        JsonObject id18 = contact(c, "ID_NUMBER");
        assertEquals("CN_RESIDENT_ID", id18.getString("documentType"));
        assertTrue(id18.getBoolean("primary"));
        assertEquals("身份证", id18.getString("label"));
        assertFalse(created.body().contains(PHONE) || created.body().contains(EMAIL) || created.body().contains(ID_NUMBER),
                created::toString);

        Reply read = api.get(CUSTOMERS + "/" + id, t.admin());
        assertEquals(200, read.status(), read::toString);
        assertEquals(c, read.json(), "what was created is what is read");

        // Omitted: INDIVIDUAL, CURRENT, no grade, no external id (shown as null, not left out).
        Reply minimal = api.post(CUSTOMERS, t.admin(), "{\"name\":\"  Acme  Trading \"}");
        assertEquals(201, minimal.status(), minimal::toString);
        assertEquals("Acme Trading", minimal.string("name"));
        assertEquals("INDIVIDUAL", minimal.string("type"));
        assertEquals("CURRENT", minimal.string("status"));
        assertTrue(minimal.json().containsKey("grade") && minimal.json().isNull("grade"), minimal::toString);
        assertTrue(minimal.json().isNull("externalId"), minimal::toString);
        assertEquals(0, minimal.json().getJsonArray("contacts").size());
    }

    @Test
    void invalidInputNamesEveryFieldInTheCallersLanguage() {
        Tenant t = TestTenants.provision(api, "cus-bad");
        JsonObject body = Json.createObjectBuilder()
                .add("type", "PERSON")
                .add("name", " ")
                .add("grade", "Z")
                .add("status", "ACTIVE")
                .add("contacts", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("kind", "PHONE").add("value", "12-34"))
                        .add(Json.createObjectBuilder().add("kind", "ID_NUMBER").add("value", "110105194912310021"))
                        .add(Json.createObjectBuilder().add("kind", "FAX").add("value", "x"))
                        .add(Json.createObjectBuilder().add("kind", "EMAIL").add("value", "li.wei@example"))
                        .add(Json.createObjectBuilder().add("kind", "PHONE").add("value", PHONE).add("documentType", "PASSPORT")))
                .build();
        Reply r = api.post(CUSTOMERS, t.admin(), body.toString(), "Accept-Language", "zh-CN");

        assertProblem(r, 400, "input.invalid");
        Map<String, String> errors = errors(r);
        assertEquals(Map.of(
                "type", "customer.choice.unknown",
                "name", "field.required",
                "grade", "customer.grade.unknown",
                "status", "customer.choice.unknown",
                "contacts[0].value", "customer.contact.phone.invalid",
                "contacts[1].value", "customer.contact.id-number.checksum",
                "contacts[2].kind", "customer.choice.unknown",
                "contacts[3].value", "email.invalid",
                "contacts[4].documentType", "customer.contact.document-type.not-applicable"), errors, r::toString);
        String gradeMessage = message(r, "grade");
        assertTrue(gradeMessage.contains("不是本租户的客户等级") && gradeMessage.contains("VIP, A, B, C"), gradeMessage);

        Reply en = api.post(CUSTOMERS, t.admin(), "{\"name\":\"" + "x".repeat(201) + "\"}", "Accept-Language", "en");
        assertProblem(en, 400, "input.invalid");
        assertEquals("The name must have 1 to 200 characters.", message(en, "name"));

        Reply malformed = api.post(CUSTOMERS, t.admin(), "{\"name\": ");
        assertProblem(malformed, 400, "request.malformed");
        assertEquals(0, list(t.admin(), "").getJsonArray("items").size(), "nothing was created");
    }

    @Test
    void gradesAreTheTenantsOwn() {
        Tenant t = TestTenants.provision(api, "cus-grd");
        Reply set = api.put("/api/v1/settings/customer.grades", t.admin(), "{\"value\":\"GOLD,SILVER,BRONZE\"}");
        assertEquals(200, set.status(), set::toString);
        assertEquals("VIP,A,B,C", settingOf(TestTenants.provision(api, "cus-grd2")), "another tenant keeps the default");

        Reply gold = api.post(CUSTOMERS, t.admin(), "{\"name\":\"Gold One\",\"grade\":\"gold\"}");
        assertEquals(201, gold.status(), gold::toString);
        assertEquals("GOLD", gold.string("grade"));
        Reply vip = api.post(CUSTOMERS, t.admin(), "{\"name\":\"VIP One\",\"grade\":\"VIP\"}");
        assertProblem(vip, 400, "input.invalid");
        assertEquals(Map.of("grade", "customer.grade.unknown"), errors(vip));

        Reply badList = api.put("/api/v1/settings/customer.grades", t.admin(), "{\"value\":\"GOLD,gold\"}");
        assertProblem(badList, 400, "input.invalid");

        // Dropping a code leaves customers that have it alone; they can be sent back unchanged.
        assertEquals(200, api.put("/api/v1/settings/customer.grades", t.admin(), "{\"value\":\"PLATINUM,SILVER\"}").status());
        JsonObject g = gold.json();
        Reply renamed = patch(t.admin(), g.getString("id"), "{\"version\":" + version(g) + ",\"name\":\"Gold Renamed\",\"grade\":\"GOLD\"}");
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals("GOLD", renamed.string("grade"));
        assertEquals(1, list(t.admin(), "?grade=GOLD").getJsonArray("items").size(), "filter by a dropped code still works");
        Reply toDropped = patch(t.admin(), g.getString("id"), "{\"version\":" + version(renamed.json()) + ",\"grade\":\"BRONZE\"}");
        assertEquals(Map.of("grade", "customer.grade.unknown"), errors(toDropped));
    }

    @Test
    void listsFilterAndPageInAStableOrder() {
        Tenant t = TestTenants.provision(api, "cus-lst");
        Credentials admin = t.admin();
        List<String> ids = new ArrayList<>();
        ids.add(create(admin, "{\"name\":\"Li Wei\",\"grade\":\"VIP\",\"status\":\"CURRENT\",\"externalId\":\"CRM-100\"}"));
        ids.add(create(admin, "{\"name\":\"王芳\",\"grade\":\"A\",\"status\":\"PROSPECT\",\"externalId\":\"crm-200\"}"));
        ids.add(create(admin, "{\"name\":\"Acme 100% Trading\",\"type\":\"ENTERPRISE\",\"grade\":\"A\",\"status\":\"FORMER\"}"));
        ids.add(create(admin, "{\"name\":\"LI LEI\",\"grade\":\"B\",\"status\":\"CURRENT\"}"));
        ids.add(create(admin, "{\"name\":\"Ｌｉ Ｎａ\",\"grade\":\"C\",\"status\":\"CURRENT\"}"));
        for (int i = 0; i < 6; i++) {
            ids.add(create(admin, "{\"name\":\"Bulk " + i + "\"}"));
        }

        assertEquals(Set.of("Li Wei", "LI LEI", "Ｌｉ Ｎａ"), names(list(admin, "?q=li")), "case- and width-insensitive");
        assertEquals(Set.of("Li Wei", "王芳"), names(list(admin, "?q=CRM")), "the external id, case-insensitive");
        assertEquals(Set.of("王芳"), names(list(admin, "?q=" + enc("王"))));
        assertEquals(Set.of("Acme 100% Trading"), names(list(admin, "?q=" + enc("0%"))), "% is a character, not a wildcard");
        assertEquals(Set.of(), names(list(admin, "?q=" + enc("_"))), "_ is a character, not a wildcard");
        assertEquals(Set.of("王芳", "Acme 100% Trading"), names(list(admin, "?grade=a")));
        assertEquals(Set.of("Acme 100% Trading"), names(list(admin, "?type=ENTERPRISE")));
        assertEquals(Set.of("Li Wei"), names(list(admin, "?q=li&status=CURRENT&type=INDIVIDUAL&grade=VIP")), "filters combine");
        assertEquals(Set.of("LI LEI"), names(list(admin, "?q=l&status=CURRENT&grade=B")));

        // Pages of 3 (oldest first) give every customer exactly once; the last page has no cursor.
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonObject page = list(admin, "?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            page.getJsonArray("items").forEach(v -> seen.add(v.asJsonObject().getString("id")));
            assertTrue(page.containsKey("nextCursor"), page::toString);
            cursor = page.isNull("nextCursor") ? null : page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(ids, seen, "creation order, no gaps, no repeats");
        assertEquals(4, pages);
        JsonObject all = list(admin, "");
        assertEquals(ids, idsOf(all), "the default limit (50) covers all 11");
        assertTrue(all.isNull("nextCursor"), all::toString);

        JsonObject filteredPage = list(admin, "?grade=A&limit=1");
        assertEquals(List.of(ids.get(1)), idsOf(filteredPage));
        assertEquals(List.of(ids.get(2)), idsOf(list(admin, "?grade=A&limit=1&cursor=" + filteredPage.getString("nextCursor"))));

        Reply bad = api.get(CUSTOMERS + "?limit=0&cursor=abc&status=GONE", admin, "Accept-Language", "en");
        assertProblem(bad, 400, "input.invalid");
        assertEquals(Map.of("limit", "customer.limit.invalid", "cursor", "customer.cursor.invalid", "status", "customer.choice.unknown"),
                errors(bad));
        assertProblem(api.get(CUSTOMERS + "?limit=201", admin), 400, "input.invalid");
        assertProblem(api.get(CUSTOMERS + "?limit=ten", admin), 400, "input.invalid");
    }

    @Test
    void changesNeedTheCurrentVersionAndAreAudited() throws Exception {
        Tenant t = TestTenants.provision(api, "cus-ver");
        JsonObject c = api.post(CUSTOMERS, t.admin(), liWei("CRM-1").toString()).json();
        String id = c.getString("id");
        long v0 = version(c);

        Reply changed = patch(t.admin(), id, "{\"version\":" + v0 + ",\"status\":\"FORMER\",\"grade\":null,\"externalId\":\"CRM-2\"}");
        assertEquals(200, changed.status(), changed::toString);
        assertEquals("FORMER", changed.string("status"));
        assertTrue(changed.json().isNull("grade"), "null clears the grade");
        assertEquals("CRM-2", changed.string("externalId"));
        assertEquals("李伟", changed.string("name"), "absent: left alone");
        long v1 = version(changed.json());
        assertTrue(v1 > v0, changed::toString);
        assertEquals("138****5678", values(changed.json()).get("PHONE"), "contacts stay masked");

        Reply stale = patch(t.admin(), id, "{\"version\":" + v0 + ",\"name\":\"Overwrite\"}", "Accept-Language", "en");
        assertProblem(stale, 409, "customer.version.conflict");
        assertTrue(stale.string("detail").contains("version " + v1), stale::toString);
        assertEquals("李伟", get(t.admin(), id).getString("name"), "the stale change was not applied");

        assertEquals(Map.of("version", "field.required"), errors(patch(t.admin(), id, "{\"name\":\"x\"}")));
        assertEquals(Map.of("type", "customer.patch.unsupported", "contacts", "customer.patch.unsupported"),
                errors(patch(t.admin(), id, "{\"version\":" + v1 + ",\"type\":\"ENTERPRISE\",\"contacts\":[]}")));
        assertEquals(Map.of("name", "field.required"), errors(patch(t.admin(), id, "{\"version\":" + v1 + ",\"name\":null}")));

        String other = create(t.admin(), "{\"name\":\"Other\",\"externalId\":\"CRM-9\"}");
        assertProblem(patch(t.admin(), id, "{\"version\":" + v1 + ",\"externalId\":\"CRM-9\"}"), 409, "customer.external-id.taken");
        assertProblem(api.post(CUSTOMERS, t.admin(), "{\"name\":\"Dup\",\"externalId\":\"CRM-2\"}"), 409, "customer.external-id.taken");
        assertNotEquals(id, other);

        Reply same = patch(t.admin(), id, "{\"version\":" + v1 + ",\"status\":\"FORMER\"}");
        assertEquals(v1, version(same.json()), "changing nothing is not a new version");

        JsonArray trail = audit(t, id);
        List<String> actions = trail.stream().map(e -> e.asJsonObject().getString("action")).toList();
        assertEquals(List.of("customer.updated", "customer.created"), actions, trail::toString);
        JsonObject update = trail.getJsonObject(0);
        assertEquals(t.code() + "/admin", update.getString("actor"));
        JsonObject before = parse(update.getString("before"));
        JsonObject after = parse(update.getString("after"));
        assertEquals(Set.of("grade", "status", "externalId"), before.keySet(), update::toString);
        assertEquals("CURRENT", before.getString("status"));
        assertEquals("FORMER", after.getString("status"));
        assertEquals("VIP", before.getString("grade"));
        assertTrue(after.isNull("grade"));
        JsonObject creation = parse(trail.getJsonObject(1).getString("after"));
        assertEquals("李**", creation.getString("name"), "a person's name is masked in the log, which outlives an erasure");
        assertEquals(4, creation.getJsonArray("contacts").size());
        assertNoPersonalData(trail.toString());

        // Several people send a change on the same version at the same moment: one wins, the
        // others are told (409), nobody's change is silently lost, nothing fails.
        long v2 = version(get(t.admin(), id));
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Reply>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "Racer " + i;
            racers.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return patch(t.admin(), id, "{\"version\":" + v2 + ",\"name\":\"" + name + "\"}");
            }, RACE));
        }
        start.countDown();
        List<Reply> replies = new ArrayList<>();
        for (CompletableFuture<Reply> f : racers) {
            replies.add(f.get(120, TimeUnit.SECONDS));
        }
        List<Reply> won = replies.stream().filter(r -> r.status() == 200).toList();
        assertEquals(1, won.size(), replies::toString);
        for (Reply r : replies) {
            if (r.status() != 200) {
                assertEquals(409, r.status(), r::toString);
                assertTrue(Set.of("customer.version.conflict", "customer.busy").contains(r.string("code")), r::toString);
            }
        }
        JsonObject now = get(t.admin(), id);
        assertEquals(won.get(0).string("name"), now.getString("name"));
        assertEquals(version(won.get(0).json()), version(now));
        assertEquals(2, actions(audit(t, id)).stream().filter("customer.updated"::equals).count(), "one more change, not eight");
    }

    @Test
    void contactsAreAddedAndDeletedOneByOne() {
        Tenant t = TestTenants.provision(api, "cus-cnt");
        String id = create(t.admin(), "{\"name\":\"张三\",\"contacts\":[{\"kind\":\"PHONE\",\"value\":\"13900001111\",\"label\":\"手机\"}]}");
        long version = version(get(t.admin(), id));

        Reply added = api.post(CUSTOMERS + "/" + id + "/contacts", t.admin(),
                "{\"kind\":\"PHONE\",\"value\":\"+86 139 0000 2222\",\"label\":\"办公\",\"primary\":true}");
        assertEquals(201, added.status(), added::toString);
        String second = added.string("id");
        assertEquals(CUSTOMERS + "/" + id + "/contacts/" + second, URI.create(added.header("Location").orElseThrow()).getPath());
        assertEquals("+861****2222", added.string("value"));
        assertTrue(added.json().getBoolean("primary"));

        JsonObject c = get(t.admin(), id);
        assertEquals(version, version(c), "contacts do not change the customer's version");
        List<JsonObject> phones = contacts(c, "PHONE");
        assertEquals(List.of(second), phones.stream().filter(p -> p.getBoolean("primary")).map(p -> p.getString("id")).toList(),
                "one primary per kind: the new one");

        Reply passport = api.post(CUSTOMERS + "/" + id + "/contacts", t.admin(),
                "{\"kind\":\"ID_NUMBER\",\"documentType\":\"PASSPORT\",\"value\":\"E12345678\"}");
        assertEquals(201, passport.status(), passport::toString);
        assertEquals("E12**5678", passport.string("value"));
        assertEquals("PASSPORT", passport.string("documentType"));
        assertTrue(passport.json().getBoolean("primary"), "the first of its kind");

        assertProblem(api.post(CUSTOMERS + "/" + id + "/contacts", t.admin(), "{\"kind\":\"PHONE\",\"value\":\"139-0000-1111\"}"),
                409, "customer.contact.duplicate");
        Reply invalid = api.post(CUSTOMERS + "/" + id + "/contacts", t.admin(), "{\"kind\":\"ID_NUMBER\",\"value\":\"123\"}");
        assertEquals(Map.of("value", "customer.contact.id-number.invalid"), errors(invalid));

        Reply deleted = api.send("DELETE", CUSTOMERS + "/" + id + "/contacts/" + second, t.admin(), null);
        assertEquals(204, deleted.status(), deleted::toString);
        assertProblem(api.send("DELETE", CUSTOMERS + "/" + id + "/contacts/" + second, t.admin(), null), 404, "customer.contact.not-found");
        List<JsonObject> left = contacts(get(t.admin(), id), "PHONE");
        assertEquals(1, left.size());
        assertTrue(left.get(0).getBoolean("primary"), "the remaining phone becomes primary");

        JsonArray trail = audit(t, id);
        List<String> actions = trail.stream().map(e -> e.asJsonObject().getString("action")).toList();
        assertEquals(List.of("customer.contact.removed", "customer.contact.added", "customer.contact.added", "customer.created"), actions);
        assertTrue(trail.getJsonObject(0).getString("before").contains("+861****2222"), trail::toString);
        assertFalse(trail.toString().contains("0000 2222") || trail.toString().contains("13900001111"), trail::toString);
        assertFalse(trail.toString().contains("E12345678"), trail::toString);
    }

    @Test
    void contactsAreMaskedPerRoleAndEveryRevealIsAudited() {
        Tenant t = TestTenants.provision(api, "cus-msk");
        Credentials agent = user(t, "agent1", "AGENT");
        Credentials supervisor = user(t, "super1", "SUPERVISOR");
        String id = create(agent, liWeiWithoutGrade().toString());

        JsonObject seenByAgent = get(agent, id);
        assertEquals("138****5678", values(seenByAgent).get("PHONE"));
        Reply agentReveal = api.get(CUSTOMERS + "/" + id + "?reveal=true", agent, "Accept-Language", "en");
        assertProblem(agentReveal, 403, "customer.reveal.forbidden");
        assertNoPersonalData(agentReveal.body());
        assertEquals(List.of("customer.created"), actions(audit(t, id)), "a refused reveal reads nothing");

        assertEquals(Map.of("PHONE", "138****5678", "EMAIL", "l*****@example.com", "ID_NUMBER", "110***********002X",
                "ADDRESS", "北京市朝阳区****"), values(get(supervisor, id)), "masked by default for supervisors too");
        assertEquals(List.of("customer.created"), actions(audit(t, id)), "a masked read is not audited");

        Reply revealed = api.get(CUSTOMERS + "/" + id + "?reveal=true", supervisor);
        assertEquals(200, revealed.status(), revealed::toString);
        assertEquals(Map.of("PHONE", PHONE, "EMAIL", EMAIL, "ID_NUMBER", ID_NUMBER, "ADDRESS", ADDRESS), values(revealed.json()));
        assertEquals("no-store", revealed.header("Cache-Control").orElse(""), revealed::toString);
        Reply byAdmin = api.get(CUSTOMERS + "/" + id + "?reveal=TRUE", t.admin());
        assertEquals(PHONE, values(byAdmin.json()).get("PHONE"));

        JsonArray trail = audit(t, id);
        assertEquals(List.of("personal-data.read", "personal-data.read", "customer.created"), actions(trail));
        JsonObject adminRead = trail.getJsonObject(0);
        JsonObject supervisorRead = trail.getJsonObject(1);
        assertEquals(t.code() + "/admin", adminRead.getString("actor"));
        assertEquals(t.code() + "/super1", supervisorRead.getString("actor"));
        assertEquals(Json.createArrayBuilder().add("ADDRESS").add("EMAIL").add("ID_NUMBER").add("PHONE").build(),
                parse(supervisorRead.getString("after")).getJsonArray("fields"));
        assertNoPersonalData(trail.toString());

        // Lists never reveal; agents keep editing what they may.
        JsonObject listed = list(supervisor, "?reveal=true").getJsonArray("items").getJsonObject(0);
        assertEquals("138****5678", values(listed).get("PHONE"));
        assertEquals(3, audit(t, id).size(), "a list is not a reveal");
        assertProblem(api.get(CUSTOMERS + "/" + id + "?reveal=maybe", supervisor), 400, "input.invalid");
        assertProblem(api.get("/api/v1/audit?subjectType=customer&subjectId=" + id, agent), 403, "auth.forbidden");
    }

    @Test
    void agentsWorkWithCustomersButDoNotGradeThem() {
        Tenant t = TestTenants.provision(api, "cus-agt");
        Credentials agent = user(t, "agent1", "AGENT");
        assertProblem(api.post(CUSTOMERS, agent, "{\"name\":\"Graded\",\"grade\":\"VIP\"}"), 403, "customer.grade.forbidden");

        JsonObject c = api.post(CUSTOMERS, agent, "{\"name\":\"Walk-in\",\"status\":\"PROSPECT\"}").json();
        Reply renamed = patch(agent, c.getString("id"), "{\"version\":" + version(c) + ",\"name\":\"Walk-in Chen\",\"status\":\"CURRENT\",\"grade\":null}");
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals("Walk-in Chen", renamed.string("name"));
        assertProblem(patch(agent, c.getString("id"), "{\"version\":" + version(renamed.json()) + ",\"grade\":\"A\"}"),
                403, "customer.grade.forbidden");
        Reply graded = patch(t.admin(), c.getString("id"), "{\"version\":" + version(renamed.json()) + ",\"grade\":\"A\"}");
        assertEquals("A", graded.string("grade"), graded::toString);
        Reply sentBack = patch(agent, c.getString("id"), "{\"version\":" + version(graded.json()) + ",\"grade\":\"A\",\"name\":\"Chen\"}");
        assertEquals(200, sentBack.status(), "an agent may send the grade back unchanged: " + sentBack);

        Reply contact = api.post(CUSTOMERS + "/" + c.getString("id") + "/contacts", agent, "{\"kind\":\"EMAIL\",\"value\":\"chen@example.cn\"}");
        assertEquals(201, contact.status(), contact::toString);
        assertEquals(204, api.send("DELETE", CUSTOMERS + "/" + c.getString("id") + "/contacts/" + contact.string("id"), agent, null).status());
        assertEquals(401, api.get(CUSTOMERS, null).status());
    }

    @Test
    void erasureForgetsThePersonButKeepsTheCustomer() throws SQLException {
        Tenant t = TestTenants.provision(api, "cus-era");
        Credentials supervisor = user(t, "super1", "SUPERVISOR");
        Credentials agent = user(t, "agent1", "AGENT");
        String name = "欧阳娜娜";
        JsonObject body = Json.createObjectBuilder(liWei("CRM-ERASE")).add("name", name).build();
        String id = create(t.admin(), body.toString());
        api.get(CUSTOMERS + "/" + id + "?reveal=true", supervisor);

        assertProblem(api.post(CUSTOMERS + "/" + id + "/erasure", supervisor, null), 403, "auth.forbidden");
        assertProblem(api.post(CUSTOMERS + "/" + id + "/erasure", agent, null), 403, "auth.forbidden");

        Reply erased = api.post(CUSTOMERS + "/" + id + "/erasure", t.admin(), null, "Accept-Language", "en");
        assertEquals(200, erased.status(), erased::toString);
        assertTrue(erased.json().getBoolean("erased"));
        assertEquals("Erased customer", erased.string("name"));
        assertTrue(erased.json().isNull("externalId"));
        assertEquals(0, erased.json().getJsonArray("contacts").size());
        assertEquals("VIP", erased.string("grade"), "what is not personal stays");

        Reply zh = api.get(CUSTOMERS + "/" + id + "?reveal=true", t.admin(), "Accept-Language", "zh-CN");
        assertEquals(200, zh.status(), "still referencable: " + zh);
        assertEquals("已删除客户", zh.string("name"));
        assertEquals(0, zh.json().getJsonArray("contacts").size());

        long version = version(erased.json());
        assertProblem(patch(t.admin(), id, "{\"version\":" + version + ",\"name\":\"Back\"}"), 409, "customer.erased");
        assertProblem(api.post(CUSTOMERS + "/" + id + "/contacts", t.admin(), "{\"kind\":\"PHONE\",\"value\":\"" + PHONE + "\"}"),
                409, "customer.erased");
        Reply again = api.post(CUSTOMERS + "/" + id + "/erasure", t.admin(), null);
        assertEquals(200, again.status(), "erasing twice changes nothing: " + again);

        assertEquals(Set.of(), names(list(t.admin(), "?q=" + enc("欧阳"))), "the old name is not found any more");
        assertEquals(Set.of(), names(list(t.admin(), "?q=CRM-ERASE")));
        assertEquals(201, api.post(CUSTOMERS, t.admin(), "{\"name\":\"New\",\"externalId\":\"CRM-ERASE\"}").status(),
                "the external id is free again");

        JsonArray trail = audit(t, id);
        assertEquals(List.of("customer.erased", "personal-data.read", "customer.created"), actions(trail));
        JsonObject erasure = trail.getJsonObject(0);
        assertEquals(t.code() + "/admin", erasure.getString("actor"));
        assertEquals(4, parse(erasure.getString("before")).getInt("contacts"));
        assertNoPersonalData(trail.toString());
        assertFalse(trail.toString().contains(name) || trail.toString().contains("CRM-ERASE"), trail::toString);

        // In the database itself; only on PostgreSQL: the server keeps the H2 file locked.
        if (!ItEnvironment.onPostgres()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(ItEnvironment.jdbcUrl())) {
            assertEquals(List.of(), column(c, "select contact_value from " + t.schema() + ".customer_contact where customer_id = ?", id));
            assertEquals(List.of(Map.of("name", "已删除客户 / Erased customer", "name_search", "", "external_id", "null")),
                    rows(c, "select name, name_search, external_id from " + t.schema() + ".customer where id = ?", id));
            String everything = String.join("\n", column(c, "select coalesce(before_state, '') || coalesce(after_state, '') from "
                    + t.schema() + ".audit_event where subject_id = ?", id));
            assertFalse(everything.contains(name) || everything.contains(PHONE) || everything.contains(ID_NUMBER), everything);
        }
    }

    @Test
    void anotherTenantsCustomersAreOutOfReachOnEveryEndpoint() {
        Tenant a = TestTenants.provision(api, "cus-iso-a");
        Tenant b = TestTenants.provision(api, "cus-iso-b");
        JsonObject created = api.post(CUSTOMERS, a.admin(), liWei("CRM-A").toString()).json();
        String id = created.getString("id");
        String contactId = contact(created, "PHONE").getString("id");
        String path = CUSTOMERS + "/" + id;
        create(b.admin(), "{\"name\":\"Beta's own\"}");

        assertProblem(api.get(path, b.admin()), 404, "customer.not-found");
        assertProblem(api.get(path + "?reveal=true", b.admin()), 404, "customer.not-found");
        assertProblem(patch(b.admin(), id, "{\"version\":" + version(created) + ",\"name\":\"Taken over\"}"), 404, "customer.not-found");
        assertProblem(api.post(path + "/contacts", b.admin(), "{\"kind\":\"PHONE\",\"value\":\"13700000000\"}"), 404, "customer.not-found");
        assertProblem(api.send("DELETE", path + "/contacts/" + contactId, b.admin(), null), 404, "customer.not-found");
        assertProblem(api.post(path + "/erasure", b.admin(), null), 404, "customer.not-found");
        assertProblem(api.get(CUSTOMERS + "/not-a-uuid", b.admin()), 404, "customer.not-found");

        assertEquals(Set.of("Beta's own"), names(list(b.admin(), "")), "B lists only its own");
        assertEquals(Set.of(), names(list(b.admin(), "?q=" + enc("李"))));
        assertEquals(Set.of(), names(list(b.admin(), "?q=CRM-A")));
        assertEquals(Set.of(), names(list(b.admin(), "?grade=VIP")));
        // A cursor made in A's list opens nothing of A's in B.
        create(a.admin(), "{\"name\":\"Second A\"}");
        String cursorOfA = list(a.admin(), "?limit=1").getString("nextCursor");
        assertEquals(Set.of("Beta's own"), names(list(b.admin(), "?cursor=" + cursorOfA)));
        assertEquals("[]", api.get("/api/v1/audit?subjectType=customer&subjectId=" + id, b.admin()).body().strip());

        JsonObject untouched = get(a.admin(), id);
        assertEquals("李伟", untouched.getString("name"));
        assertEquals(version(created), version(untouched));
        assertEquals(4, untouched.getJsonArray("contacts").size());
        assertFalse(untouched.getBoolean("erased"));
    }

    @Test
    void theApiDescriptionListsEveryCustomerEndpoint() {
        JsonObject paths = api.send("GET", "/openapi", null, null, "Accept", "application/json").json().getJsonObject("paths");
        assertEquals(Set.of("get", "post"), paths.getJsonObject(CUSTOMERS).keySet());
        assertEquals(Set.of("get", "patch"), paths.getJsonObject(CUSTOMERS + "/{id}").keySet());
        assertEquals(Set.of("post"), paths.getJsonObject(CUSTOMERS + "/{id}/contacts").keySet());
        assertEquals(Set.of("delete"), paths.getJsonObject(CUSTOMERS + "/{id}/contacts/{contactId}").keySet());
        assertEquals(Set.of("post"), paths.getJsonObject(CUSTOMERS + "/{id}/erasure").keySet());
    }

    // ---------------------------------------------------------------------------------------

    private static JsonObject liWei(String externalId) {
        return Json.createObjectBuilder(liWeiWithoutGrade()).add("grade", "VIP").add("externalId", externalId).build();
    }

    private static JsonObject liWeiWithoutGrade() {
        return Json.createObjectBuilder()
                .add("type", "INDIVIDUAL")
                .add("name", "李伟")
                .add("status", "CURRENT")
                .add("contacts", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("kind", "PHONE").add("value", PHONE).add("label", "手机"))
                        .add(Json.createObjectBuilder().add("kind", "EMAIL").add("value", EMAIL))
                        .add(Json.createObjectBuilder().add("kind", "ID_NUMBER").add("value", ID_NUMBER).add("label", "身份证"))
                        .add(Json.createObjectBuilder().add("kind", "ADDRESS").add("value", ADDRESS)))
                .build();
    }

    private static String create(Credentials who, String json) {
        Reply r = api.post(CUSTOMERS, who, json);
        assertEquals(201, r.status(), r::toString);
        return r.string("id");
    }

    private static JsonObject get(Credentials who, String id) {
        Reply r = api.get(CUSTOMERS + "/" + id, who);
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    private static Reply patch(Credentials who, String id, String json, String... headers) {
        return api.send("PATCH", CUSTOMERS + "/" + id, who, json, headers);
    }

    private static JsonObject list(Credentials who, String query) {
        Reply r = api.get(CUSTOMERS + query, who);
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    private static Set<String> names(JsonObject page) {
        return page.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("name")).collect(Collectors.toSet());
    }

    private static List<String> idsOf(JsonObject page) {
        return page.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("id")).toList();
    }

    private static long version(JsonObject c) {
        return c.getJsonNumber("version").longValue();
    }

    private static Map<String, String> values(JsonObject customer) {
        return customer.getJsonArray("contacts").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(k -> k.getString("kind"), k -> k.getString("value"), (x, y) -> x + "|" + y, TreeMap::new));
    }

    private static JsonObject contact(JsonObject customer, String kind) {
        return contacts(customer, kind).get(0);
    }

    private static List<JsonObject> contacts(JsonObject customer, String kind) {
        return customer.getJsonArray("contacts").stream().map(JsonValue::asJsonObject)
                .filter(k -> k.getString("kind").equals(kind)).toList();
    }

    private static Credentials user(Tenant t, String username, String role) {
        return TestTenants.user(api, t, username, role);
    }

    private static String settingOf(Tenant t) {
        return api.get("/api/v1/settings", t.admin()).json().getString("customer.grades");
    }

    private static JsonArray audit(Tenant t, String id) {
        Reply r = api.get("/api/v1/audit?subjectType=customer&subjectId=" + id, t.admin());
        assertEquals(200, r.status(), r::toString);
        return r.jsonArray();
    }

    private static List<String> actions(JsonArray trail) {
        return trail.stream().map(e -> e.asJsonObject().getString("action")).toList();
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new java.io.StringReader(json)).readObject();
    }

    /** None of the test's contact values in clear. */
    private static void assertNoPersonalData(String text) {
        for (String value : new String[] {PHONE, EMAIL, ID_NUMBER, ADDRESS, "李伟"}) {
            assertFalse(text.contains(value), () -> value + " in " + text);
        }
    }


    private static Map<String, String> errors(Reply r) {
        assertEquals(400, r.status(), r::toString);
        return r.json().getJsonArray("errors").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(e -> e.getString("field"), e -> e.getString("code")));
    }

    private static String message(Reply r, String field) {
        return r.json().getJsonArray("errors").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("field").equals(field)).map(e -> e.getString("message")).findFirst().orElseThrow();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> column(Connection c, String sql, String param) throws SQLException {
        return rows(c, sql, param).stream().map(r -> r.values().iterator().next()).toList();
    }

    private static List<Map<String, String>> rows(Connection c, String sql, String param) throws SQLException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, param);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> row = new java.util.LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), String.valueOf(rs.getString(i)));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
