package io.kefu.platform.plugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.kefu.platform.ticket.Priority;
import io.kefu.platform.ticket.TicketKind;
import io.kefu.platform.ticket.TicketStatus;
import io.kefu.plugin.api.TicketView;

/**
 * The filter of a KPI formula ({@code kpis.json}): every member optional, all ANDed. A ticket
 * whose SLA outcome is unknown never matches {@code slaBreached} either way: a KPI over SLA
 * breaches has no value until the SLA engine records them, rather than a wrong one.
 */
public record TicketFilter(Set<String> kinds, Set<String> categories, Set<String> statuses, Set<String> priorities,
                           Map<String, String> fields, Boolean reopened, Boolean slaBreached, Boolean firstContactResolution,
                           Boolean closed) {

    static final TicketFilter ALL = new TicketFilter(Set.of(), Set.of(), Set.of(), Set.of(), Map.of(), null, null, null, null);

    private static final Set<String> MEMBERS = Set.of("kinds", "categories", "statuses", "priorities", "fields", "reopened",
            "slaBreached", "firstContactResolution", "closed");

    /** Parses a filter; problems are added to {@code problems} with {@code at} as the location. */
    static TicketFilter parse(JsonValue value, String at, List<String> problems) {
        if (value == null || value == JsonValue.NULL) {
            return ALL;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            problems.add(at + ": a filter is an object");
            return ALL;
        }
        JsonObject o = value.asJsonObject();
        for (String k : o.keySet()) {
            if (!MEMBERS.contains(k)) {
                problems.add(at + "." + k + ": unknown filter member");
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (o.containsKey("fields")) {
            if (o.get("fields").getValueType() != JsonValue.ValueType.OBJECT) {
                problems.add(at + ".fields: an object of field key to value");
            } else {
                o.getJsonObject("fields").forEach((k, v) -> fields.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
            }
        }
        return new TicketFilter(
                names(o, "kinds", at, problems, TicketKind.class),
                names(o, "categories", at, problems, null),
                names(o, "statuses", at, problems, TicketStatus.class),
                names(o, "priorities", at, problems, Priority.class),
                Map.copyOf(fields),
                bool(o, "reopened", at, problems), bool(o, "slaBreached", at, problems),
                bool(o, "firstContactResolution", at, problems), bool(o, "closed", at, problems));
    }

    private static <E extends Enum<E>> Set<String> names(JsonObject o, String member, String at, List<String> problems, Class<E> type) {
        if (!o.containsKey(member)) {
            return Set.of();
        }
        List<String> out = new ArrayList<>();
        if (o.get(member).getValueType() != JsonValue.ValueType.ARRAY) {
            problems.add(at + "." + member + ": a list");
            return Set.of();
        }
        for (JsonValue v : o.getJsonArray(member)) {
            if (!(v instanceof JsonString s)) {
                problems.add(at + "." + member + ": strings only");
                continue;
            }
            if (type != null) {
                try {
                    Enum.valueOf(type, s.getString());
                } catch (IllegalArgumentException e) {
                    problems.add(at + "." + member + ": unknown " + type.getSimpleName() + " " + s.getString());
                }
            }
            out.add(s.getString());
        }
        return Set.copyOf(out);
    }

    private static Boolean bool(JsonObject o, String member, String at, List<String> problems) {
        if (!o.containsKey(member)) {
            return null;
        }
        JsonValue v = o.get(member);
        if (v == JsonValue.TRUE) {
            return Boolean.TRUE;
        }
        if (v == JsonValue.FALSE) {
            return Boolean.FALSE;
        }
        problems.add(at + "." + member + ": true or false");
        return null;
    }

    public boolean matches(TicketView t) {
        if (!kinds.isEmpty() && !kinds.contains(t.kind())) {
            return false;
        }
        if (!categories.isEmpty() && (t.category().isEmpty() || !categories.contains(t.category().get()))) {
            return false;
        }
        if (!statuses.isEmpty() && !statuses.contains(t.status())) {
            return false;
        }
        if (!priorities.isEmpty() && !priorities.contains(t.priority())) {
            return false;
        }
        for (Map.Entry<String, String> f : fields.entrySet()) {
            if (!f.getValue().equals(t.fields().get(f.getKey()))) {
                return false;
            }
        }
        if (reopened != null && reopened != (t.reopenCount() > 0)) {
            return false;
        }
        if (slaBreached != null && (t.slaBreached().isEmpty() || !slaBreached.equals(t.slaBreached().get()))) {
            return false;
        }
        if (firstContactResolution != null && firstContactResolution != firstContactResolved(t)) {
            return false;
        }
        return closed == null || closed == TicketStatus.CLOSED.name().equals(t.status());
    }

    /** Resolved and never reopened: the customer did not have to come back. */
    static boolean firstContactResolved(TicketView t) {
        return t.resolvedAt().isPresent() && t.reopenCount() == 0;
    }
}
