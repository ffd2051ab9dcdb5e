package io.kefu.platform.queue;

import java.util.EnumSet;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.kefu.platform.json.Jsons;
import io.kefu.platform.problem.Inputs;
import io.kefu.platform.problem.Validation;
import io.kefu.platform.ticket.Priority;
import io.kefu.platform.ticket.TicketStatus;

/**
 * The filter bar of a queue, and what a saved filter keeps: statuses (none: the queue's own),
 * priority, assignee ({@code me}, {@code none} or a user name) and text (the ticket number or
 * words of the subject). Stored and sent as JSON with the list API's parameter names
 * ({@code status}, {@code priority}, {@code assignee}, {@code q}).
 */
public record QueueFilter(Set<TicketStatus> statuses, Priority priority, String assignee, String text) {

    public static final QueueFilter NONE = new QueueFilter(Set.of(), null, null, null);

    /** Same bounds as the ticket list's parameters. */
    static final int ASSIGNEE_MAX = 64;
    static final int TEXT_MAX = 200;

    public QueueFilter {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        assignee = blankToNull(assignee);
        text = blankToNull(text);
    }

    /** True when the bar filters nothing. */
    public boolean isEmpty() {
        return statuses.isEmpty() && priority == null && assignee == null && text == null;
    }

    /** Reads the JSON form, naming every invalid member at once. */
    public static QueueFilter parse(JsonObject json) {
        JsonObject in = json == null ? JsonValue.EMPTY_JSON_OBJECT : json;
        Validation v = new Validation();
        Set<TicketStatus> statuses = EnumSet.noneOf(TicketStatus.class);
        JsonValue status = in.get("status");
        if (status instanceof JsonArray list) {
            for (JsonValue one : list) {
                TicketStatus s = one instanceof JsonString str
                        ? v.check(() -> Inputs.enumValue(TicketStatus.class, str.getString(), "status", null)) : null;
                if (s != null) {
                    statuses.add(s);
                } else if (!(one instanceof JsonString)) {
                    v.reject("status", "field.type.string");
                }
            }
        } else if (status != null && status != JsonValue.NULL) {
            v.reject("status", "field.type.array");
        }
        String p = string(in, "priority", v);
        Priority priority = p == null || p.isBlank() ? null : v.check(() -> Inputs.enumValue(Priority.class, p, "priority", null));
        String assignee = v.check(() -> Inputs.text(string(in, "assignee", v), "assignee", ASSIGNEE_MAX, false));
        String text = v.check(() -> Inputs.text(string(in, "q", v), "q", TEXT_MAX, false));
        v.throwIfInvalid();
        return new QueueFilter(statuses, priority, assignee, text);
    }

    public JsonObject json() {
        JsonArrayBuilder st = Jsons.createArrayBuilder();
        EnumSet<TicketStatus> ordered = statuses.isEmpty() ? EnumSet.noneOf(TicketStatus.class) : EnumSet.copyOf(statuses);
        ordered.forEach(s -> st.add(s.name()));
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("status", st);
        add(b, "priority", priority == null ? null : priority.name());
        add(b, "assignee", assignee);
        add(b, "q", text);
        return b.build();
    }

    private static void add(JsonObjectBuilder b, String key, String value) {
        if (value == null) {
            b.addNull(key);
        } else {
            b.add(key, value);
        }
    }

    private static String string(JsonObject in, String key, Validation v) {
        JsonValue value = in.get(key);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        v.reject(key, "field.type.string");
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
