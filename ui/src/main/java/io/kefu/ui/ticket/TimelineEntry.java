package io.kefu.ui.ticket;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * One timeline entry as the view shows it, from the API's event JSON: a heading (bundle key and
 * arguments), the text body if any, whether it is staff-only, and an attachment to link. The
 * view puts every part in as text, so nothing anyone typed is ever rendered as HTML.
 *
 * @param type        the platform's event type (REPLY, NOTE, STATUS_CHANGE, ...)
 * @param headingArgs arguments of {@code headingKey}; status names as bundle keys start with {@code ticket.status.}
 * @param body        what was written (replies, notes, messages, reasons), null when nothing
 * @param attachment  the attachment's id for ATTACHMENT entries, else null
 */
public record TimelineEntry(String id, String type, boolean internal, Instant at, String actor, String headingKey,
                            List<Object> headingArgs, String body, String attachment) {

    public static TimelineEntry of(JsonObject e) {
        String type = e.getString("type", "SYSTEM");
        JsonObject data = e.get("data") instanceof JsonObject d ? d : JsonValue.EMPTY_JSON_OBJECT;
        String actor = e.getString("actor", "");
        List<Object> args = new ArrayList<>();
        args.add(actor);
        String body = e.get("body") instanceof JsonString s ? s.getString() : null;
        String attachment = null;
        String key = "ticket.timeline." + type.toLowerCase(Locale.ROOT).replace('_', '-');
        switch (type) {
            case "STATUS_CHANGE" -> {
                args.add(statusKey(data.getString("from", "")));
                args.add(statusKey(data.getString("to", "")));
                String why = data.getString("resolution", data.getString("reason", null));
                body = why;
            }
            case "ASSIGNMENT" -> args.add(text(data.get("after")));
            case "FIELD_CHANGE" -> {
                args.add(data.getString("field", ""));
                args.add(text(data.get("before")));
                args.add(text(data.get("after")));
            }
            case "ATTACHMENT" -> {
                args.add(data.getString("filename", ""));
                attachment = data.getString("attachment", null);
            }
            case "SLA" -> {
                String change = data.getString("change", "");
                args.add(data.getString("serviceStandard", ""));
                args.add(change.startsWith("STATUS_") ? "ticket.sla-change.STATUS" : "ticket.sla-change." + change);
                args.add(change.startsWith("STATUS_") ? statusKey(change.substring("STATUS_".length())) : "");
            }
            default -> {
            }
        }
        Instant at;
        try {
            at = Instant.parse(e.getString("at", ""));
        } catch (DateTimeParseException unreadable) {
            at = null;
        }
        return new TimelineEntry(e.getString("id", ""), type, "INTERNAL".equals(e.getString("visibility", "PUBLIC")), at, actor,
                key, List.copyOf(args), body, attachment);
    }

    /** The bundle key of a status name. */
    public static String statusKey(String status) {
        return "ticket.status." + status;
    }

    private static String text(JsonValue v) {
        if (v == null || v == JsonValue.NULL) {
            return "—";
        }
        return v instanceof JsonString s ? s.getString() : v.toString();
    }
}
