package io.kefu.ui.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.kefu.ui.it.Api.Reply;
import io.kefu.ui.it.TestTenants.Tenant;

/** Files on tickets: accepted by content, limited in size, stored and served per tenant only. */
@ExtendWith(ArquillianExtension.class)
class AttachmentsIT {

    /** A real 1x1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
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
    void anImageIsStoredInTheTenantsOwnFolderAndComesBackUnchanged() throws Exception {
        Tenant a = TestTenants.provision(api, "at-a");
        String n = ticket(a, "AA");
        HttpResponse<String> up = upload(a, n, "破损 包裹.png", PNG, "application/octet-stream");
        assertEquals(201, up.statusCode(), up::body);
        JsonObject att = Json.createReader(new java.io.StringReader(up.body())).readObject();
        assertEquals("image/png", att.getString("contentType"), "the type comes from the content, not the client's claim");
        assertEquals("破损 包裹.png", att.getString("filename"));
        assertEquals(PNG.length, att.getInt("size"));

        HttpResponse<byte[]> down = download(a, n, att.getString("id"));
        assertEquals(200, down.statusCode());
        assertArrayEquals(PNG, down.body());
        assertEquals("image/png", down.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", down.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(down.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));

        Path stored = ItEnvironment.dataDir().resolve("attachments").resolve(a.schema()).resolve(att.getString("id"));
        assertTrue(Files.isRegularFile(stored), "stored under the tenant's own folder: " + stored);
        assertEquals(1, api.get("/api/v1/tickets/" + n + "/attachments", a.admin()).jsonArray().size());
        var timeline = api.get("/api/v1/tickets/" + n + "/timeline", a.admin()).json().getJsonArray("items");
        assertEquals("ATTACHMENT", timeline.getJsonObject(timeline.size() - 1).getString("type"));
    }

    @Test
    void executablesEmptyAndOversizedFilesAreRefused() throws Exception {
        Tenant a = TestTenants.provision(api, "at-bad");
        String n = ticket(a, "AB");
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        assertProblem(upload(a, n, "photo.png", exe, "image/png"), 400, "attachment.type.refused");
        assertProblem(upload(a, n, "empty.txt", new byte[0], "text/plain"), 400, "attachment.empty");
        byte[] big = new byte[1024 * 1024 + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertProblem(upload(a, n, "big.png", big, "image/png"), 400, "attachment.too-large");
        assertEquals(0, api.get("/api/v1/tickets/" + n + "/attachments", a.admin()).jsonArray().size(), "nothing kept");
        Path folder = ItEnvironment.dataDir().resolve("attachments").resolve(a.schema());
        try (var files = Files.exists(folder) ? Files.list(folder) : java.util.stream.Stream.<Path>empty()) {
            assertEquals(0, files.count(), "refused uploads leave no file behind");
        }
    }

    @Test
    void anotherTenantCannotListOrDownloadAnAttachment() throws Exception {
        Tenant a = TestTenants.provision(api, "at-xa");
        Tenant b = TestTenants.provision(api, "at-xb");
        String na = ticket(a, "XA");
        String nb = ticket(b, "XB");
        String id = Json.createReader(new java.io.StringReader(upload(a, na, "a.txt", "A 的秘密".getBytes(StandardCharsets.UTF_8),
                "text/plain").body())).readObject().getString("id");

        assertEquals(404, api.get("/api/v1/tickets/" + na + "/attachments", b.admin()).status());
        assertEquals(404, download(b, na, id).statusCode());
        assertEquals(404, download(b, nb, id).statusCode(), "A's attachment id under B's own ticket");
        assertEquals(404, upload(b, na, "x.txt", "x".getBytes(StandardCharsets.UTF_8), "text/plain").statusCode());
        assertFalse(Files.exists(ItEnvironment.dataDir().resolve("attachments").resolve(b.schema()).resolve(id)));
        assertEquals(200, download(a, na, id).statusCode());
    }

    private static String ticket(Tenant t, String prefix) {
        assertEquals(200, api.put("/api/v1/settings/ticket.number.prefix", t.admin(), "{\"value\":\"" + prefix + "\"}").status());
        Reply r = api.post("/api/v1/tickets", t.admin(), "{\"kind\":\"COMPLAINT\",\"subject\":\"包裹破损\"}");
        assertEquals(201, r.status(), r::toString);
        return r.string("number");
    }

    private static HttpResponse<String> upload(Tenant t, String number, String name, byte[] content, String type) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(api.uri("/api/v1/tickets/" + number + "/attachments?filename="
                        + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .header("Authorization", t.admin().header()).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build();
        return HTTP.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<byte[]> download(Tenant t, String number, String id) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(api.uri("/api/v1/tickets/" + number + "/attachments/" + id))
                .header("Authorization", t.admin().header()).GET().build();
        return HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A 400 names the field's own code in errors[0]. */
    private static void assertProblem(HttpResponse<String> r, int status, String fieldCode) {
        assertEquals(status, r.statusCode(), r::body);
        JsonObject p = Json.createReader(new java.io.StringReader(r.body())).readObject();
        assertEquals("input.invalid", p.getString("code"), r::body);
        assertEquals("file", p.getJsonArray("errors").getJsonObject(0).getString("field"), r::body);
        assertEquals(fieldCode, p.getJsonArray("errors").getJsonObject(0).getString("code"), r::body);
    }
}
