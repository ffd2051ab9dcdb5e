package io.kefu.ui.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonArray;
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
 * Tenant API tokens: issued once to an admin, Bearer selects the token's tenant, revocable, and
 * never a way into another tenant. Runs on H2 and on PostgreSQL (ui/pom.xml).
 */
@ExtendWith(ArquillianExtension.class)
class ApiTokensIT {

    private static final String TOKENS = "/api/v1/auth/tokens";
    private static final String TOKEN_FORMAT = "kefu_[A-Za-z0-9_-]{43}";
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
    void anAdminIssuesATokenThatIsShownOnceAndActsInItsTenant() {
        Tenant a = TestTenants.provision(api, "tok-a");
        Reply issued = issue(a, "WeChat channel");
        assertEquals(201, issued.status(), issued::toString);
        String token = issued.string("token");
        String id = issued.string("id");
        assertTrue(token.matches(TOKEN_FORMAT), issued::toString);
        assertEquals("WeChat channel", issued.string("name"));
        assertEquals(token.substring(0, 8), issued.string("prefix"));
        OffsetDateTime.parse(issued.string("createdAt"));
        URI location = URI.create(issued.header("Location").orElseThrow(() -> new AssertionError("no Location: " + issued)));
        assertEquals(TOKENS + "/" + id, location.getPath());

        Reply me = api.get("/api/v1/me", Credentials.bearer(token));
        assertEquals(200, me.status(), me::toString);
        assertEquals(a.code(), me.string("tenant"), "the token alone selects the tenant");
        assertEquals("admin", me.string("username"));
        assertEquals("TENANT_ADMIN", me.string("role"));

        putSetting(a.admin(), "display.name", "Alpha " + a.code());
        Reply settings = api.get("/api/v1/settings", Credentials.bearer(token));
        assertEquals(200, settings.status(), settings::toString);
        assertEquals("Alpha " + a.code(), settings.string("display.name"));
        // The token acts as its admin: it may change what the admin may change, recorded under the admin.
        putSetting(Credentials.bearer(token), "ticket.number.prefix", "AT");
        JsonObject change = trail(a.admin(), "setting", "ticket.number.prefix").getJsonObject(0);
        assertEquals(a.code() + "/admin", change.getString("actor"));

        // Listed and fetched without the secret, by Basic and by Bearer alike.
        for (Credentials who : List.of(a.admin(), Credentials.bearer(token))) {
            Reply list = api.get(TOKENS, who);
            assertEquals(200, list.status(), list::toString);
            assertNoSecret(list, token);
            JsonArray all = list.jsonArray();
            assertEquals(1, all.size(), list::toString);
            JsonObject view = all.getJsonObject(0);
            assertEquals(id, view.getString("id"));
            assertEquals("WeChat channel", view.getString("name"));
            assertEquals(token.substring(0, 8), view.getString("prefix"));
            assertEquals("admin", view.getString("username"));
            assertEquals(OffsetDateTime.parse(issued.string("createdAt")).toInstant(),
                    OffsetDateTime.parse(view.getString("createdAt")).toInstant(), "the issue answer and the list agree");
            assertFalse(view.containsKey("token"), list::toString);
            assertFalse(view.isNull("lastUsedAt"), "used above: " + list);
            assertTrue(view.isNull("revokedAt"), list::toString);
        }
        Reply one = api.get(location.getPath(), a.admin());
        assertEquals(200, one.status(), one::toString);
        assertEquals(id, one.string("id"));
        assertNoSecret(one, token);

        JsonArray audit = trail(a.admin(), "api-token", id);
        assertEquals(1, audit.size(), audit::toString);
        assertEquals("token.created", audit.getJsonObject(0).getString("action"));
        assertEquals(a.code() + "/admin", audit.getJsonObject(0).getString("actor"), "recorded under the admin who issued it");
        assertFalse(audit.toString().contains(token.substring(8)), "the audit log must not hold the secret: " + audit);
    }

    @Test
    void useIsNotedButAtMostOnceAMinute() {
        Tenant a = TestTenants.provision(api, "tok-use");
        String token = issue(a, "Web form").string("token");
        assertTrue(view(a.admin(), 0).isNull("lastUsedAt"), "never used yet");

        assertEquals(200, api.get("/api/v1/me", Credentials.bearer(token)).status());
        String first = view(a.admin(), 0).getString("lastUsedAt");
        assertEquals(200, api.get("/api/v1/me", Credentials.bearer(token)).status());
        assertEquals(200, api.get("/api/v1/settings", Credentials.bearer(token)).status());
        assertEquals(first, view(a.admin(), 0).getString("lastUsedAt"), "no write per request within the minute");
    }

    @Test
    void wrongCredentialsReadTheSameAndInvalidFieldsAreListedTogether() {
        Tenant a = TestTenants.provision(api, "tok-cr");
        Reply wrongPassword = api.post(TOKENS, null, body(a.code(), "admin", a.adminPassword() + "x", "n"));
        Reply unknownUser = api.post(TOKENS, null, body(a.code(), "nobody", a.adminPassword(), "n"));
        Reply unknownTenant = api.post(TOKENS, null, body(TestTenants.uniqueCode("tok-none"), "admin", a.adminPassword(), "n"));
        for (Reply r : List.of(wrongPassword, unknownUser, unknownTenant)) {
            assertUnauthorized(r, "Basic");
            assertEquals(wrongPassword.string("detail"), r.string("detail"), "the same message whatever was wrong");
        }

        Reply empty = api.post(TOKENS, null, "{}");
        assertEquals(400, empty.status(), empty::toString);
        assertTrue(empty.contentType().startsWith("application/problem+json"), empty::toString);
        Set<String> fields = empty.json().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")).collect(Collectors.toSet());
        assertEquals(Set.of("tenant", "username", "password", "name"), fields, empty::toString);

        Reply longName = api.post(TOKENS, null, body(a.code(), "admin", a.adminPassword(), "x".repeat(101)));
        assertEquals(400, longName.status(), longName::toString);
        assertEquals("name", longName.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("token.name.invalid", longName.json().getJsonArray("errors").getJsonObject(0).getString("code"));

        Reply zh = api.post(TOKENS, null, body(a.code(), "admin", a.adminPassword(), "   "), "Accept-Language", "zh-CN");
        assertEquals(400, zh.status(), zh::toString);
        assertTrue(zh.string("detail").contains("必填"), zh::toString);

        assertEquals(400, api.post(TOKENS, null, "{not json").status());
        assertEquals(List.of(), api.get(TOKENS, a.admin()).jsonArray(), "nothing was issued");
    }

    @Test
    void onlyAdminsIssueAndListTokens() {
        Tenant a = TestTenants.provision(api, "tok-ag");
        Reply agent = api.post("/api/v1/users", a.admin(), Json.createObjectBuilder()
                .add("username", "li.agent").add("password", "agent-pw-123").add("role", "AGENT")
                .add("displayName", "Li").add("email", "li@" + a.code() + ".example.com").build().toString());
        assertEquals(201, agent.status(), agent::toString);

        Reply refused = api.post(TOKENS, null, body(a.code(), "li.agent", "agent-pw-123", "mine"));
        assertEquals(403, refused.status(), refused::toString);
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
        assertEquals("token.admin-required", refused.string("code"), refused::toString);

        Credentials agentBasic = Credentials.tenantUser(a.code(), "li.agent", "agent-pw-123");
        assertEquals(403, api.get(TOKENS, agentBasic).status());
        String adminToken = issue(a, "CRM").string("token");
        String id = api.get(TOKENS, a.admin()).jsonArray().getJsonObject(0).getString("id");
        assertEquals(403, api.delete(TOKENS + "/" + id, agentBasic).status());
        assertEquals(200, api.get("/api/v1/me", Credentials.bearer(adminToken)).status(), "the agent revoked nothing");
    }

    @Test
    void unknownMalformedAndRevokedTokensAre401WithABearerChallenge() {
        Tenant a = TestTenants.provision(api, "tok-rv");
        assertUnauthorized(api.get("/api/v1/me", Credentials.bearer(randomToken())), "Bearer");
        assertUnauthorized(api.get("/api/v1/settings", Credentials.bearer("not-a-token")), "Bearer");
        assertUnauthorized(api.get("/api/v1/me", Credentials.bearer("")), "Bearer");
        assertUnauthorized(api.get(TOKENS, Credentials.bearer(randomToken())), "Bearer");
        assertUnauthorized(api.get("/api/v1/me", null), "Basic");

        Reply issued = issue(a, "Robot");
        String token = issued.string("token");
        String id = issued.string("id");
        assertEquals(409, issue(a, "Robot").status(), "a live name is unique in the tenant");
        assertEquals(200, api.get("/api/v1/me", Credentials.bearer(token)).status());

        Reply revoked = api.delete(TOKENS + "/" + id, a.admin());
        assertEquals(204, revoked.status(), revoked::toString);
        assertUnauthorized(api.get("/api/v1/me", Credentials.bearer(token)), "Bearer");
        assertUnauthorized(api.get("/api/v1/settings", Credentials.bearer(token)), "Bearer");
        assertEquals(204, api.delete(TOKENS + "/" + id, a.admin()).status(), "revoking twice is fine");
        assertUnauthorized(api.get("/api/v1/me", Credentials.bearer(token)), "Bearer");

        JsonObject view = view(a.admin(), 0);
        assertEquals(id, view.getString("id"));
        OffsetDateTime.parse(view.getString("revokedAt"));
        JsonArray audit = trail(a.admin(), "api-token", id);
        assertEquals(List.of("token.revoked", "token.created"),
                audit.stream().map(e -> e.asJsonObject().getString("action")).toList(), "one revocation recorded: " + audit);

        Reply again = issue(a, "Robot");
        assertEquals(201, again.status(), () -> "a revoked token's name is free again: " + again);
        assertEquals(200, api.get("/api/v1/me", Credentials.bearer(again.string("token"))).status());
        assertUnauthorized(api.get("/api/v1/me", Credentials.bearer(token)), "Bearer");
        assertEquals(404, api.delete(TOKENS + "/" + java.util.UUID.randomUUID(), a.admin()).status());
    }

    @Test
    void aTokenNeverReachesAnotherTenant() {
        Tenant a = TestTenants.provision(api, "tok-iso-a");
        // Different admin names, so that a user of A's name does not exist in B.
        Tenant b = TestTenants.provision(api, "tok-iso-b", "bob");
        Reply issuedA = issue(a, "Channel");
        Reply issuedB = issue(b, "Channel");
        String tokenA = issuedA.string("token");
        String idA = issuedA.string("id");
        String tokenB = issuedB.string("token");
        putSetting(a.admin(), "display.name", "Alpha " + a.code());
        putSetting(b.admin(), "display.name", "Beta " + b.code());

        // B lists only its own tokens and cannot see, revoke or fetch A's.
        for (Credentials bWho : List.of(b.admin(), Credentials.bearer(tokenB))) {
            Reply listB = api.get(TOKENS, bWho);
            assertEquals(200, listB.status(), listB::toString);
            assertEquals(List.of(issuedB.string("id")),
                    listB.jsonArray().stream().map(v -> v.asJsonObject().getString("id")).toList(), listB::toString);
            Reply revokeA = api.delete(TOKENS + "/" + idA, bWho);
            assertEquals(404, revokeA.status(), revokeA::toString);
            assertEquals("token.not-found", revokeA.string("code"), revokeA::toString);
            assertEquals(404, api.get(TOKENS + "/" + idA, bWho).status());
        }
        assertEquals(200, api.get("/api/v1/me", Credentials.bearer(tokenA)).status(), "B revoked nothing of A");
        assertTrue(view(a.admin(), 0).isNull("revokedAt"));

        // A's token sees A's data only.
        Credentials asA = Credentials.bearer(tokenA);
        assertEquals(a.code(), api.get("/api/v1/me", asA).string("tenant"));
        Reply settingsA = api.get("/api/v1/settings", asA);
        assertEquals("Alpha " + a.code(), settingsA.string("display.name"), settingsA::toString);
        assertFalse(settingsA.body().contains("Beta"), settingsA::toString);
        JsonArray trailA = trail(asA, "setting", "display.name");
        assertEquals(1, trailA.size(), trailA::toString);
        assertEquals(a.code() + "/admin", trailA.getJsonObject(0).getString("actor"));
        assertEquals(List.of(), trail(asA, "api-token", issuedB.string("id")), "B's token audit is not A's to read");
        assertEquals(404, api.get("/api/v1/users/bob", asA).status(), "B's people are not A's");

        // A's token does not open B as a password either, and B's admin cannot use it.
        assertUnauthorized(api.get("/api/v1/me", Credentials.tenantUser(b.code(), "bob", tokenA)), "Basic");
        assertUnauthorized(api.get("/api/v1/me", Credentials.tenantUser(a.code(), "admin", tokenA)), "Basic");
        assertEquals("Beta " + b.code(), api.get("/api/v1/settings", b.admin()).string("display.name"));
    }

    /** A request authenticated for A that carries B's credentials in its body is refused, not mixed. */
    @Test
    void aRequestAuthenticatedForOneTenantCannotIssueForAnother() {
        Tenant a = TestTenants.provision(api, "tok-mix-a");
        Tenant b = TestTenants.provision(api, "tok-mix-b", "bob");
        String tokenA = issue(a, "Channel").string("token");

        for (Credentials asA : List.of(Credentials.bearer(tokenA), a.admin())) {
            Reply crossIssue = api.post(TOKENS, asA, body(b.code(), "bob", b.adminPassword(), "sneaky"));
            assertEquals(400, crossIssue.status(), crossIssue::toString);
            assertEquals("token.caller.mismatch", crossIssue.json().getJsonArray("errors").getJsonObject(0).getString("code"));
        }
        assertEquals(List.of(), api.get(TOKENS, b.admin()).jsonArray(), "nothing issued for B");
        assertEquals(1, api.get(TOKENS, a.admin()).jsonArray().size(), "nothing more issued for A");

        // The same admin in header and body is simply that admin.
        assertEquals(201, api.post(TOKENS, Credentials.bearer(tokenA), body(a.code(), "admin", a.adminPassword(), "Second")).status());
    }

    @Test
    void theApiDocumentDescribesTokensAndTheBearerScheme() {
        JsonObject doc = api.send("GET", "/openapi", null, null, "Accept", "application/json").json();
        JsonObject bearer = doc.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("bearer");
        assertNotNull(bearer, doc::toString);
        assertEquals("http", bearer.getString("type"));
        assertEquals("bearer", bearer.getString("scheme"));
        JsonObject paths = doc.getJsonObject("paths");
        assertTrue(paths.containsKey(TOKENS) && paths.containsKey(TOKENS + "/{id}"), () -> paths.keySet().toString());
        JsonArray meSecurity = paths.getJsonObject("/api/v1/me").getJsonObject("get").getJsonArray("security");
        Set<String> schemes = meSecurity.stream().flatMap(r -> r.asJsonObject().keySet().stream()).collect(Collectors.toSet());
        assertEquals(Set.of("basic", "bearer"), schemes, meSecurity::toString);
    }

    private static Reply issue(Tenant t, String name) {
        return api.post(TOKENS, null, body(t.code(), t.adminUsername(), t.adminPassword(), name));
    }

    private static String body(String tenant, String username, String password, String name) {
        return Json.createObjectBuilder().add("tenant", tenant).add("username", username).add("password", password)
                .add("name", name).build().toString();
    }

    private static JsonObject view(Credentials admin, int index) {
        Reply r = api.get(TOKENS, admin);
        assertEquals(200, r.status(), r::toString);
        return r.jsonArray().getJsonObject(index);
    }

    private static void putSetting(Credentials who, String key, String value) {
        Reply r = api.put("/api/v1/settings/" + key, who, Json.createObjectBuilder().add("value", value).build().toString());
        assertEquals(200, r.status(), r::toString);
    }

    private static JsonArray trail(Credentials who, String subjectType, String subjectId) {
        Reply r = api.get("/api/v1/audit?subjectType=" + subjectType + "&subjectId=" + subjectId, who);
        assertEquals(200, r.status(), r::toString);
        return r.jsonArray();
    }

    private static void assertNoSecret(Reply r, String token) {
        assertFalse(r.body().contains(token.substring(8)), () -> "secret shown again: " + r);
    }

    private static void assertUnauthorized(Reply r, String scheme) {
        assertEquals(401, r.status(), r::toString);
        assertTrue(r.contentType().startsWith("application/problem+json"), r::toString);
        assertEquals("auth.required", r.string("code"), r::toString);
        assertTrue(r.header("WWW-Authenticate").orElse("").startsWith(scheme), r::toString);
    }

    /** Well-formed but never issued. */
    private static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return "kefu_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
