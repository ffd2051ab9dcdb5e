package io.kefu.platform.form;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.kefu.platform.json.Jsons;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.ticket.TicketStatus;

/**
 * The one judge of custom field values: the REST API (through the ticket service) and views call
 * it with the applicable field definitions, the ticket's status, the values stored so far and the
 * values submitted, and get back the complete values document or every error, keyed
 * {@code fields.<key>} with stable codes. Pure: no database, no container.
 *
 * <p>Rules beyond each type's shape:
 * <ul>
 *   <li>Submitted members are a merge patch: absent leaves a value, null (or "", or []) clears it.</li>
 *   <li>A value equal to the stored one is not a new write and is not judged again, so a value
 *       stored under an older definition (a field whose type changed) stays as it is. For
 *       personal data, the masked form of the stored value counts as equal: a client sending back
 *       what it was shown changes nothing.</li>
 *   <li>A field hidden by {@code visibleWhen} is never required, gets no default, and a new value
 *       sent for it is refused ({@code field.hidden}) rather than silently dropped.</li>
 *   <li>Defaults apply on create to visible fields not sent. Required applies on create to every
 *       visible field; on update to fields being cleared and fields this write makes visible, so
 *       that a field added to the form later never blocks work on older tickets.</li>
 *   <li>A field whose {@code readOnlyFrom} the ticket has reached cannot change ({@code field.read-only}).</li>
 *   <li>Keys the definitions do not know are refused ({@code field.unknown}); keys of retired fields
 *       ({@code field.retired}) may only be sent back unchanged.</li>
 * </ul>
 */
public final class FormValidator {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{5,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final String PREFIX = "fields.";

    private FormValidator() {
    }

    /** A new ticket (defaults apply, every visible required field must be filled) or a change of one. */
    public enum Mode { CREATE, UPDATE }

    /** A value that changed: before and after, null when empty. */
    public record Change(String key, JsonValue before, JsonValue after) {
    }

    /**
     * The result: {@code values} is the complete values document to store (only meaningful when
     * {@link #valid()}), {@code changes} what differs from the stored values.
     */
    public record Outcome(JsonObject values, List<FieldError> errors, List<Change> changes) {
        public Outcome {
            errors = List.copyOf(errors);
            changes = List.copyOf(changes);
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /**
     * Judges {@code submitted} against {@code fields}.
     *
     * @param status   the ticket's status before the change (null for customers: no read-only rule)
     * @param previous the stored values (null or empty on create)
     */
    public static Outcome validate(List<FieldDefinition> fields, TicketStatus status, JsonObject previous,
                                   JsonObject submitted, Mode mode) {
        Map<String, FieldDefinition> defs = new LinkedHashMap<>();
        fields.forEach(f -> defs.putIfAbsent(f.key(), f));
        Map<String, JsonValue> prev = previous == null ? Map.of() : previous;
        Map<String, JsonValue> result = new LinkedHashMap<>(prev);
        JsonObject sent = submitted == null ? JsonValue.EMPTY_JSON_OBJECT : submitted;
        List<FieldError> errors = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        Set<String> written = new LinkedHashSet<>();

        for (Map.Entry<String, JsonValue> e : sent.entrySet()) {
            String key = e.getKey();
            String path = PREFIX + key;
            FieldDefinition def = defs.get(key);
            JsonValue old = prev.get(key);
            JsonValue value = e.getValue();
            if (def == null) {
                if (old == null || !old.equals(value)) {
                    errors.add(FieldError.of(path, old != null ? "field.retired" : "field.unknown"));
                    failed.add(key);
                }
                continue;
            }
            JsonValue normalized;
            if (isEmpty(value)) {
                normalized = null;
            } else if (old != null && (old.equals(value) || echoesMask(def, old, value))) {
                normalized = old;
            } else {
                List<FieldError> valueErrors = new ArrayList<>();
                normalized = normalize(def, value, path, valueErrors);
                if (!valueErrors.isEmpty()) {
                    errors.addAll(valueErrors);
                    failed.add(key);
                    continue;
                }
            }
            if (Objects.equals(normalized, old)) {
                continue;
            }
            if (mode == Mode.UPDATE && def.isReadOnlyIn(status)) {
                errors.add(FieldError.of(path, "field.read-only", status.name()));
                failed.add(key);
                continue;
            }
            written.add(key);
            if (normalized == null) {
                result.remove(key);
            } else {
                result.put(key, normalized);
            }
        }

        Set<String> defaulted = new HashSet<>();
        if (mode == Mode.CREATE) {
            for (FieldDefinition def : defs.values()) {
                if (!sent.containsKey(def.key()) && def.defaultValue() != null && !result.containsKey(def.key())) {
                    result.put(def.key(), def.defaultValue());
                    defaulted.add(def.key());
                }
            }
        }

        Set<String> visibleBefore = visible(defs, prev);
        Set<String> visibleNow = visible(defs, result);
        for (FieldDefinition def : defs.values()) {
            String key = def.key();
            if (failed.contains(key)) {
                continue;
            }
            boolean shown = visibleNow.contains(key);
            if (!shown && defaulted.contains(key)) {
                result.remove(key);
                continue;
            }
            if (!shown && written.contains(key) && result.containsKey(key)) {
                errors.add(FieldError.of(PREFIX + key, "field.hidden", def.visibleWhen().field()));
                failed.add(key);
                continue;
            }
            boolean mustHave = mode == Mode.CREATE
                    || (written.contains(key) && !result.containsKey(key))
                    || !visibleBefore.contains(key);
            if (shown && def.required() && mustHave && !result.containsKey(key)) {
                errors.add(FieldError.of(PREFIX + key, "field.required"));
            }
        }

        JsonObjectBuilder out = Jsons.createObjectBuilder();
        result.forEach(out::add);
        List<Change> changes = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(prev.keySet());
        keys.addAll(result.keySet());
        for (String k : keys) {
            JsonValue before = prev.get(k);
            JsonValue after = result.get(k);
            if (!Objects.equals(before, after)) {
                changes.add(new Change(k, before, after));
            }
        }
        return new Outcome(out.build(), errors, changes);
    }

    /** The keys of the fields shown with these values: a condition holds only if its own field is shown. */
    public static Set<String> visible(Map<String, FieldDefinition> defs, Map<String, JsonValue> values) {
        Map<String, Boolean> memo = new HashMap<>();
        for (String k : defs.keySet()) {
            isVisible(k, defs, values, memo, new HashSet<>());
        }
        return memo.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static boolean isVisible(String key, Map<String, FieldDefinition> defs, Map<String, JsonValue> values,
                                     Map<String, Boolean> memo, Set<String> path) {
        Boolean known = memo.get(key);
        if (known != null) {
            return known;
        }
        FieldDefinition def = defs.get(key);
        boolean result;
        if (def == null) {
            // A condition on a field of another form applicable to the same ticket, or on a retired
            // field: judged by its value alone.
            result = true;
        } else if (def.visibleWhen() == null) {
            result = true;
        } else if (!path.add(key)) {
            result = false; // a cycle (refused when the form is defined) shows nothing
        } else {
            Condition c = def.visibleWhen();
            result = isVisible(c.field(), defs, values, memo, path) && matches(values.get(c.field()), c.equals());
        }
        memo.put(key, result);
        return result;
    }

    static boolean matches(JsonValue value, List<String> wanted) {
        if (value == null) {
            return false;
        }
        if (value instanceof JsonArray a) {
            return a.stream().anyMatch(v -> wanted.contains(text(v)));
        }
        return wanted.contains(text(value));
    }

    /** A value as one line of text (timeline, audit, projection). */
    public static String text(JsonValue v) {
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).bigDecimalValue().toPlainString();
            case TRUE -> "true";
            case FALSE -> "false";
            case ARRAY -> ((JsonArray) v).stream().map(FormValidator::text).collect(Collectors.joining(","));
            case OBJECT -> {
                JsonObject o = v.asJsonObject();
                yield o.containsKey("amount") && o.containsKey("currency")
                        ? text(o.get("amount")) + " " + text(o.get("currency")) : o.toString();
            }
            default -> v.toString();
        };
    }

    /** Whether the ticket, now in {@code status}, has reached {@code from} in the service loop. */
    static boolean reached(TicketStatus status, TicketStatus from) {
        return stage(status) >= stage(from);
    }

    /**
     * Position in the service loop. A reopened ticket is back at work (as IN_PROGRESS): a field
     * read-only from RESOLVED can be corrected again while the problem is worked on once more.
     */
    static int stage(TicketStatus s) {
        return switch (s) {
            case NEW -> 0;
            case ASSIGNED -> 1;
            case IN_PROGRESS, REOPENED -> 2;
            case PENDING_CUSTOMER -> 3;
            case RESOLVED -> 4;
            case CLOSED -> 5;
            case CANCELLED -> 6;
            case ARCHIVED -> 7;
        };
    }

    private static boolean isEmpty(JsonValue v) {
        return v.getValueType() == JsonValue.ValueType.NULL
                || (v instanceof JsonString s && s.getString().isBlank())
                || (v instanceof JsonArray a && a.isEmpty());
    }

    private static boolean echoesMask(FieldDefinition def, JsonValue old, JsonValue value) {
        return def.effectiveMask().isPresent() && value instanceof JsonString s
                && s.getString().equals(FieldValues.masked(def, old));
    }

    /**
     * The value in its stored form, or null with the reasons added to {@code errors}. Used for
     * submitted values and for a definition's own {@code default}.
     */
    static JsonValue normalize(FieldDefinition f, JsonValue v, String path, List<FieldError> errors) {
        int before = errors.size();
        JsonValue out = switch (f.type()) {
            case TEXT, LONG_TEXT, IDENTIFIER -> string(v, f, path, errors).map(s -> text(f, s, path, errors)).orElse(null);
            case PHONE -> string(v, f, path, errors).map(s -> phone(f, s, path, errors)).orElse(null);
            case EMAIL -> string(v, f, path, errors).map(s -> email(s, path, errors)).orElse(null);
            case NUMBER -> number(f, v, path, errors);
            case MONEY -> money(f, v, path, errors);
            case DATE -> string(v, f, path, errors).map(s -> date(f, s, path, errors)).orElse(null);
            case DATE_TIME -> string(v, f, path, errors).map(s -> dateTime(f, s, path, errors)).orElse(null);
            case SINGLE_CHOICE -> string(v, f, path, errors).map(s -> choice(f, s, path, errors)).orElse(null);
            case MULTI_CHOICE -> choices(f, v, path, errors);
            case BOOLEAN -> v == JsonValue.TRUE || v == JsonValue.FALSE ? v : typeError(f, path, errors);
        };
        return errors.size() > before ? null : out;
    }

    private static java.util.Optional<String> string(JsonValue v, FieldDefinition f, String path, List<FieldError> errors) {
        if (v instanceof JsonString s) {
            return java.util.Optional.of(s.getString().strip());
        }
        typeError(f, path, errors);
        return java.util.Optional.empty();
    }

    private static JsonValue typeError(FieldDefinition f, String path, List<FieldError> errors) {
        errors.add(FieldError.of(path, "field.type", f.type().name()));
        return null;
    }

    private static JsonValue text(FieldDefinition f, String s, String path, List<FieldError> errors) {
        int length = s.codePointCount(0, s.length());
        if (length > f.maxLength()) {
            errors.add(FieldError.of(path, "field.too-long", f.maxLength()));
        } else if (length < f.minLength()) {
            errors.add(FieldError.of(path, "field.too-short", f.minLength()));
        } else if (s.chars().anyMatch(c -> Character.isISOControl(c) && (f.type() != FieldType.LONG_TEXT || (c != '\n' && c != '\t' && c != '\r')))) {
            errors.add(FieldError.of(path, "field.control-characters"));
        } else {
            checkPattern(f, s, path, errors);
        }
        return Jsons.createValue(s);
    }

    private static void checkPattern(FieldDefinition f, String s, String path, List<FieldError> errors) {
        if (f.pattern() == null) {
            return;
        }
        if (!compiled(f.pattern()).matcher(s).matches()) {
            errors.add(f.example() == null ? FieldError.of(path, "field.pattern.no-example", f.pattern())
                    : FieldError.of(path, "field.pattern", f.example()));
        }
    }

    private static final Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    static Pattern compiled(String regex) {
        Pattern p = PATTERNS.get(regex);
        if (p == null) {
            p = Pattern.compile(regex);
            if (PATTERNS.size() < 10_000) {
                PATTERNS.put(regex, p);
            }
        }
        return p;
    }

    /** Whether {@code regex} is a pattern Kefu accepts in a definition. */
    static boolean isValidPattern(String regex) {
        try {
            Pattern.compile(regex);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static JsonValue phone(FieldDefinition f, String s, String path, List<FieldError> errors) {
        String compact = s.replaceAll("[\\s-]", "");
        if (!PHONE.matcher(compact).matches()) {
            errors.add(FieldError.of(path, "field.phone", s));
            return null;
        }
        checkPattern(f, compact, path, errors);
        return Jsons.createValue(compact);
    }

    private static JsonValue email(String s, String path, List<FieldError> errors) {
        if (s.length() > 254 || !EMAIL.matcher(s).matches()) {
            errors.add(FieldError.of(path, "field.email", s));
            return null;
        }
        return Jsons.createValue(s);
    }

    private static JsonValue number(FieldDefinition f, JsonValue v, String path, List<FieldError> errors) {
        if (!(v instanceof JsonNumber n)) {
            return typeError(f, path, errors);
        }
        BigDecimal d = plain(n.bigDecimalValue());
        if (d.precision() - d.scale() > 18 || d.scale() > 6) {
            errors.add(FieldError.of(path, "field.number.precision"));
            return null;
        }
        bounds(f, d, path, errors);
        return Jsons.createValue(d);
    }

    private static BigDecimal plain(BigDecimal d) {
        return new BigDecimal(d.stripTrailingZeros().toPlainString());
    }

    private static void bounds(FieldDefinition f, BigDecimal d, String path, List<FieldError> errors) {
        if (f.minNumber() != null && d.compareTo(f.minNumber()) < 0) {
            errors.add(FieldError.of(path, "field.min", f.min()));
        } else if (f.maxNumber() != null && d.compareTo(f.maxNumber()) > 0) {
            errors.add(FieldError.of(path, "field.max", f.max()));
        }
    }

    private static JsonValue money(FieldDefinition f, JsonValue v, String path, List<FieldError> errors) {
        int before = errors.size();
        if (!(v instanceof JsonObject o)) {
            return typeError(f, path, errors);
        }
        BigDecimal amount = null;
        JsonValue a = o.get("amount");
        try {
            if (a instanceof JsonNumber n) {
                amount = n.bigDecimalValue();
            } else if (a instanceof JsonString s) {
                amount = new BigDecimal(s.getString().strip());
            }
        } catch (NumberFormatException e) {
            amount = null;
        }
        if (amount == null || amount.stripTrailingZeros().scale() > 2 || amount.abs().compareTo(new BigDecimal("1e15")) >= 0) {
            errors.add(FieldError.of(path + ".amount", "field.money.amount"));
        }
        JsonValue c = o.get("currency");
        String currency = c instanceof JsonString s ? s.getString().strip().toUpperCase(java.util.Locale.ROOT)
                : c == null || c == JsonValue.NULL ? f.currency() : null;
        if (currency == null || !CURRENCY.matcher(currency).matches() || (f.currency() != null && !f.currency().equals(currency))) {
            errors.add(FieldError.of(path + ".currency", "field.money.currency", f.currency() == null ? "ISO 4217" : f.currency()));
        }
        if (o.keySet().stream().anyMatch(k -> !k.equals("amount") && !k.equals("currency"))) {
            errors.add(FieldError.of(path, "field.type", f.type().name()));
        }
        if (errors.size() > before) {
            return null;
        }
        BigDecimal scaled = amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
        bounds(f, scaled, path, errors);
        return Jsons.createObjectBuilder().add("amount", scaled.toPlainString()).add("currency", currency).build();
    }

    private static JsonValue date(FieldDefinition f, String s, String path, List<FieldError> errors) {
        LocalDate d;
        try {
            d = LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(path, "field.date", s));
            return null;
        }
        if (f.min() != null && d.isBefore(LocalDate.parse(f.min()))) {
            errors.add(FieldError.of(path, "field.min", f.min()));
        } else if (f.max() != null && d.isAfter(LocalDate.parse(f.max()))) {
            errors.add(FieldError.of(path, "field.max", f.max()));
        }
        return Jsons.createValue(d.toString());
    }

    private static JsonValue dateTime(FieldDefinition f, String s, String path, List<FieldError> errors) {
        Instant t;
        try {
            t = OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(path, "field.datetime", s));
            return null;
        }
        if (f.min() != null && t.isBefore(instantBound(f.min()))) {
            errors.add(FieldError.of(path, "field.min", f.min()));
        } else if (f.max() != null && t.isAfter(instantBound(f.max()))) {
            errors.add(FieldError.of(path, "field.max", f.max()));
        }
        return Jsons.createValue(t.toString());
    }

    /** A DATE_TIME bound: an ISO date-time, or a date meaning its start in UTC. */
    static Instant instantBound(String s) {
        return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant() : OffsetDateTime.parse(s).toInstant();
    }

    private static JsonValue choice(FieldDefinition f, String s, String path, List<FieldError> errors) {
        if (f.option(s).isEmpty()) {
            errors.add(FieldError.of(path, "field.choice", s, allowed(f)));
            return null;
        }
        return Jsons.createValue(s);
    }

    private static JsonValue choices(FieldDefinition f, JsonValue v, String path, List<FieldError> errors) {
        if (!(v instanceof JsonArray a)) {
            return typeError(f, path, errors);
        }
        Set<String> picked = new HashSet<>();
        for (JsonValue item : a) {
            if (!(item instanceof JsonString s)) {
                return typeError(f, path, errors);
            }
            if (f.option(s.getString()).isEmpty()) {
                errors.add(FieldError.of(path, "field.choice", s.getString(), allowed(f)));
                return null;
            }
            picked.add(s.getString());
        }
        // Stored in the definition's order, so equal selections are equal documents.
        JsonArrayBuilder out = Jsons.createArrayBuilder();
        f.options().stream().map(Option::value).filter(picked::contains).forEach(out::add);
        return out.build();
    }

    private static String allowed(FieldDefinition f) {
        return f.options().stream().map(Option::value).collect(Collectors.joining(", "));
    }
}
