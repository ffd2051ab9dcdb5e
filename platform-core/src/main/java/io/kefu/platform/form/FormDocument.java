package io.kefu.platform.form;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.kefu.platform.json.Jsons;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.ticket.TicketKind;
import io.kefu.platform.ticket.TicketStatus;

/**
 * Reads and writes the shared form-definition JSON ({@code {"formatVersion": 1, "forms": [...]}}).
 * Reading checks the whole document and reports every problem at once, each with its JSON path
 * ({@code forms[0].fields[2].pattern}); nothing is returned unless everything is valid. Writing
 * gives the canonical form (fixed member order, defaults left out), which is also what versions
 * are compared by.
 */
public final class FormDocument {

    public static final int FORMAT_VERSION = 1;
    public static final int MAX_FORMS = 200;
    public static final int MAX_FIELDS = 100;
    public static final int MAX_OPTIONS = 200;
    static final Pattern FORM_KEY = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
    static final Pattern FIELD_KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");
    static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int LABEL_MAX = 200;
    private static final int HELP_MAX = 2000;
    private static final Set<String> DOCUMENT_MEMBERS = Set.of("formatVersion", "forms");
    private static final Set<String> FORM_MEMBERS = Set.of("key", "target", "kinds", "categories", "label", "fields");
    private static final Set<String> FIELD_MEMBERS = Set.of("key", "type", "label", "help", "required", "pattern", "example",
            "personalData", "mask", "readOnlyFrom", "visibleWhen", "min", "max", "default", "currency", "options");

    private FormDocument() {
    }

    /** Parses a whole document; throws {@link InvalidInputException} naming each bad path. */
    public static List<Form> parse(String json) {
        JsonValue root = read(json);
        List<FieldError> errors = new ArrayList<>();
        if (!(root instanceof JsonObject doc)) {
            throw new InvalidInputException(FieldError.of("$", "form.document.not-object"));
        }
        unknown(doc, DOCUMENT_MEMBERS, "", errors);
        JsonValue version = doc.get("formatVersion");
        if (!(version instanceof JsonNumber n) || !n.isIntegral() || n.intValue() != FORMAT_VERSION) {
            errors.add(FieldError.of("formatVersion", "form.format-version", FORMAT_VERSION));
        }
        List<Form> forms = new ArrayList<>();
        JsonValue list = doc.get("forms");
        if (!(list instanceof JsonArray array)) {
            errors.add(FieldError.of("forms", "field.type.array"));
        } else if (array.size() > MAX_FORMS) {
            errors.add(FieldError.of("forms", "form.too-many", MAX_FORMS));
        } else {
            Map<String, Integer> keys = new HashMap<>();
            for (int i = 0; i < array.size(); i++) {
                String path = "forms[" + i + "]";
                if (!(array.get(i) instanceof JsonObject o)) {
                    errors.add(FieldError.of(path, "field.type.object"));
                    continue;
                }
                Form f = form(o, path + ".", errors);
                if (o.get("key") instanceof JsonString k && FORM_KEY.matcher(k.getString()).matches()
                        && keys.putIfAbsent(k.getString(), i) != null) {
                    errors.add(FieldError.of(path + ".key", "form.key.duplicate", k.getString()));
                }
                forms.add(f);
            }
            errors.addAll(typeConflicts(forms, "forms[", "]."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return List.copyOf(forms);
    }

    /** Parses one form (the body of a create or replace); paths have no {@code forms[i]} prefix. */
    public static Form parseForm(String json) {
        JsonValue root = read(json);
        if (!(root instanceof JsonObject o)) {
            throw new InvalidInputException(FieldError.of("$", "form.document.not-object"));
        }
        List<FieldError> errors = new ArrayList<>();
        Form f = form(o, "", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return f;
    }

    /**
     * Fields that share a key across forms of one target must share the type: filters, sorting
     * and KPIs address a field by its key alone. Errors name the later form's field.
     */
    static List<FieldError> typeConflicts(List<Form> forms, String prefix, String suffix) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, FieldType> seen = new HashMap<>();
        for (int i = 0; i < forms.size(); i++) {
            Form f = forms.get(i);
            if (f == null) {
                continue;
            }
            for (int j = 0; j < f.fields().size(); j++) {
                FieldDefinition d = f.fields().get(j);
                FieldType earlier = seen.putIfAbsent(f.target() + "/" + d.key(), d.type());
                if (earlier != null && earlier != d.type()) {
                    errors.add(FieldError.of(prefix + i + suffix + "fields[" + j + "].type", "form.field.type-conflict", d.key(), earlier.name()));
                }
            }
        }
        return errors;
    }

    private static JsonValue read(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidInputException(FieldError.of("$", "form.document.empty"));
        }
        try (JsonReader r = Jsons.createReader(new StringReader(json))) {
            return r.readValue();
        } catch (JsonException e) {
            throw new InvalidInputException(FieldError.of("$", "form.document.syntax", String.valueOf(e.getMessage())));
        }
    }

    private static Form form(JsonObject o, String p, List<FieldError> errors) {
        int before = errors.size();
        unknown(o, FORM_MEMBERS, p, errors);
        String key = matching(o, "key", FORM_KEY, p, "form.key.invalid", errors);
        FormTarget target = enumValue(FormTarget.class, o, "target", p, errors, null);
        List<TicketKind> kinds = new ArrayList<>();
        for (String s : strings(o, "kinds", p, errors)) {
            try {
                TicketKind k = TicketKind.valueOf(s);
                if (!kinds.contains(k)) {
                    kinds.add(k);
                }
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of(p + "kinds", "field.value.unknown", s, names(TicketKind.values())));
            }
        }
        List<String> categories = new ArrayList<>();
        for (String s : strings(o, "categories", p, errors)) {
            if (!CATEGORY.matcher(s).matches()) {
                errors.add(FieldError.of(p + "categories", "ticket.category.invalid", s));
            } else if (!categories.contains(s)) {
                categories.add(s);
            }
        }
        if (target == FormTarget.CUSTOMER && (!kinds.isEmpty() || !categories.isEmpty())) {
            errors.add(FieldError.of(p + "target", "form.customer.no-kinds"));
        }
        LocalizedText label = text(o, "label", p, true, LABEL_MAX, errors);
        List<FieldDefinition> fields = new ArrayList<>();
        JsonValue list = o.get("fields");
        if (!(list instanceof JsonArray array)) {
            errors.add(FieldError.of(p + "fields", "field.type.array"));
        } else if (array.size() > MAX_FIELDS) {
            errors.add(FieldError.of(p + "fields", "form.fields.too-many", MAX_FIELDS));
        } else {
            Map<String, JsonObject> raw = new HashMap<>();
            for (JsonValue v : array) {
                if (v instanceof JsonObject f && f.get("key") instanceof JsonString k) {
                    raw.putIfAbsent(k.getString(), f);
                }
            }
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < array.size(); i++) {
                String fp = p + "fields[" + i + "]";
                if (!(array.get(i) instanceof JsonObject f)) {
                    errors.add(FieldError.of(fp, "field.type.object"));
                    continue;
                }
                FieldDefinition d = field(f, fp + ".", raw, errors);
                if (d != null) {
                    if (!keys.add(d.key())) {
                        errors.add(FieldError.of(fp + ".key", "form.field.key.duplicate", d.key()));
                    }
                    fields.add(d);
                }
            }
            conditionCycles(fields, p, errors);
        }
        if (errors.size() > before) {
            return null;
        }
        return new Form(key, target, kinds, categories, label, fields);
    }

    private static FieldDefinition field(JsonObject o, String p, Map<String, JsonObject> siblings, List<FieldError> errors) {
        int before = errors.size();
        unknown(o, FIELD_MEMBERS, p, errors);
        String key = matching(o, "key", FIELD_KEY, p, "form.field.key.invalid", errors);
        FieldType type = enumValue(FieldType.class, o, "type", p, errors, null);
        LocalizedText label = text(o, "label", p, true, LABEL_MAX, errors);
        LocalizedText help = text(o, "help", p, false, HELP_MAX, errors);
        boolean required = bool(o, "required", p, errors);
        boolean personal = bool(o, "personalData", p, errors);
        String pattern = optionalString(o, "pattern", p, errors);
        String example = optionalString(o, "example", p, errors);
        Mask mask = enumValue(Mask.class, o, "mask", p, errors, null);
        TicketStatus readOnlyFrom = enumValue(TicketStatus.class, o, "readOnlyFrom", p, errors, null);
        String currency = optionalString(o, "currency", p, errors);
        if (type == null || key == null) {
            return null;
        }
        if (pattern != null) {
            if (!type.takesPattern()) {
                errors.add(FieldError.of(p + "pattern", "form.field.not-for-type", type.name()));
            } else if (pattern.length() > 500 || !FormValidator.isValidPattern(pattern)) {
                errors.add(FieldError.of(p + "pattern", "form.field.pattern.invalid"));
            } else if (example != null && !FormValidator.compiled(pattern).matcher(example).matches()) {
                errors.add(FieldError.of(p + "example", "form.field.example.mismatch", example));
            }
        }
        if (type == FieldType.IDENTIFIER && pattern == null) {
            errors.add(FieldError.of(p + "pattern", "form.field.pattern.required"));
        }
        if (mask != null && !personal) {
            errors.add(FieldError.of(p + "mask", "form.field.mask.not-personal"));
        }
        if (currency != null && (type != FieldType.MONEY || !CURRENCY.matcher(currency).matches())) {
            errors.add(FieldError.of(p + "currency", type != FieldType.MONEY ? "form.field.not-for-type" : "field.money.currency",
                    type != FieldType.MONEY ? type.name() : "ISO 4217"));
        }
        List<Option> options = options(o, type, p, errors);
        String min = bound(o, "min", type, p, errors);
        String max = bound(o, "max", type, p, errors);
        if (min != null && max != null && compareBounds(type, min, max) > 0) {
            errors.add(FieldError.of(p + "max", "form.field.bounds", min, max));
        }
        Condition visibleWhen = condition(o, key, p, siblings, errors);
        if (errors.size() > before) {
            return null;
        }
        FieldDefinition draft = new FieldDefinition(key, type, label, help, required, pattern, example, personal,
                personal ? mask : null, readOnlyFrom, visibleWhen, min, max, null, currency, options);
        JsonValue dflt = o.get("default");
        JsonValue normalizedDefault = null;
        if (dflt != null && dflt.getValueType() != JsonValue.ValueType.NULL) {
            List<FieldError> valueErrors = new ArrayList<>();
            normalizedDefault = FormValidator.normalize(draft, dflt, p + "default", valueErrors);
            errors.addAll(valueErrors);
            if (!valueErrors.isEmpty()) {
                return null;
            }
        }
        return new FieldDefinition(key, type, label, help, required, pattern, example, personal,
                personal ? mask : null, readOnlyFrom, visibleWhen, min, max, normalizedDefault, currency, options);
    }

    private static List<Option> options(JsonObject o, FieldType type, String p, List<FieldError> errors) {
        JsonValue v = o.get("options");
        boolean present = v != null && v.getValueType() != JsonValue.ValueType.NULL;
        if (!type.isChoice()) {
            if (present && !(v instanceof JsonArray a && a.isEmpty())) {
                errors.add(FieldError.of(p + "options", "form.field.not-for-type", type.name()));
            }
            return List.of();
        }
        if (!(v instanceof JsonArray a) || a.isEmpty()) {
            errors.add(FieldError.of(p + "options", "form.field.options.required"));
            return List.of();
        }
        if (a.size() > MAX_OPTIONS) {
            errors.add(FieldError.of(p + "options", "form.field.options.too-many", MAX_OPTIONS));
            return List.of();
        }
        List<Option> out = new ArrayList<>();
        Set<String> values = new HashSet<>();
        for (int i = 0; i < a.size(); i++) {
            String op = p + "options[" + i + "].";
            if (!(a.get(i) instanceof JsonObject opt)) {
                errors.add(FieldError.of(p + "options[" + i + "]", "field.type.object"));
                continue;
            }
            unknown(opt, Set.of("value", "label"), op, errors);
            String value = optionalString(opt, "value", op, errors);
            LocalizedText label = text(opt, "label", op, true, LABEL_MAX, errors);
            if (value == null || value.isBlank() || value.length() > 64) {
                errors.add(FieldError.of(op + "value", "form.field.option.invalid"));
            } else if (!values.add(value)) {
                errors.add(FieldError.of(op + "value", "form.field.option.duplicate", value));
            } else if (label != null) {
                out.add(new Option(value, label));
            }
        }
        return out;
    }

    private static String bound(JsonObject o, String member, FieldType type, String p, List<FieldError> errors) {
        JsonValue v = o.get(member);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        String path = p + member;
        if (type.isNumeric()) {
            if (v instanceof JsonNumber n) {
                return new BigDecimal(n.bigDecimalValue().stripTrailingZeros().toPlainString()).toPlainString();
            }
            errors.add(FieldError.of(path, "form.field.bound.number"));
        } else if (type.isText()) {
            if (v instanceof JsonNumber n && n.isIntegral() && n.longValue() >= 0 && n.longValue() <= 20_000) {
                return Long.toString(n.longValue());
            }
            errors.add(FieldError.of(path, "form.field.bound.length", 20_000));
        } else if (type.isTemporal()) {
            if (v instanceof JsonString s) {
                try {
                    if (type == FieldType.DATE) {
                        return LocalDate.parse(s.getString()).toString();
                    }
                    FormValidator.instantBound(s.getString());
                    return s.getString();
                } catch (DateTimeParseException e) {
                    // reported below
                }
            }
            errors.add(FieldError.of(path, type == FieldType.DATE ? "field.date" : "field.datetime", String.valueOf(v)));
        } else {
            errors.add(FieldError.of(path, "form.field.not-for-type", type.name()));
        }
        return null;
    }

    private static int compareBounds(FieldType type, String min, String max) {
        if (type == FieldType.DATE_TIME) {
            return FormValidator.instantBound(min).compareTo(FormValidator.instantBound(max));
        }
        if (type == FieldType.DATE) {
            return LocalDate.parse(min).compareTo(LocalDate.parse(max));
        }
        return new BigDecimal(min).compareTo(new BigDecimal(max));
    }

    private static Condition condition(JsonObject o, String key, String p, Map<String, JsonObject> siblings, List<FieldError> errors) {
        JsonValue v = o.get("visibleWhen");
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        String cp = p + "visibleWhen";
        if (!(v instanceof JsonObject c)) {
            errors.add(FieldError.of(cp, "field.type.object"));
            return null;
        }
        unknown(c, Set.of("field", "equals"), cp + ".", errors);
        String field = optionalString(c, "field", cp + ".", errors);
        List<String> equals = strings(c, "equals", cp + ".", errors);
        if (field == null || !siblings.containsKey(field) || field.equals(key)) {
            errors.add(FieldError.of(cp + ".field", "form.field.condition.field", String.valueOf(field)));
            return null;
        }
        if (equals.isEmpty()) {
            errors.add(FieldError.of(cp + ".equals", "form.field.condition.equals"));
            return null;
        }
        return new Condition(field, equals);
    }

    /** A field shown only when another is shown, which is shown only when the first is: never shown. */
    private static void conditionCycles(List<FieldDefinition> fields, String p, List<FieldError> errors) {
        Map<String, String> on = new HashMap<>();
        fields.stream().filter(f -> f.visibleWhen() != null).forEach(f -> on.put(f.key(), f.visibleWhen().field()));
        for (int i = 0; i < fields.size(); i++) {
            Set<String> seen = new LinkedHashSet<>();
            String k = fields.get(i).key();
            while (k != null && seen.add(k)) {
                k = on.get(k);
            }
            if (k != null && k.equals(fields.get(i).key())) {
                errors.add(FieldError.of(p + "fields[" + i + "].visibleWhen", "form.field.condition.cycle"));
            }
        }
    }

    private static LocalizedText text(JsonObject o, String member, String p, boolean required, int max, List<FieldError> errors) {
        JsonValue v = o.get(member);
        String path = p + member;
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                errors.add(FieldError.of(path, "field.required"));
            }
            return null;
        }
        if (!(v instanceof JsonObject t)) {
            errors.add(FieldError.of(path, "form.text.languages"));
            return null;
        }
        unknown(t, Set.of("zh-CN", "en"), path + ".", errors);
        String zh = t.get("zh-CN") instanceof JsonString s ? s.getString().strip() : null;
        String en = t.get("en") instanceof JsonString s ? s.getString().strip() : null;
        boolean ok = true;
        for (String[] lang : new String[][] {{"zh-CN", zh}, {"en", en}}) {
            if (lang[1] == null || lang[1].isEmpty()) {
                errors.add(FieldError.of(path + "." + lang[0], "field.required"));
                ok = false;
            } else if (lang[1].length() > max) {
                errors.add(FieldError.of(path + "." + lang[0], "field.too-long", max));
                ok = false;
            }
        }
        return ok ? new LocalizedText(zh, en) : null;
    }

    private static String matching(JsonObject o, String member, Pattern pattern, String p, String code, List<FieldError> errors) {
        JsonValue v = o.get(member);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            errors.add(FieldError.of(p + member, "field.required"));
            return null;
        }
        if (!(v instanceof JsonString s) || !pattern.matcher(s.getString()).matches()) {
            errors.add(FieldError.of(p + member, code, v instanceof JsonString s2 ? s2.getString() : v.toString()));
            return null;
        }
        return s.getString();
    }

    private static String optionalString(JsonObject o, String member, String p, List<FieldError> errors) {
        JsonValue v = o.get(member);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        errors.add(FieldError.of(p + member, "field.type.string"));
        return null;
    }

    private static boolean bool(JsonObject o, String member, String p, List<FieldError> errors) {
        JsonValue v = o.get(member);
        if (v == null || v == JsonValue.NULL || v == JsonValue.FALSE) {
            return false;
        }
        if (v == JsonValue.TRUE) {
            return true;
        }
        errors.add(FieldError.of(p + member, "field.type.boolean"));
        return false;
    }

    private static List<String> strings(JsonObject o, String member, String p, List<FieldError> errors) {
        JsonValue v = o.get(member);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (v instanceof JsonArray a) {
            for (JsonValue item : a) {
                if (item instanceof JsonString s) {
                    out.add(s.getString());
                } else {
                    errors.add(FieldError.of(p + member, "field.type.string"));
                    return List.of();
                }
            }
            return out;
        }
        errors.add(FieldError.of(p + member, "field.type.array"));
        return List.of();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonObject o, String member, String p, List<FieldError> errors, E absent) {
        JsonValue v = o.get(member);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            if (absent == null && (member.equals("type") || member.equals("target"))) {
                errors.add(FieldError.of(p + member, "field.required"));
            }
            return absent;
        }
        if (v instanceof JsonString s) {
            try {
                return Enum.valueOf(type, s.getString());
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of(p + member, "field.value.unknown", s.getString(), names(type.getEnumConstants())));
                return null;
            }
        }
        errors.add(FieldError.of(p + member, "field.type.string"));
        return null;
    }

    private static String names(Enum<?>[] values) {
        return String.join(", ", java.util.Arrays.stream(values).map(Enum::name).toList());
    }

    private static void unknown(JsonObject o, Set<String> known, String p, List<FieldError> errors) {
        o.keySet().stream().filter(k -> !known.contains(k)).sorted().forEach(k -> errors.add(FieldError.of(p + k, "field.unknown")));
    }

    // ---- writing ----

    /** The whole document, forms in the order given. */
    public static JsonObject write(List<Form> forms) {
        JsonArrayBuilder a = Jsons.createArrayBuilder();
        forms.forEach(f -> a.add(write(f)));
        return Jsons.createObjectBuilder().add("formatVersion", FORMAT_VERSION).add("forms", a).build();
    }

    /** One form in canonical form. */
    public static JsonObject write(Form f) {
        JsonArrayBuilder kinds = Jsons.createArrayBuilder();
        f.kinds().forEach(k -> kinds.add(k.name()));
        JsonArrayBuilder categories = Jsons.createArrayBuilder();
        f.categories().forEach(categories::add);
        JsonArrayBuilder fields = Jsons.createArrayBuilder();
        f.fields().forEach(d -> fields.add(write(d)));
        return Jsons.createObjectBuilder().add("key", f.key()).add("target", f.target().name()).add("kinds", kinds)
                .add("categories", categories).add("label", text(f.label())).add("fields", fields).build();
    }

    /** One field in canonical form: members at their default are left out. */
    public static JsonObject write(FieldDefinition d) {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("key", d.key()).add("type", d.type().name()).add("label", text(d.label()));
        if (d.help() != null) {
            b.add("help", text(d.help()));
        }
        if (d.required()) {
            b.add("required", true);
        }
        if (d.pattern() != null) {
            b.add("pattern", d.pattern());
        }
        if (d.example() != null) {
            b.add("example", d.example());
        }
        if (d.personalData()) {
            b.add("personalData", true);
            if (d.mask() != null) {
                b.add("mask", d.mask().name());
            }
        }
        if (d.readOnlyFrom() != null) {
            b.add("readOnlyFrom", d.readOnlyFrom().name());
        }
        if (d.visibleWhen() != null) {
            JsonArrayBuilder eq = Jsons.createArrayBuilder();
            d.visibleWhen().equals().forEach(eq::add);
            b.add("visibleWhen", Jsons.createObjectBuilder().add("field", d.visibleWhen().field()).add("equals", eq));
        }
        bound(b, "min", d.min(), d.type());
        bound(b, "max", d.max(), d.type());
        if (d.defaultValue() != null) {
            b.add("default", d.defaultValue());
        }
        if (d.currency() != null) {
            b.add("currency", d.currency());
        }
        if (!d.options().isEmpty()) {
            JsonArrayBuilder opts = Jsons.createArrayBuilder();
            d.options().forEach(o -> opts.add(Jsons.createObjectBuilder().add("value", o.value()).add("label", text(o.label()))));
            b.add("options", opts);
        }
        return b.build();
    }

    private static void bound(JsonObjectBuilder b, String member, String value, FieldType type) {
        if (value == null) {
            return;
        }
        if (type.isTemporal()) {
            b.add(member, value);
        } else {
            b.add(member, new BigDecimal(value));
        }
    }

    static JsonObject text(LocalizedText t) {
        return Jsons.createObjectBuilder().add("zh-CN", t.zhCn()).add("en", t.en()).build();
    }
}
