package io.kefu.ui.ticket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import io.kefu.platform.json.Jsons;

/**
 * Merging an agent's edit with a change someone else saved meanwhile. Values are flat, by the
 * patch's names: core members ({@code subject}, {@code priority}, ...) and custom fields as
 * {@code fields.<key>}. A field is in conflict when the agent changed it and so did the other
 * side, to something else; the agent then keeps theirs or mine per field. Fields only the agent
 * changed are kept; fields only the other side changed are theirs. Pure, tested without a view.
 */
public final class EditMerge {

    private EditMerge() {
    }

    /** One field both sides changed: the value the agent started from, theirs now, and mine. */
    public record Conflict(String field, JsonValue base, JsonValue theirs, JsonValue mine) {
    }

    /** Which side wins a conflict. */
    public enum Keep { MINE, THEIRS }

    /**
     * The conflicts of {@code mine} (what the agent changed, by field) given {@code base} (the
     * values the agent saw) and {@code theirs} (the values saved now). A missing value is null.
     */
    public static List<Conflict> conflicts(Map<String, JsonValue> base, Map<String, JsonValue> theirs, Map<String, JsonValue> mine) {
        List<Conflict> out = new ArrayList<>();
        mine.forEach((field, value) -> {
            JsonValue before = normal(base.get(field));
            JsonValue now = normal(theirs.get(field));
            JsonValue wanted = normal(value);
            if (!Objects.equals(before, now) && !Objects.equals(now, wanted)) {
                out.add(new Conflict(field, before, now, wanted));
            }
        });
        return out;
    }

    /**
     * What to save: the agent's changes without the fields where they chose theirs, as a merge
     * patch with the version saved now ({@code fields.<key>} back under {@code fields}).
     */
    public static JsonObject patch(Map<String, JsonValue> mine, Map<String, Keep> choices, long version) {
        Map<String, JsonValue> kept = new LinkedHashMap<>();
        mine.forEach((field, value) -> {
            if (choices.getOrDefault(field, Keep.MINE) == Keep.MINE) {
                kept.put(field, value);
            }
        });
        return toPatch(kept, version);
    }

    /** A flat map of changes as the API's merge patch. */
    public static JsonObject toPatch(Map<String, JsonValue> changes, long version) {
        JsonObjectBuilder b = Jsons.createObjectBuilder();
        JsonObjectBuilder fields = Jsons.createObjectBuilder();
        boolean anyField = false;
        for (Map.Entry<String, JsonValue> e : changes.entrySet()) {
            JsonValue v = e.getValue() == null ? JsonValue.NULL : e.getValue();
            if (e.getKey().startsWith(FIELDS)) {
                fields.add(e.getKey().substring(FIELDS.length()), v);
                anyField = true;
            } else {
                b.add(e.getKey(), v);
            }
        }
        if (anyField) {
            b.add("fields", fields);
        }
        return b.add("version", version).build();
    }

    /** The editable values of a ticket as the API shows it, flat: core members, then {@code fields.<key>}. */
    public static Map<String, JsonValue> editable(JsonObject ticket) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        for (String core : CORE) {
            m.put(core, normal(ticket.get(core)));
        }
        if (ticket.get("complaint") instanceof JsonObject complaint) {
            // Sent whole (the platform replaces all of it), so compared whole.
            JsonObjectBuilder c = Jsons.createObjectBuilder();
            for (String key : COMPLAINT) {
                JsonValue v = complaint.get(key);
                c.add(key, v == null ? JsonValue.NULL : v);
            }
            m.put("complaint", c.build());
        }
        if (ticket.get("fields") instanceof JsonObject fields) {
            fields.forEach((k, v) -> m.put(FIELDS + k, normal(v)));
        }
        return m;
    }

    /** The core members the edit form changes. */
    static final List<String> CORE = List.of("subject", "description", "priority", "category");

    private static final String FIELDS = "fields.";

    /** The members of a complaint's details that an edit sends. */
    static final List<String> COMPLAINT = List.of("severity", "escalationLevel", "rootCause", "remedy", "compensation");

    /** Empty text and JSON null are both "no value". */
    private static JsonValue normal(JsonValue v) {
        if (v == null || v == JsonValue.NULL || (v instanceof jakarta.json.JsonString s && s.getString().isEmpty())) {
            return null;
        }
        return v;
    }
}
