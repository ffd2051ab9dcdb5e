package io.kefu.bench;

import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * One browser tab of the agent workspace, without a browser: it speaks Vaadin Flow's own
 * client protocol (the JSON "UIDL" messages the browser's flow-client exchanges with the server
 * over XHR), so the server does exactly the work a real tab costs it — a UI per tab, the views,
 * their state in the session — while the load generator stays cheap enough to play hundreds of
 * agents on the same two cores.
 *
 * <p>What it understands of the server's answers is what it needs to act like a user: which
 * state node carries which element {@code id} (feature 3, the element's attributes), which DOM
 * events each node listens to and with which event data (feature 4 and the "constants"), and the
 * sync and client ids that order the messages. It renders nothing.
 */
final class VaadinTab {

    /** The tab's browser: one cookie jar (the HTTP session) shared by the agent's tabs. */
    static HttpClient browser() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static final int FEATURE_ATTRIBUTES = 3;
    private static final int FEATURE_LISTENERS = 4;
    private static final int FEATURE_PROPERTIES = 1;
    private static final int UI_NODE = 1;

    private final HttpClient http;
    private final String base;
    private final int uiId;
    private final String csrfToken;
    private int syncId;
    private int clientId;
    private int historyIndex;
    private final Map<String, Integer> nodeById = new HashMap<>();
    private final Map<Integer, String> idOfNode = new HashMap<>();
    /** Per node: DOM event name to the constant naming the event data it wants. */
    private final Map<Integer, Map<String, String>> listeners = new HashMap<>();
    private final Map<String, JsonObject> constants = new HashMap<>();

    private VaadinTab(HttpClient http, String base, JsonObject appConfig) {
        this.http = http;
        this.base = base.endsWith("/") ? base : base + "/";
        this.uiId = appConfig.getInt("v-uiId");
        JsonObject uidl = appConfig.getJsonObject("uidl");
        this.csrfToken = uidl.getString("Vaadin-Security-Key");
        apply(uidl);
    }

    /**
     * Loads the page at {@code location} as a browser does: the bootstrap request that creates
     * the server's UI, then the navigation event that builds the view.
     */
    static VaadinTab open(HttpClient http, String base, String location) throws IOException, InterruptedException {
        String root = base.endsWith("/") ? base : base + "/";
        String path = location.contains("?") ? location.substring(0, location.indexOf('?')) : location;
        String query = location.contains("?") ? location.substring(location.indexOf('?') + 1) : "";
        HttpResponse<String> init = http.send(HttpRequest.newBuilder(URI.create(root + "?v-r=init&location="
                + URLEncoder.encode(path, StandardCharsets.UTF_8) + "&query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (init.statusCode() != 200) {
            throw new IOException("init " + location + ": HTTP " + init.statusCode());
        }
        JsonObject appConfig = Json.createReader(new StringReader(init.body())).readObject().getJsonObject("appConfig");
        VaadinTab tab = new VaadinTab(http, root, appConfig);
        tab.navigate(location);
        return tab;
    }

    /** Navigates inside the tab, as clicking a router link does. */
    void navigate(String location) throws IOException, InterruptedException {
        String path = location.contains("?") ? location.substring(0, location.indexOf('?')) : location;
        String query = location.contains("?") ? location.substring(location.indexOf('?') + 1) : "";
        JsonObject data = Json.createObjectBuilder().add("route", path).add("query", query).add("appShellTitle", "")
                .add("historyState", Json.createObjectBuilder().add("idx", historyIndex++)).add("trigger", "").build();
        send(Json.createArrayBuilder().add(event(UI_NODE, "ui-navigate", data)));
    }

    /** Types {@code value} into the field with that id and leaves it (the field's change event). */
    void type(String id, String value) throws IOException, InterruptedException {
        int node = node(id);
        send(Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "mSync").add("node", node).add("feature", FEATURE_PROPERTIES)
                        .add("property", "value").add("value", value))
                .add(event(node, "change", eventData(node, "change"))));
    }

    /** Clicks the element with that id. */
    void click(String id) throws IOException, InterruptedException {
        int node = node(id);
        send(Json.createArrayBuilder().add(event(node, "click", eventData(node, "click"))));
    }

    /** Vaadin's heartbeat: the smallest round trip through the UI's request handling. */
    void heartbeat() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "?v-r=heartbeat&v-uiId=" + uiId))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("heartbeat: HTTP " + r.statusCode());
        }
    }

    /** Closes the tab: the browser's unload beacon, which lets the server drop the UI at once. */
    void close() throws IOException, InterruptedException {
        String body = Json.createObjectBuilder().add("csrfToken", csrfToken).add("rpc", JsonValue.EMPTY_JSON_ARRAY)
                .add("syncId", syncId).add("clientId", clientId).add("UNLOAD", true).build().toString();
        http.send(HttpRequest.newBuilder(URI.create(base + "?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
    }

    /** Whether an element with that id is shown now. */
    boolean has(String id) {
        return nodeById.containsKey(id);
    }

    private int node(String id) {
        Integer node = nodeById.get(id);
        if (node == null) {
            throw new IllegalStateException("no element #" + id + " in the tab (ids: " + nodeById.keySet() + ")");
        }
        return node;
    }

    private static JsonObject event(int node, String name, JsonObject data) {
        return Json.createObjectBuilder().add("type", "event").add("node", node).add("event", name).add("data", data).build();
    }

    /** The event data the listener asked for, with a browser's values for a plain click. */
    private JsonObject eventData(int node, String event) {
        JsonObjectBuilder data = Json.createObjectBuilder();
        String constant = listeners.getOrDefault(node, Map.of()).get(event);
        JsonObject wanted = constant == null ? null : constants.get(constant);
        if (wanted != null) {
            for (String expression : wanted.keySet()) {
                if (expression.startsWith("}")) {
                    continue; // a property to synchronise, sent as mSync before the event
                }
                if (expression.endsWith("Key")) {
                    data.add(expression, false);
                } else {
                    data.add(expression, expression.equals("event.detail") ? 1 : 0);
                }
            }
        }
        return data.build();
    }

    private void send(JsonArrayBuilder rpc) throws IOException, InterruptedException {
        String body = Json.createObjectBuilder().add("csrfToken", csrfToken).add("rpc", rpc)
                .add("syncId", syncId).add("clientId", clientId).build().toString();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("uidl: HTTP " + r.statusCode());
        }
        String text = r.body();
        if (text.startsWith("for(;;);")) {
            text = text.substring("for(;;);".length());
        }
        JsonValue parsed = Json.createReader(new StringReader(text)).readValue();
        JsonObject uidl = parsed.getValueType() == JsonValue.ValueType.ARRAY ? parsed.asJsonArray().getJsonObject(0) : parsed.asJsonObject();
        JsonObject meta = uidl.getJsonObject("meta");
        if (meta != null && (meta.containsKey("appError") || meta.containsKey("sessionExpired"))) {
            throw new IOException("the server refused the message: " + meta);
        }
        apply(uidl);
    }

    /** Takes in the server's changes to the tab's state tree. */
    private void apply(JsonObject uidl) {
        if (uidl.containsKey("syncId")) {
            syncId = uidl.getInt("syncId");
        }
        if (uidl.containsKey("clientId")) {
            clientId = uidl.getInt("clientId");
        }
        JsonObject newConstants = uidl.getJsonObject("constants");
        if (newConstants != null) {
            newConstants.forEach((k, v) -> constants.put(k, v.asJsonObject()));
        }
        JsonValue changes = uidl.get("changes");
        if (changes == null || changes.getValueType() != JsonValue.ValueType.ARRAY) {
            return;
        }
        for (JsonValue v : (JsonArray) changes) {
            JsonObject c = v.asJsonObject();
            int node = c.getInt("node");
            String type = c.getString("type", "");
            if (type.equals("detach")) {
                String id = idOfNode.remove(node);
                if (id != null && Integer.valueOf(node).equals(nodeById.get(id))) {
                    nodeById.remove(id);
                }
                listeners.remove(node);
                continue;
            }
            if (!type.equals("put") || !c.containsKey("feat")) {
                continue;
            }
            int feature = c.getInt("feat");
            String key = c.getString("key", "");
            if (feature == FEATURE_ATTRIBUTES && key.equals("id") && c.containsKey("value")) {
                String id = c.getString("value");
                nodeById.put(id, node);
                idOfNode.put(node, id);
            } else if (feature == FEATURE_LISTENERS && c.containsKey("value")) {
                listeners.computeIfAbsent(node, n -> new HashMap<>()).put(key, c.getString("value"));
            }
        }
    }
}
