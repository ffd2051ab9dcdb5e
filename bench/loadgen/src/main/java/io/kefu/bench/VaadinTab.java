package io.kefu.bench;

import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

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
 *
 * <p>Given a {@link Live}, it also stays live as a browser tab does: it opens the push channel
 * (Atmosphere over a WebSocket, as flow-client does with {@code @Push(WEBSOCKET_XHR)}) and takes
 * in what the server pushes, and it polls at the interval the server sets (the queues and the
 * team board refresh on the poll after a change; the ticket view's countdown polls every
 * minute). Without those, the server's live work for the tab would never happen in a benchmark.
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
    /** Scripts the server ran that answer it (their first return channel, as node and channel id). */
    private final java.util.List<int[]> scriptAnswers = new java.util.ArrayList<>();
    private final Live live;
    private final String pushId;
    /** The poll interval the server asked for, in ms; negative: no polling. */
    private int pollInterval = -1;
    private ScheduledFuture<?> polling;
    private WebSocket push;
    private boolean closed;

    /**
     * What keeps tabs live: the threads that poll, and where the polls' round trips and the
     * pushed messages are counted.
     */
    record Live(ScheduledExecutorService poller, LongConsumer pollNanos, AtomicLong pollErrors, AtomicLong pushed, boolean push) {
    }

    private VaadinTab(HttpClient http, String base, JsonObject appConfig, Live live) {
        this.http = http;
        this.base = base.endsWith("/") ? base : base + "/";
        this.uiId = appConfig.getInt("v-uiId");
        this.live = live;
        JsonObject uidl = appConfig.getJsonObject("uidl");
        this.csrfToken = uidl.getString("Vaadin-Security-Key");
        this.pushId = uidl.getString("Vaadin-Push-ID", null);
        apply(uidl);
    }

    /**
     * Loads the page at {@code location} as a browser does: the bootstrap request that creates
     * the server's UI, then the navigation event that builds the view.
     */
    static VaadinTab open(HttpClient http, String base, String location) throws IOException, InterruptedException {
        return open(http, base, location, null);
    }

    /** As {@link #open(HttpClient, String, String)}; with {@code live}, the tab also listens and polls. */
    static VaadinTab open(HttpClient http, String base, String location, Live live) throws IOException, InterruptedException {
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
        VaadinTab tab = new VaadinTab(http, root, appConfig, live);
        if (live != null && live.push()) {
            tab.connectPush();
        }
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
    synchronized void type(String id, String value) throws IOException, InterruptedException {
        int node = node(id);
        send(Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "mSync").add("node", node).add("feature", FEATURE_PROPERTIES)
                        .add("property", "value").add("value", value))
                .add(event(node, "change", eventData(node, "change"))));
    }

    /** Clicks the element with that id. */
    synchronized void click(String id) throws IOException, InterruptedException {
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
        synchronized (this) {
            closed = true;
            if (polling != null) {
                polling.cancel(false);
            }
            if (push != null) {
                push.abort();
            }
        }
        String body = Json.createObjectBuilder().add("csrfToken", csrfToken).add("rpc", JsonValue.EMPTY_JSON_ARRAY)
                .add("syncId", syncId).add("clientId", clientId).add("UNLOAD", true).build().toString();
        http.send(HttpRequest.newBuilder(URI.create(base + "?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
    }

    /**
     * Answers the scripts the server asked to run with a result, as a browser does right after it
     * applied the answer that carried them (here: with no value, as reading an empty local storage
     * gives). Not part of any timed action: a browser sends it after it has shown the page.
     */
    synchronized void answerScripts() throws IOException, InterruptedException {
        if (scriptAnswers.isEmpty()) {
            return;
        }
        JsonArrayBuilder rpc = Json.createArrayBuilder();
        for (int[] channel : scriptAnswers) {
            rpc.add(Json.createObjectBuilder().add("type", "channel").add("node", channel[0]).add("channel", channel[1])
                    .add("args", Json.createArrayBuilder().addNull()));
        }
        scriptAnswers.clear();
        send(rpc);
    }

    /** Whether an element with that id is shown now. */
    synchronized boolean has(String id) {
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

    /**
     * Opens the push channel as flow-client does: Atmosphere's WebSocket transport, with its
     * message-length framing ("length|message"), on the session's cookie.
     */
    private void connectPush() throws IOException, InterruptedException {
        if (pushId == null) {
            return; // the application does not push
        }
        String ws = base.replaceFirst("^http", "ws") + "VAADIN/push?v-r=push&v-uiId=" + uiId + "&v-pushId=" + pushId
                + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=3.1.3-javascript&X-Atmosphere-Transport=websocket"
                + "&X-Atmosphere-TrackMessageSize=true&Content-Type=" + URLEncoder.encode("application/json; charset=UTF-8", StandardCharsets.UTF_8)
                + "&X-atmo-protocol=true";
        try {
            push = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(URI.create(ws), new PushListener()).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("push channel: " + e, e);
        }
    }

    /** Reads Atmosphere's frames: each message is its length, a bar, then the message. */
    private final class PushListener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            buffer.append(data);
            while (true) {
                int bar = buffer.indexOf("|");
                if (bar < 0) {
                    break;
                }
                int length;
                try {
                    length = Integer.parseInt(buffer.substring(0, bar).trim());
                } catch (NumberFormatException e) {
                    buffer.setLength(0);
                    break;
                }
                if (buffer.length() < bar + 1 + length) {
                    break;
                }
                String message = buffer.substring(bar + 1, bar + 1 + length);
                buffer.delete(0, bar + 1 + length);
                pushed(message);
            }
            socket.request(1);
            return null;
        }
    }

    /** A pushed message: a UIDL message (the handshake and heartbeats are not). */
    private void pushed(String message) {
        String text = message.startsWith("for(;;);") ? message.substring("for(;;);".length()) : message;
        if (!text.startsWith("{") && !text.startsWith("[")) {
            return;
        }
        JsonValue parsed = Json.createReader(new StringReader(text)).readValue();
        JsonObject uidl = parsed.getValueType() == JsonValue.ValueType.ARRAY ? parsed.asJsonArray().getJsonObject(0) : parsed.asJsonObject();
        live.pushed().incrementAndGet();
        synchronized (this) {
            apply(uidl);
        }
    }

    /** Follows the server's poll interval, as flow-client's poller does. */
    private void pollEvery(int millis) {
        if (millis == pollInterval || live == null) {
            return;
        }
        pollInterval = millis;
        if (polling != null) {
            polling.cancel(false);
            polling = null;
        }
        if (millis > 0 && !closed) {
            polling = live.poller().scheduleAtFixedRate(this::poll, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    private void poll() {
        long t0 = System.nanoTime();
        try {
            synchronized (this) {
                if (closed) {
                    return;
                }
                send(Json.createArrayBuilder().add(event(UI_NODE, "ui-poll", JsonValue.EMPTY_JSON_OBJECT)));
            }
            live.pollNanos().accept(System.nanoTime() - t0);
        } catch (IOException | RuntimeException e) {
            live.pollErrors().incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void send(JsonArrayBuilder rpc) throws IOException, InterruptedException {
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
            // Pushed messages and answers may cross: the client has seen the newest.
            syncId = Math.max(syncId, uidl.getInt("syncId"));
        }
        if (uidl.containsKey("clientId")) {
            // The id the server expects next; a pushed message written before an answer may carry an older one.
            clientId = Math.max(clientId, uidl.getInt("clientId"));
        }
        JsonObject newConstants = uidl.getJsonObject("constants");
        if (newConstants != null) {
            newConstants.forEach((k, v) -> constants.put(k, v.asJsonObject()));
        }
        JsonValue execute = uidl.get("execute");
        if (execute != null && execute.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue invocation : (JsonArray) execute) {
                if (invocation.getValueType() != JsonValue.ValueType.ARRAY) {
                    continue;
                }
                // Only scripts whose result the server awaits (executeJs(...).then): flow-client wraps
                // them in a promise resolved through the first channel. Other channels (a renderer's
                // events) are called by user actions, not on arrival.
                JsonArray call = invocation.asJsonArray();
                JsonValue script = call.isEmpty() ? null : call.get(call.size() - 1);
                if (!(script instanceof jakarta.json.JsonString code) || !code.getString().contains("Promise.resolve(")) {
                    continue;
                }
                // A return channel is encoded [2, node, channel id]; the first one resolves the script's promise.
                for (JsonValue param : (JsonArray) invocation) {
                    if (param.getValueType() == JsonValue.ValueType.ARRAY && param.asJsonArray().size() == 3
                            && param.asJsonArray().get(0) instanceof jakarta.json.JsonNumber type && type.intValue() == 2) {
                        scriptAnswers.add(new int[] {param.asJsonArray().getInt(1), param.asJsonArray().getInt(2)});
                        break;
                    }
                }
            }
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
            if (key.equals("pollInterval")) {
                pollEvery(c.containsKey("value") ? c.getJsonNumber("value").intValue() : -1);
            } else if (feature == FEATURE_ATTRIBUTES && key.equals("id") && c.containsKey("value")) {
                String id = c.getString("value");
                nodeById.put(id, node);
                idOfNode.put(node, id);
            } else if (feature == FEATURE_LISTENERS && c.containsKey("value")) {
                listeners.computeIfAbsent(node, n -> new HashMap<>()).put(key, c.getString("value"));
            }
        }
    }
}
