package io.kefu.platform.ticket;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import io.kefu.platform.form.FieldValues;
import io.kefu.platform.json.Jsons;

/** Tickets and timeline entries as the REST API shows them (names from the JSON contract). */
public final class TicketJson {

    private TicketJson() {
    }

    /**
     * {@code fields}: the custom field values as shown to the caller (see {@link FieldValues#show});
     * {@code sla}: what the service standards say of it ({@link TicketSla#of}), null when none applies.
     */
    public static JsonObject ticket(Ticket t, FieldValues.Shown fields, JsonValue sla) {
        JsonObjectBuilder b = Jsons.createObjectBuilder()
                .add("number", t.number())
                .add("kind", t.kind().name())
                .add("status", t.status().name())
                .add("priority", t.priority().name())
                .add("channel", t.channel().name())
                .add("subject", t.subject());
        put(b, "description", t.description());
        put(b, "category", t.category());
        put(b, "customer", t.customerId());
        put(b, "team", t.teamId());
        put(b, "assignee", t.assignee());
        JsonArrayBuilder tags = Jsons.createArrayBuilder();
        t.tags().forEach(tags::add);
        b.add("tags", tags);
        b.add("fields", fields.fields());
        b.add("retiredFields", fields.retired());
        put(b, "createdAt", t.createdAt());
        put(b, "createdBy", t.createdBy());
        put(b, "updatedAt", t.updatedAt());
        put(b, "firstResponseAt", t.firstResponseAt());
        put(b, "resolvedAt", t.resolvedAt());
        put(b, "closedAt", t.closedAt());
        put(b, "resolution", t.resolution());
        put(b, "cancelReason", t.cancelReason());
        b.add("reopenCount", t.reopenCount());
        if (t.kind() == TicketKind.COMPLAINT) {
            Complaint c = t.complaint();
            JsonObjectBuilder cb = Jsons.createObjectBuilder();
            put(cb, "severity", c.severity() == null ? null : c.severity().name());
            if (c.escalationLevel() == null) {
                cb.addNull("escalationLevel");
            } else {
                cb.add("escalationLevel", c.escalationLevel());
            }
            put(cb, "rootCause", c.rootCause());
            put(cb, "remedy", c.remedy());
            if (c.compensationAmount() == null) {
                cb.addNull("compensation");
            } else {
                cb.add("compensation", Jsons.createObjectBuilder().add("amount", c.compensationAmount())
                        .add("currency", c.compensationCurrency()));
            }
            put(cb, "customerContactedAt", t.customerContactedAt());
            b.add("complaint", cb);
        }
        b.add("allowedTransitions", names(Lifecycle.next(t.status()).stream().map(Enum::name).sorted().toList()));
        b.add("version", t.version());
        b.add("sla", sla == null ? JsonValue.NULL : sla);
        return b.build();
    }

    public static JsonObject event(TicketEvent e) {
        JsonObjectBuilder b = Jsons.createObjectBuilder()
                .add("id", e.id())
                .add("seq", e.seq())
                .add("at", e.occurredAt().toString())
                .add("actor", e.actor())
                .add("type", e.type().name())
                .add("visibility", e.visibility().name());
        put(b, "body", e.body());
        if (e.data() != null) {
            b.add("data", Jsons.createReader(new StringReader(e.data())).readObject());
        }
        return b.build();
    }

    private static JsonArrayBuilder names(List<String> names) {
        JsonArrayBuilder a = Jsons.createArrayBuilder();
        names.forEach(a::add);
        return a;
    }

    private static void put(JsonObjectBuilder b, String key, String value) {
        if (value == null) {
            b.addNull(key);
        } else {
            b.add(key, value);
        }
    }

    private static void put(JsonObjectBuilder b, String key, OffsetDateTime value) {
        put(b, key, value == null ? null : value.toString());
    }
}
