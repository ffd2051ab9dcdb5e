package com.example.kefu.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loads this plugin's JAR from the plugins folder of a running Kefu: starts the Kefu bundle
 * ({@code kefu.bundle}) with {@code KEFU_PLUGINS_DIR} holding only our JAR, on an embedded
 * database of its own, then uses it over REST as an operator and a tenant would.
 */
class ReturnsPluginIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String OPERATOR_PASSWORD = "partner-it-operator-1";
    private static Process kefu;
    private static String base;
    private static Path log;

    @BeforeAll
    static void startKefu() throws Exception {
        Path bundle = Path.of(System.getProperty("kefu.bundle"));
        assertTrue(Files.isRegularFile(bundle), "No Kefu bundle at " + bundle + ": build Kefu first (see docs/plugin-guide.md)");
        Path run = Path.of("target", "kefu-it").toAbsolutePath();
        Path plugins = Files.createDirectories(run.resolve("plugins"));
        Files.copy(Path.of(System.getProperty("plugin.jar")), plugins.resolve("acme-returns-plugin.jar"), StandardCopyOption.REPLACE_EXISTING);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        log = run.resolve("kefu.log");
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx768m", "-Djava.io.tmpdir=" + Files.createDirectories(run.resolve("tmp")),
                "-jar", bundle.toString(), "--port", Integer.toString(port), "--nocluster")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("KEFU_PLUGINS_DIR", plugins.toString());
        pb.environment().put("KEFU_DATA_DIR", run.resolve("data-" + System.currentTimeMillis()).toString());
        pb.environment().put("KEFU_OPERATOR_PASSWORD", OPERATOR_PASSWORD);
        pb.environment().put("KEFU_DEMO", "false");
        pb.environment().remove("KEFU_DB_URL");
        kefu = pb.start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            if (!kefu.isAlive()) {
                throw new IllegalStateException("Kefu stopped; see " + log);
            }
            try {
                if (send("GET", "/health/ready", null, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Kefu not ready within 4 minutes; see " + log);
    }

    @AfterAll
    static void stopKefu() throws InterruptedException {
        if (kefu != null) {
            kefu.destroy();
            kefu.waitFor();
        }
    }

    private static HttpResponse<String> send(String method, String path, String user, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Accept-Language", "en");
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> r) {
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    @Test
    void kefuLoadsThePluginFromItsFolderAndATenantUsesIt() throws Exception {
        String operator = "operator:" + OPERATOR_PASSWORD;
        JsonObject ours = json(send("GET", "/api/v1/plugins", operator, null)).getJsonArray("items").getValuesAs(JsonObject.class)
                .stream().filter(p -> p.getString("id").equals("acme-returns")).findFirst().orElseThrow();
        assertEquals("ACTIVE", ours.getString("state"), ours::toString);
        assertEquals("1.0.0", ours.getString("version"));
        assertTrue(ours.getString("source").endsWith("acme-returns-plugin.jar"), ours::toString);

        HttpResponse<String> tenant = send("POST", "/api/v1/tenants", operator, "{\"code\":\"acme-shop\",\"name\":\"Acme Shop\","
                + "\"industry\":\"general\",\"adminUsername\":\"boss\",\"adminPassword\":\"secret123\",\"adminEmail\":\"boss@acme.example\"}");
        assertEquals(201, tenant.statusCode(), tenant::body);
        String admin = "acme-shop/boss:secret123";
        HttpResponse<String> enabled = send("POST", "/api/v1/plugins/acme-returns/enable", admin, null);
        assertEquals(200, enabled.statusCode(), enabled::body);
        assertEquals(3, json(enabled).getJsonObject("defaults").getJsonObject("CATEGORY").getJsonArray("added").size());

        HttpResponse<String> refused = send("POST", "/api/v1/tickets", admin,
                "{\"kind\":\"SERVICE_REQUEST\",\"subject\":\"Return a kettle\",\"category\":\"acme.returns\",\"fields\":{\"orderNo\":\"12345\"}}");
        assertEquals(400, refused.statusCode(), refused::body);
        assertTrue(refused.body().contains("An Acme order number is AC- and eight digits (plugin acme-returns)"), refused::body);

        JsonObject ticket = json(send("POST", "/api/v1/tickets", admin,
                "{\"kind\":\"SERVICE_REQUEST\",\"subject\":\"Return a kettle\",\"category\":\"acme.returns\",\"fields\":{\"orderNo\":\"AC-20261201\"}}"));
        List<JsonObject> panels = json(send("GET", "/api/v1/tickets/" + ticket.getString("number") + "/panels", admin, null))
                .getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals("acme-returns", panels.get(0).getString("plugin"));
        assertEquals("AC-20261201", panels.get(0).getJsonArray("facts").getJsonObject(0).getString("value"));

        JsonObject kpi = json(send("GET", "/api/v1/kpis/acme.returns-in-window/value", admin, null));
        assertEquals("plugin:acme-returns", kpi.getString("computedBy"), kpi::toString);
        assertEquals(0.0, kpi.getJsonNumber("value").doubleValue(), "one return, not resolved yet");
    }
}
