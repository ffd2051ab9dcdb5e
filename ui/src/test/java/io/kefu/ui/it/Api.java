package io.kefu.ui.it;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

/** A small black-box HTTP client for the server under test: {@code http://127.0.0.1:<port>/}. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final URI base;

    private Api(URI base) {
        this.base = base;
    }

    /** The server of this run (port from {@link ItEnvironment}). */
    public static Api server() {
        return new Api(URI.create("http://127.0.0.1:" + ItEnvironment.port() + "/"));
    }

    /** A server started by the test itself (the two-node cluster test). */
    public static Api at(String baseUrl) {
        return new Api(URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/"));
    }

    public URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** Waits (bounded) until /health/ready says UP: deployment may report done before readiness. */
    public Api awaitReady(Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        Reply last = null;
        while (Instant.now().isBefore(end)) {
            try {
                last = get("/health/ready", null);
                if (last.status() == 200) {
                    return this;
                }
            } catch (RuntimeException notYet) {
                // connection refused while starting
            }
            sleep(500);
        }
        throw new AssertionError("Server at " + base + " not ready within " + timeout + "; last reply: " + last);
    }

    public Reply get(String path, Credentials who, String... headers) {
        return send("GET", path, who, null, headers);
    }

    public Reply post(String path, Credentials who, String json, String... headers) {
        return send("POST", path, who, json, headers);
    }

    public Reply put(String path, Credentials who, String json, String... headers) {
        return send("PUT", path, who, json, headers);
    }

    public Reply delete(String path, Credentials who, String... headers) {
        return send("DELETE", path, who, null, headers);
    }

    /** {@code headers} are name/value pairs. A body is sent as application/json. */
    public Reply send(String method, String path, Credentials who, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.header("Accept", "application/json, application/problem+json;q=0.9, */*;q=0.1");
        if (who != null) {
            b.header("Authorization", who.header());
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(method + " " + path, r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + uri(path) + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * HTTP Basic credentials ({@code operator} or {@code <tenant>/<user>}), or an API token sent
     * as {@code Authorization: Bearer} when {@code bearerToken} is set.
     */
    public record Credentials(String user, String password, String bearerToken) {

        public Credentials(String user, String password) {
            this(user, password, null);
        }

        /** An API token; {@code bearerToken} is sent exactly as given (malformed ones too). */
        public static Credentials bearer(String token) {
            return new Credentials(null, null, token);
        }

        public static Credentials operator() {
            return new Credentials("operator", ItEnvironment.operatorPassword());
        }

        public static Credentials tenantUser(String tenant, String username, String password) {
            return new Credentials(tenant + "/" + username, password);
        }

        String header() {
            if (bearerToken != null) {
                return "Bearer " + bearerToken;
            }
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A response, with the request named for assertion messages. */
    public record Reply(String request, int status, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray jsonArray() {
            return (JsonArray) parse();
        }

        private JsonStructure parse() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.read();
            } catch (RuntimeException e) {
                throw new AssertionError("Not JSON: " + this, e);
            }
        }

        /** A string member of the JSON object, or null when absent or JSON null. */
        public String string(String member) {
            JsonValue v = json().get(member);
            return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null
                    : v.getValueType() == JsonValue.ValueType.STRING ? ((jakarta.json.JsonString) v).getString() : v.toString();
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 2000 ? body.substring(0, 2000) + "..." : body;
            return request + " -> " + status + " " + contentType() + " " + shown;
        }
    }
}
