package io.kefu.plugin.testkit;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.kefu.platform.plugin.TicketSnapshot;
import io.kefu.plugin.api.KefuPlugin;
import io.kefu.plugin.api.PluginDocument;
import io.kefu.plugin.api.TicketView;

/**
 * A sample data set for KPI and hook checks: the plugin's own demo tickets (demo.json) when it
 * ships them, with response and resolution times derived from their status and age, plus one
 * ticket of each status in each of its categories. Deterministic: the same plugin always gets
 * the same sample.
 */
public final class SampleTickets {

    /** The period the sample tickets were created in: [FROM, TO). */
    public static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    public static final Instant TO = Instant.parse("2026-02-01T00:00:00Z");

    private static final List<String> STATUSES = List.of("NEW", "ASSIGNED", "IN_PROGRESS", "PENDING_CUSTOMER", "RESOLVED", "CLOSED");

    private SampleTickets() {
    }

    public static List<TicketView> of(KefuPlugin plugin) {
        List<TicketView> out = new ArrayList<>();
        int n = 0;
        Optional<String> demo = PluginDocument.DEMO.read(plugin);
        if (demo.isPresent()) {
            JsonObject doc = Json.createReader(new StringReader(demo.get())).readObject();
            for (JsonValue v : doc.getJsonArray("tickets")) {
                JsonObject t = v.asJsonObject();
                Map<String, String> fields = new LinkedHashMap<>();
                if (t.get("fields") instanceof JsonObject f) {
                    f.forEach((k, fv) -> fields.put(k, fv instanceof JsonString s ? s.getString() : fv.toString()));
                }
                out.add(ticket(n++, t.getString("kind", "INQUIRY"), t.getString("status", "NEW"), t.getString("priority", "NORMAL"),
                        t.getString("channel", "PHONE"), t.getString("category", null), t.getString("subject", "?"), fields));
            }
        }
        Optional<String> categories = PluginDocument.CATEGORIES.read(plugin);
        if (categories.isPresent()) {
            JsonObject doc = Json.createReader(new StringReader(categories.get())).readObject();
            for (JsonValue v : doc.getJsonArray("categories")) {
                JsonObject c = v.asJsonObject();
                String kind = c.get("kinds") instanceof jakarta.json.JsonArray a && !a.isEmpty() ? a.getString(0) : "INQUIRY";
                for (String status : STATUSES) {
                    out.add(ticket(n++, kind, status, n % 4 == 0 ? "URGENT" : "NORMAL", "PHONE", c.getString("code"), "sample", Map.of()));
                }
            }
        }
        return out;
    }

    private static TicketView ticket(int n, String kind, String status, String priority, String channel, String category, String subject,
                                     Map<String, String> fields) {
        Instant created = FROM.plus(Duration.ofHours(n * 7L % (24 * 30)));
        boolean answered = !status.equals("NEW");
        boolean resolved = status.equals("RESOLVED") || status.equals("CLOSED");
        return new TicketSnapshot("KIT-" + n, kind, status, priority, channel, Optional.ofNullable(category), subject, created,
                answered ? Optional.of(created.plus(Duration.ofMinutes(5 + n % 50))) : Optional.empty(),
                resolved ? Optional.of(created.plus(Duration.ofHours(2 + n % 70))) : Optional.empty(),
                status.equals("CLOSED") ? Optional.of(created.plus(Duration.ofHours(80))) : Optional.empty(),
                n % 9 == 0 && resolved ? 1 : 0, fields);
    }
}
