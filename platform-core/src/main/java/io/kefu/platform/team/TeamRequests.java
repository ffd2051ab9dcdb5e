package io.kefu.platform.team;

import java.util.Set;
import java.util.regex.Pattern;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.Inputs;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.Validation;

/**
 * Reads team requests from JSON, reporting every invalid field at once. JSON-P rather than
 * data binding: an edit must tell "absent" (leave) from "null" (clear), and a number sent as
 * the name is a field error, not an unreadable body.
 */
public final class TeamRequests {

    public static final int NAME_MAX = 100;
    public static final int DESCRIPTION_MAX = 1000;
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,31}");
    private static final Set<String> CREATE_FIELDS = Set.of("code", "name", "description", "strategy");
    private static final Set<String> EDIT_FIELDS = Set.of("name", "description", "strategy", "version");

    private TeamRequests() {
    }

    /** A new team; the strategy defaults to MANUAL. */
    public record New(String code, String name, String description, AssignmentStrategy strategy) {
    }

    /** A change of a team: null leaves a field as it is; {@code description} wraps a value that may be null (clear). */
    public record Edit(String name, Description description, AssignmentStrategy strategy) {
    }

    public record Description(String value) {
    }

    /** An edit and the version the client last saw. */
    public record Patch(long version, Edit edit) {
    }

    public static New create(JsonObject json) {
        JsonObject in = json == null ? JsonValue.EMPTY_JSON_OBJECT : json;
        Validation v = new Validation();
        unknownFields(in, CREATE_FIELDS, v);
        String code = v.check(() -> code(string(in, "code")));
        String name = v.check(() -> Inputs.text(string(in, "name"), "name", NAME_MAX, true));
        String description = v.check(() -> Inputs.text(string(in, "description"), "description", DESCRIPTION_MAX, false));
        AssignmentStrategy strategy = v.check(() -> Inputs.enumValue(AssignmentStrategy.class, string(in, "strategy"), "strategy",
                AssignmentStrategy.MANUAL));
        v.throwIfInvalid();
        return new New(code, name, description, strategy);
    }

    /** A merge patch; {@code version} is required, {@code code} cannot change. */
    public static Patch patch(JsonObject json) {
        JsonObject in = json == null ? JsonValue.EMPTY_JSON_OBJECT : json;
        Validation v = new Validation();
        in.keySet().stream().filter(k -> !EDIT_FIELDS.contains(k)).sorted()
                .forEach(k -> v.reject(k, k.equals("code") ? "team.code.fixed" : "field.unknown"));
        Long version = v.check(() -> version(in));
        String name = in.containsKey("name") ? v.check(() -> Inputs.text(string(in, "name"), "name", NAME_MAX, true)) : null;
        Description description = in.containsKey("description")
                ? new Description(v.check(() -> Inputs.text(string(in, "description"), "description", DESCRIPTION_MAX, false))) : null;
        AssignmentStrategy strategy = in.containsKey("strategy")
                ? v.check(() -> Inputs.enumValue(AssignmentStrategy.class, string(in, "strategy"), "strategy", null)) : null;
        v.throwIfInvalid();
        return new Patch(version, new Edit(name, description, strategy));
    }

    /** A team code: lower-case letters, digits and hyphens, 2 to 32, not starting with a hyphen. */
    public static String code(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidInputException(FieldError.of("code", "field.required"));
        }
        String v = input.strip();
        if (!CODE.matcher(v).matches()) {
            throw new InvalidInputException(FieldError.of("code", "team.code.invalid", v));
        }
        return v;
    }

    /** Whether {@code idOrCode} has the shape of a team id (a UUID), which no code can have. */
    static boolean looksLikeId(String idOrCode) {
        return idOrCode != null && idOrCode.length() == 36
                && idOrCode.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    private static Long version(JsonObject in) {
        JsonValue v = in.get("version");
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            throw new InvalidInputException(FieldError.of("version", "team.version.required"));
        }
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
            throw new InvalidInputException(FieldError.of("version", "field.type.integer"));
        }
        return n.longValue();
    }

    private static void unknownFields(JsonObject in, Set<String> known, Validation v) {
        in.keySet().stream().filter(k -> !known.contains(k)).sorted().forEach(k -> v.reject(k, "field.unknown"));
    }

    /** A string member; other JSON types are refused, null and absent read as null. */
    private static String string(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw new InvalidInputException(FieldError.of(key, "field.type.string"));
    }
}
