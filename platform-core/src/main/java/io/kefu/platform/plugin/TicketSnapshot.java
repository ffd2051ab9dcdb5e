package io.kefu.platform.plugin;

import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import io.kefu.platform.json.Jsons;
import io.kefu.platform.ticket.Ticket;
import io.kefu.plugin.api.TicketView;

/**
 * An immutable copy of a ticket for plugins: safe to hand to another thread, and nothing a
 * plugin does with it reaches the entity.
 */
public record TicketSnapshot(String number, String kind, String status, String priority, String channel,
                             Optional<String> category, String subject, Instant createdAt, Optional<Instant> firstResponseAt,
                             Optional<Instant> resolvedAt, Optional<Instant> closedAt, int reopenCount,
                             Map<String, String> fields) implements TicketView {

    public TicketSnapshot {
        fields = Map.copyOf(fields);
    }

    public static TicketSnapshot of(Ticket t) {
        return new TicketSnapshot(t.number(), t.kind().name(), t.status().name(), t.priority().name(), t.channel().name(),
                Optional.ofNullable(t.category()), t.subject(), t.createdAt().toInstant(), instant(t.firstResponseAt()),
                instant(t.resolvedAt()), instant(t.closedAt()), t.reopenCount(), fields(t.customFields()));
    }

    private static Optional<Instant> instant(OffsetDateTime t) {
        return Optional.ofNullable(t).map(OffsetDateTime::toInstant);
    }

    /** Custom fields as text: strings as they are, other JSON values as written. Nulls are left out. */
    static Map<String, String> fields(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonReader r = Jsons.createReader(new StringReader(json))) {
            JsonObject o = r.readObject();
            o.forEach((k, v) -> {
                if (v.getValueType() != jakarta.json.JsonValue.ValueType.NULL) {
                    out.put(k, v instanceof JsonString s ? s.getString() : v.toString());
                }
            });
        }
        return out;
    }
}
