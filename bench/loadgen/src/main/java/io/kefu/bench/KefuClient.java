package io.kefu.bench;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** The REST calls the benchmarks make, through the JDK's HTTP client (HTTP/1.1 keep-alive). */
final class KefuClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String authorization;

    private KefuClient(String base, String authorization) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.authorization = authorization;
    }

    static KefuClient operator(String base, String password) {
        return new KefuClient(base, "Basic " + Base64.getEncoder().encodeToString(("operator:" + password).getBytes(StandardCharsets.UTF_8)));
    }

    static KefuClient bearer(String base, String token) {
        return new KefuClient(base, "Bearer " + token);
    }

    /** Provisions a tenant with an admin; the answer's status must be 201. */
    void provisionTenant(String code, String industry, String adminPassword) throws IOException, InterruptedException {
        String body = Json.createObjectBuilder().add("code", code).add("name", "Bench " + code).add("industry", industry)
                .add("adminUsername", "admin").add("adminPassword", adminPassword).add("adminEmail", "admin@" + code + ".example")
                .build().toString();
        send("POST", "/api/v1/tenants", body, 201);
    }

    /** Issues an API token for a tenant admin (tokens cost a SHA-256 per request; Basic costs a PBKDF2). */
    static String issueToken(String base, String tenant, String username, String password) throws IOException, InterruptedException {
        String body = Json.createObjectBuilder().add("tenant", tenant).add("username", username).add("password", password)
                .add("name", "bench").build().toString();
        KefuClient anonymous = new KefuClient(base, null);
        return anonymous.send("POST", "/api/v1/auth/tokens", body, 201).getString("token");
    }

    String createTicket(String json) throws IOException, InterruptedException {
        return send("POST", "/api/v1/tickets", json, 201).getString("number");
    }

    JsonObject ticket(String number) throws IOException, InterruptedException {
        return send("GET", "/api/v1/tickets/" + number, null, 200);
    }

    JsonObject list(String query) throws IOException, InterruptedException {
        return send("GET", "/api/v1/tickets?" + query, null, 200);
    }

    /** The cheapest authenticated tenant request: the caller's own member row. */
    JsonObject me() throws IOException, InterruptedException {
        return send("GET", "/api/v1/me", null, 200);
    }

    /** Liveness: HTTP and Payara's health servlet only, no authentication, no JAX-RS, no database. */
    JsonObject live() throws IOException, InterruptedException {
        return send("GET", "/health/live", null, 200);
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    JsonObject send(String method, String path, String body, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IOException(method + " " + path + " answered " + r.statusCode() + ": " + abbreviate(r.body()));
        }
        return r.body().isEmpty() ? JsonObject.EMPTY_JSON_OBJECT : Json.createReader(new StringReader(r.body())).readObject();
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
