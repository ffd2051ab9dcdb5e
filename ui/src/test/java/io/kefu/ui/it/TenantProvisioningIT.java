package io.kefu.ui.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

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

/** The operator API that creates tenants, and the shape of its refusals. */
@ExtendWith(ArquillianExtension.class)
class TenantProvisioningIT {

    private static final String TENANTS = "/api/v1/tenants";
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
    void provisionedTenantIsCreatedAndActive() {
        String code = TestTenants.uniqueCode("prov");
        Reply created = api.post(TENANTS, Credentials.operator(),
                TestTenants.body(code, "顺丰速运 " + code, "express", "admin", "Secret-2026", "admin@" + code + ".example.com"));

        assertEquals(201, created.status(), created::toString);
        URI location = URI.create(created.header("Location").orElseThrow(() -> new AssertionError("no Location: " + created)));
        assertEquals("/api/v1/tenants/" + code, location.getPath(), created::toString);
        assertEquals(code, created.string("code"));
        assertEquals("顺丰速运 " + code, created.string("name"));
        assertEquals("express", created.string("industry"));
        assertEquals("ACTIVE", created.string("status"));
        assertNotNull(created.string("plan"), created::toString);
        OffsetDateTime.parse(created.string("createdAt"));

        Reply fetched = api.get(location.getPath(), Credentials.operator());
        assertEquals(200, fetched.status(), fetched::toString);
        assertEquals(code, fetched.string("code"));
        assertEquals("ACTIVE", fetched.string("status"));

        Reply all = api.get(TENANTS, Credentials.operator());
        assertEquals(200, all.status(), all::toString);
        assertTrue(all.jsonArray().stream().map(JsonValue::asJsonObject).anyMatch(t -> t.getString("code").equals(code)), all::toString);

        // The new admin can log in.
        assertEquals(200, api.get("/api/v1/me", Credentials.tenantUser(code, "admin", "Secret-2026")).status());
    }

    @Test
    void invalidBodyNamesEveryInvalidField() {
        Reply r = api.post(TENANTS, Credentials.operator(),
                TestTenants.body("Bad Code!", "  ", "mining", "no spaces allowed", "short1", "not-an-email"),
                "Accept-Language", "en");

        assertProblem(r, 400);
        assertEquals(Map.of(
                "code", "tenant.code.invalid",
                "name", "field.required",
                "industry", "tenant.industry.unknown",
                "adminUsername", "user.username.invalid",
                "adminPassword", "user.password.length",
                "adminEmail", "email.invalid"), fieldCodes(r), r::toString);
        assertFalse(hasHan(r.body()), () -> "English was asked for: " + r);
    }

    @Test
    void missingFieldsAndWeakPasswordAreNamed() {
        Reply empty = api.post(TENANTS, Credentials.operator(), "{}");
        assertProblem(empty, 400);
        assertEquals(Map.of(
                "code", "field.required",
                "name", "field.required",
                "industry", "field.required",
                "adminUsername", "field.required",
                "adminPassword", "field.required",
                "adminEmail", "field.required"), fieldCodes(empty), empty::toString);

        String code = TestTenants.uniqueCode("weak");
        Reply weak = api.post(TENANTS, Credentials.operator(),
                TestTenants.body(code, "Weak", "hotel", "admin", "onlyletters", "a@b.example.com"));
        assertProblem(weak, 400);
        assertEquals(Map.of("adminPassword", "user.password.weak"), fieldCodes(weak), weak::toString);
        assertEquals(404, api.get(TENANTS + "/" + code, Credentials.operator()).status(), "a refused tenant must not exist");
    }

    @Test
    void chineseMessagesWhenAskedFor() {
        Reply r = api.post(TENANTS, Credentials.operator(),
                TestTenants.body("Bad Code!", "", "mining", "admin", "Secret-2026", "admin@example.com"),
                "Accept-Language", "zh-CN");

        assertProblem(r, 400);
        Map<String, String> messages = new LinkedHashMap<>();
        for (JsonValue e : r.json().getJsonArray("errors")) {
            JsonObject o = e.asJsonObject();
            messages.put(o.getString("field"), o.getString("message"));
        }
        assertEquals(java.util.Set.of("code", "name", "industry"), messages.keySet(), r::toString);
        assertEquals("此项为必填项。", messages.get("name"), r::toString);
        messages.values().forEach(m -> assertTrue(hasHan(m), () -> "not Chinese: " + m));
        assertTrue(hasHan(r.string("title")), r::toString);
        // Stable codes do not change with the language.
        assertEquals("tenant.industry.unknown", fieldCodes(r).get("industry"));

        Reply en = api.post(TENANTS, Credentials.operator(),
                TestTenants.body("Bad Code!", "", "mining", "admin", "Secret-2026", "admin@example.com"),
                "Accept-Language", "en");
        assertFalse(hasHan(en.string("title")), en::toString);
    }

    @Test
    void duplicateCodeIsAConflict() {
        String code = TestTenants.uniqueCode("dup");
        String body = TestTenants.body(code, "First", "telecom", "admin", "Secret-2026", "a@" + code + ".example.com");
        assertEquals(201, api.post(TENANTS, Credentials.operator(), body).status());

        Reply again = api.post(TENANTS, Credentials.operator(),
                TestTenants.body(code, "Second", "banking", "other", "Other-2026", "b@" + code + ".example.com"));
        assertProblem(again, 409);
        assertEquals("tenant.code.taken", again.string("code"), again::toString);

        Reply existing = api.get(TENANTS + "/" + code, Credentials.operator());
        assertEquals("First", existing.string("name"), "the first tenant must be untouched");
    }

    @Test
    void malformedJsonIsABadRequest() {
        Reply r = api.post(TENANTS, Credentials.operator(), "{\"code\": \"abc\", ");
        assertProblem(r, 400);
        assertEquals("request.malformed", r.string("code"), r::toString);
    }

    @Test
    void noCredentialsIsUnauthorizedWithAChallenge() {
        Reply get = api.get(TENANTS, null);
        TenantIsolationIT.assertUnauthorized(get);
        assertProblem(get, 401);

        Reply post = api.post(TENANTS, null,
                TestTenants.body(TestTenants.uniqueCode("anon"), "Anon", "general", "admin", "Secret-2026", "a@example.com"));
        TenantIsolationIT.assertUnauthorized(post);
    }

    @Test
    void wrongOperatorPasswordIsUnauthorized() {
        Reply r = api.get(TENANTS, new Credentials("operator", ItEnvironment.operatorPassword() + "-wrong"));
        TenantIsolationIT.assertUnauthorized(r);
        Reply unknownOperator = api.get(TENANTS, new Credentials("nobody", ItEnvironment.operatorPassword()));
        TenantIsolationIT.assertUnauthorized(unknownOperator);
    }

    @Test
    void unknownTenantIsNotFound() {
        Reply r = api.get(TENANTS + "/" + TestTenants.uniqueCode("none"), Credentials.operator());
        assertProblem(r, 404);
        assertEquals("tenant.not-found", r.string("code"), r::toString);
    }

    /** application/problem+json with every member the API promises. */
    static void assertProblem(Reply r, int status) {
        assertEquals(status, r.status(), r::toString);
        assertTrue(r.contentType().startsWith("application/problem+json"), r::toString);
        JsonObject p = r.json();
        for (String member : new String[] {"type", "title", "status", "code", "detail", "instance"}) {
            assertTrue(p.containsKey(member), () -> "problem without " + member + ": " + r);
        }
        assertEquals(status, p.getInt("status"), r::toString);
        assertFalse(p.getString("code").isBlank(), r::toString);
        if (status == 400 && p.containsKey("errors")) {
            for (JsonValue e : p.getJsonArray("errors")) {
                JsonObject o = e.asJsonObject();
                assertTrue(o.containsKey("field") && o.containsKey("code") && o.containsKey("message"), r::toString);
            }
        }
    }

    /** field -> code of a 400's errors. */
    static Map<String, String> fieldCodes(Reply r) {
        Map<String, String> codes = new LinkedHashMap<>();
        JsonObject p = r.json();
        if (!p.containsKey("errors") || p.isNull("errors")) {
            return codes;
        }
        for (JsonValue e : p.getJsonArray("errors")) {
            JsonObject o = e.asJsonObject();
            codes.put(o.getString("field"), o.getString("code"));
        }
        return codes;
    }

    static boolean hasHan(String s) {
        return s != null && s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}
