package io.kefu.platform.ticket;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.Inputs;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.Validation;

/**
 * Reads ticket requests from JSON, reporting every invalid field at once with the JSON names
 * ({@code subject}, {@code complaint.severity}, ...). JSON-P rather than data binding, because a
 * partial update must tell "absent" (leave) from "null" (clear).
 */
public final class TicketRequests {

    public static final int SUBJECT_MAX = 300;
    public static final int DESCRIPTION_MAX = 20_000;
    public static final int TAGS_MAX = 20;
    public static final int TAG_MAX = 40;
    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Set<String> CREATE_FIELDS = Set.of("kind", "subject", "description", "priority", "channel",
            "category", "customer", "team", "tags", "complaint", "fields");
    private static final Set<String> EDIT_FIELDS = Set.of("subject", "description", "priority", "category", "customer",
            "team", "tags", "complaint", "version", "fields");

    private TicketRequests() {
    }

    /** A new ticket; channel defaults to {@code defaultChannel} (API for integrations). */
    public static TicketDraft draft(JsonObject json, Channel defaultChannel) {
        JsonObject in = json == null ? JsonValue.EMPTY_JSON_OBJECT : json;
        Validation v = new Validation();
        unknownFields(in, CREATE_FIELDS, v);
        TicketKind kind = v.check(() -> Inputs.enumValue(TicketKind.class, string(in, "kind"), "kind", null));
        String subject = v.check(() -> Inputs.text(string(in, "subject"), "subject", SUBJECT_MAX, true));
        String description = v.check(() -> Inputs.text(string(in, "description"), "description", DESCRIPTION_MAX, false));
        Priority priority = v.check(() -> Inputs.enumValue(Priority.class, string(in, "priority"), "priority", Priority.NORMAL));
        Channel channel = v.check(() -> Inputs.enumValue(Channel.class, string(in, "channel"), "channel", defaultChannel));
        String category = v.check(() -> category(string(in, "category")));
        String customer = v.check(() -> reference(string(in, "customer"), "customer"));
        String team = v.check(() -> reference(string(in, "team"), "team"));
        List<String> tags = v.check(() -> tags(in.get("tags")));
        Complaint complaint = v.check(() -> complaint(in.get("complaint"), kind));
        v.check(() -> fieldsShape(in.get("fields")));
        v.throwIfInvalid();
        return new TicketDraft(kind, subject, description, priority, channel, category, customer, team,
                tags == null ? List.of() : tags, complaint == null ? Complaint.NONE : complaint);
    }

    /** A merge patch of a ticket of {@code kind}; {@code version} is required. */
    public static Patch patch(JsonObject json, TicketKind kind) {
        JsonObject in = json == null ? JsonValue.EMPTY_JSON_OBJECT : json;
        Validation v = new Validation();
        unknownFields(in, EDIT_FIELDS, v);
        Long version = v.check(() -> version(in));
        String subject = in.containsKey("subject") ? v.check(() -> Inputs.text(string(in, "subject"), "subject", SUBJECT_MAX, true)) : null;
        TicketEdit.Value description = in.containsKey("description")
                ? new TicketEdit.Value(v.check(() -> Inputs.text(string(in, "description"), "description", DESCRIPTION_MAX, false))) : null;
        Priority priority = in.containsKey("priority")
                ? v.check(() -> Inputs.enumValue(Priority.class, string(in, "priority"), "priority", null)) : null;
        TicketEdit.Value category = in.containsKey("category") ? new TicketEdit.Value(v.check(() -> category(string(in, "category")))) : null;
        TicketEdit.Value customer = in.containsKey("customer") ? new TicketEdit.Value(v.check(() -> reference(string(in, "customer"), "customer"))) : null;
        TicketEdit.Value team = in.containsKey("team") ? new TicketEdit.Value(v.check(() -> reference(string(in, "team"), "team"))) : null;
        List<String> tags = in.containsKey("tags") ? v.check(() -> tags(in.get("tags"))) : null;
        Complaint complaint = in.containsKey("complaint") ? v.check(() -> complaint(in.get("complaint"), kind)) : null;
        v.check(() -> fieldsShape(in.get("fields")));
        v.throwIfInvalid();
        TicketEdit edit = new TicketEdit(subject, description, priority, category, customer, team,
                in.containsKey("tags") && tags == null ? List.of() : tags, complaint);
        return new Patch(version, edit);
    }

    /** An edit and the version the client last saw. */
    public record Patch(long version, TicketEdit edit) {
    }

    /**
     * The custom field values sent ({@code fields}, a flat object judged by the forms engine's
     * {@link io.kefu.platform.form.FormValidator}); null when absent or not an object.
     */
    public static JsonObject fields(JsonObject json) {
        JsonValue f = json == null ? null : json.get("fields");
        return f instanceof JsonObject o ? o : null;
    }

    /** The kind asked for, when it is a valid one (to choose the forms even if other members are invalid). */
    static TicketKind kindOrNull(JsonObject json) {
        try {
            return json != null && json.get("kind") instanceof JsonString s ? TicketKind.valueOf(s.getString().strip()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The category asked for, when it is a valid code. */
    static String categoryOrNull(JsonObject json) {
        try {
            return json != null && json.get("category") instanceof JsonString s ? category(s.getString()) : null;
        } catch (InvalidInputException e) {
            return null;
        }
    }

    static List<String> tags(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidInputException(FieldError.of("tags", "field.type.array"));
        }
        JsonArray array = value.asJsonArray();
        Set<String> tags = new LinkedHashSet<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString s)) {
                throw new InvalidInputException(FieldError.of("tags", "ticket.tag.invalid", String.valueOf(item)));
            }
            String tag = s.getString().strip();
            if (tag.isEmpty() || tag.length() > TAG_MAX || tag.contains(",")) {
                throw new InvalidInputException(FieldError.of("tags", "ticket.tag.invalid", tag));
            }
            tags.add(tag);
        }
        if (tags.size() > TAGS_MAX) {
            throw new InvalidInputException(FieldError.of("tags", "ticket.tags.too-many", TAGS_MAX));
        }
        return new ArrayList<>(tags);
    }

    static Complaint complaint(JsonValue value, TicketKind kind) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (kind != TicketKind.COMPLAINT) {
            throw new InvalidInputException(FieldError.of("complaint", "ticket.complaint.only"));
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException(FieldError.of("complaint", "field.type.object"));
        }
        JsonObject c = value.asJsonObject();
        Validation v = new Validation();
        Severity severity = c.containsKey("severity") && !c.isNull("severity")
                ? v.check(() -> Inputs.enumValue(Severity.class, string(c, "severity", "complaint.severity"), "complaint.severity", null)) : null;
        Integer level = c.containsKey("escalationLevel") && !c.isNull("escalationLevel")
                ? v.check(() -> Inputs.intInRange(integer(c, "escalationLevel", "complaint.escalationLevel"), "complaint.escalationLevel", 1, 3))
                : null;
        String rootCause = v.check(() -> category(string(c, "rootCause", "complaint.rootCause"), "complaint.rootCause"));
        String remedy = v.check(() -> Inputs.text(string(c, "remedy", "complaint.remedy"), "complaint.remedy", 2000, false));
        BigDecimal amount = null;
        String currency = null;
        if (c.containsKey("compensation") && !c.isNull("compensation")) {
            if (c.get("compensation").getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidInputException(FieldError.of("complaint.compensation", "field.type.object"));
            }
            JsonObject money = c.getJsonObject("compensation");
            amount = v.check(() -> Inputs.amount(decimal(money, "amount", "complaint.compensation.amount"), "complaint.compensation.amount"));
            currency = v.check(() -> Inputs.currency(string(money, "currency", "complaint.compensation.currency"), "complaint.compensation.currency"));
        }
        v.throwIfInvalid();
        return new Complaint(severity, level, rootCause, remedy, amount, currency);
    }

    private static Object fieldsShape(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL || value.getValueType() == JsonValue.ValueType.OBJECT) {
            return null;
        }
        throw new InvalidInputException(FieldError.of("fields", "field.type.object"));
    }

    private static Long version(JsonObject in) {
        JsonValue v = in.get("version");
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            throw new InvalidInputException(FieldError.of("version", "ticket.version.required"));
        }
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
            throw new InvalidInputException(FieldError.of("version", "field.type.integer"));
        }
        return n.longValue();
    }

    private static String category(String input) {
        return category(input, "category");
    }

    private static String category(String input, String field) {
        if (input == null || input.isBlank()) {
            return null;
        }
        String v = input.strip();
        if (!CATEGORY.matcher(v).matches()) {
            throw new InvalidInputException(FieldError.of(field, "ticket.category.invalid", v));
        }
        return v;
    }

    private static String reference(String input, String field) {
        if (input == null || input.isBlank()) {
            return null;
        }
        String v = input.strip();
        if (!REFERENCE.matcher(v).matches()) {
            throw new InvalidInputException(FieldError.of(field, "field.reference.invalid", v));
        }
        return v;
    }

    private static void unknownFields(JsonObject in, Set<String> known, Validation v) {
        in.keySet().stream().filter(k -> !known.contains(k)).sorted().forEach(k -> v.reject(k, "field.unknown"));
    }

    /** A string member; numbers and booleans are refused as the wrong type, null and absent read as null. */
    static String string(JsonObject o, String key) {
        return string(o, key, key);
    }

    static String string(JsonObject o, String key, String field) {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw new InvalidInputException(FieldError.of(field, "field.type.string"));
    }

    private static Integer integer(JsonObject o, String key, String field) {
        JsonValue v = o.get(key);
        if (v instanceof JsonNumber n && n.isIntegral()) {
            return n.intValue();
        }
        throw new InvalidInputException(FieldError.of(field, "field.type.integer"));
    }

    private static BigDecimal decimal(JsonObject o, String key, String field) {
        JsonValue v = o.get(key);
        if (v instanceof JsonNumber n) {
            return n.bigDecimalValue();
        }
        if (v instanceof JsonString s) {
            try {
                return new BigDecimal(s.getString().strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(FieldError.of(field, "money.amount.invalid", s.getString()));
            }
        }
        throw new InvalidInputException(FieldError.of(field, "field.required"));
    }
}
