package io.kefu.ui.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Locale;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.kefu.ui.it.Api.Reply;

/** What an orchestrator and an API client see without credentials: health and the API document. */
@ExtendWith(ArquillianExtension.class)
class HealthAndOpenApiIT {

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
    void readyIncludesTheDatabaseCheck() {
        Reply r = api.get("/health/ready", null);
        assertEquals(200, r.status(), r::toString);
        JsonObject health = r.json();
        assertEquals("UP", health.getString("status"), r::toString);
        JsonObject database = health.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals("database")).findFirst()
                .orElseThrow(() -> new AssertionError("no check named database: " + r));
        assertEquals("UP", database.getString("status"), r::toString);
    }

    @Test
    void live() {
        Reply r = api.get("/health/live", null);
        assertEquals(200, r.status(), r::toString);
        assertEquals("UP", r.json().getString("status"), r::toString);
    }

    /** Served as YAML by default (Payara labels it text/plain) and as JSON on request. */
    @Test
    void openApiDocumentIsServedAsYaml() {
        Reply r = api.send("GET", "/openapi", null, null, "Accept", "*/*");
        assertEquals(200, r.status(), r::toString);
        assertTrue(r.body().strip().matches("(?s)openapi: *['\"]?3\\.\\d+\\.\\d+['\"]?\\R.*"), r::toString);
    }

    @Test
    void openApiDocumentIsServedAsJson() {
        Reply r = api.send("GET", "/openapi", null, null, "Accept", "application/json");
        assertEquals(200, r.status(), r::toString);
        assertTrue(r.contentType().toLowerCase(Locale.ROOT).startsWith("application/json"), r::toString);
        assertTrue(r.json().getString("openapi").startsWith("3."), r::toString);
    }

    /** The resources live in the WAR's library jars; the document must still describe them. */
    @Test
    void openApiDocumentDescribesKefusOwnApi() {
        var doc = api.send("GET", "/openapi", null, null, "Accept", "application/json").json();
        assertEquals("Kefu API", doc.getJsonObject("info").getString("title"));
        var paths = doc.getJsonObject("paths");
        for (String path : new String[] {"/api/v1/tenants", "/api/v1/tenants/{code}", "/api/v1/me", "/api/v1/settings",
                "/api/v1/settings/{key}"}) {
            assertTrue(paths.containsKey(path), () -> path + " missing from " + paths.keySet());
        }
        assertTrue(doc.getJsonObject("components").getJsonObject("securitySchemes").containsKey("basic"));
    }
}
