package io.kefu.platform.plugin;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.kefu.platform.customer.ContactKind;
import io.kefu.platform.customer.CustomerType;
import io.kefu.platform.json.Jsons;
import io.kefu.platform.ticket.Channel;
import io.kefu.platform.ticket.Priority;
import io.kefu.platform.ticket.TicketKind;
import io.kefu.platform.ticket.TicketStatus;
import io.kefu.plugin.api.KefuPlugin;
import io.kefu.plugin.api.PluginDocument;

/**
 * Reads and checks a plugin's documents. The same checks run when a tenant enables the plugin
 * and in the partner test kit, so a plugin passing the kit never fails at enabling.
 */
public final class PluginDocuments {

    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern FIELD_KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");
    private static final Pattern FORM_KEY = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
    private static final Set<String> FIELD_TYPES = Set.of("TEXT", "LONG_TEXT", "NUMBER", "MONEY", "DATE", "DATE_TIME",
            "SINGLE_CHOICE", "MULTI_CHOICE", "BOOLEAN", "PHONE", "EMAIL", "IDENTIFIER");
    private static final Set<String> MASKS = Set.of("ALL", "KEEP_LAST_4", "KEEP_FIRST_3_LAST_4", "KEEP_FIRST_6_LAST_4");
    private static final Set<String> UNITS = Set.of("PERCENT", "MINUTES", "HOURS", "COUNT", "PER_MILLION");
    private static final Set<String> DIRECTIONS = Set.of("HIGHER_IS_BETTER", "LOWER_IS_BETTER");
    private static final Set<String> LEVELS = Set.of("I", "II", "III", "IV");
    private static final Set<String> STEP_ROLES = Set.of("AGENT", "SUPERVISOR", "TENANT_ADMIN");
    private static final Set<String> GRADES = Set.of("VIP", "A", "B", "C");

    private PluginDocuments() {
    }

    /** A document parsed, or empty when the plugin ships none. */
    public static Optional<JsonObject> parse(KefuPlugin plugin, PluginDocument document) {
        return document.read(plugin).map(text -> parse(text, document.path(plugin.descriptor().id())));
    }

    static JsonObject parse(String text, String where) {
        try (JsonReader r = Jsons.createReader(new StringReader(text))) {
            return r.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException(where + " is not a JSON object: " + e.getMessage(), e);
        }
    }

    /** The items of one kind of default, in document order; none when the plugin ships no such document. */
    public static List<DefaultItem> items(KefuPlugin plugin, DefaultKind kind) {
        return parse(plugin, kind.document()).map(doc -> items(doc, kind)).orElse(List.of());
    }

    static List<DefaultItem> items(JsonObject doc, DefaultKind kind) {
        List<DefaultItem> out = new ArrayList<>();
        JsonArray array = doc.containsKey(kind.member()) && doc.get(kind.member()).getValueType() == JsonValue.ValueType.ARRAY
                ? doc.getJsonArray(kind.member()) : JsonValue.EMPTY_JSON_ARRAY;
        for (JsonValue v : array) {
            if (v instanceof JsonObject o && o.get("code") instanceof JsonString code) {
                String parent = o.get("parent") instanceof JsonString p ? p.getString() : null;
                out.add(new DefaultItem(kind, code.getString(), parent, o));
            }
        }
        return out;
    }

    /**
     * Every KPI of the plugin computed over {@code tickets}, by code, as the host would: the
     * plugin's Java computation where it brings one, else the formula. For the test kit.
     */
    public static Map<String, io.kefu.plugin.api.KpiValue> kpiValues(KefuPlugin plugin, io.kefu.plugin.api.KpiContext context,
                                                                      List<io.kefu.plugin.api.TicketView> tickets) {
        Map<String, io.kefu.plugin.api.KpiValue> out = new LinkedHashMap<>();
        for (DefaultItem kpi : items(plugin, DefaultKind.KPI)) {
            Optional<io.kefu.plugin.api.KpiComputation> java = plugin.kpiComputations().stream()
                    .filter(c -> c.code().equals(kpi.code())).findFirst();
            if (java.isPresent()) {
                out.put(kpi.code(), java.get().compute(context, List.copyOf(tickets)));
                continue;
            }
            List<String> problems = new ArrayList<>();
            KpiFormula formula = KpiFormula.parse(kpi.content().get("formula"), kpi.code(), problems)
                    .orElseThrow(() -> new IllegalArgumentException(String.join("; ", problems)));
            out.put(kpi.code(), formula.compute(context, tickets));
        }
        return out;
    }

    /** Every problem in every document the plugin ships, each naming its place; empty when all are valid. */
    public static List<String> check(KefuPlugin plugin) {
        String id = plugin.descriptor().id();
        Map<PluginDocument, JsonObject> docs = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (PluginDocument d : PluginDocument.values()) {
            try {
                parse(plugin, d).ifPresent(o -> docs.put(d, o));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        docs.forEach((d, o) -> {
            String at = d.path(id);
            if (!Jsons.createValue(1).equals(o.get("formatVersion"))) {
                problems.add(at + ": formatVersion must be 1");
            }
            labels(o, at, problems);
        });
        Set<String> categories = new HashSet<>();
        Optional.ofNullable(docs.get(PluginDocument.CATEGORIES)).ifPresent(o -> checkCategories(o, id, categories, problems));
        Optional.ofNullable(docs.get(PluginDocument.KPIS)).ifPresent(o -> checkKpis(o, id, problems));
        Optional.ofNullable(docs.get(PluginDocument.CANNED_REPLIES)).ifPresent(o -> checkItems(o, DefaultKind.CANNED_REPLY, id,
                List.of("title", "body"), categories, problems));
        Optional.ofNullable(docs.get(PluginDocument.KNOWLEDGE)).ifPresent(o -> checkItems(o, DefaultKind.KNOWLEDGE_ARTICLE, id,
                List.of("title", "body"), categories, problems));
        Optional.ofNullable(docs.get(PluginDocument.EMERGENCY_PLANS)).ifPresent(o -> checkPlans(o, id, categories, problems));
        Optional.ofNullable(docs.get(PluginDocument.FORMS)).ifPresent(o -> checkForms(o, id, problems));
        Optional.ofNullable(docs.get(PluginDocument.STANDARDS)).ifPresent(o -> checkStandards(o, id, problems));
        Optional.ofNullable(docs.get(PluginDocument.DEMO)).ifPresent(o -> checkDemo(o, id, categories, problems));
        return problems;
    }

    /** Any object with a zh-CN or en member is a label: it needs both, as non-blank text. */
    private static void labels(JsonValue v, String at, List<String> problems) {
        if (v instanceof JsonObject o) {
            if (o.containsKey("zh-CN") || o.containsKey("en")) {
                for (String lang : List.of("zh-CN", "en")) {
                    if (!(o.get(lang) instanceof JsonString s) || s.getString().isBlank()) {
                        problems.add(at + ": label without " + lang + " text");
                    }
                }
                return;
            }
            o.forEach((k, child) -> labels(child, at + "." + k, problems));
        } else if (v instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                labels(a.get(i), at + "[" + i + "]", problems);
            }
        }
    }

    private static JsonArray array(JsonObject o, String member, String at, List<String> problems) {
        if (!(o.get(member) instanceof JsonArray a)) {
            problems.add(at + "." + member + ": a list is required");
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        return a;
    }

    private static void requireLabel(JsonObject o, String member, String at, List<String> problems) {
        if (!(o.get(member) instanceof JsonObject l) || !l.containsKey("zh-CN") || !l.containsKey("en")) {
            problems.add(at + "." + member + ": a label with zh-CN and en is required");
        }
    }

    private static String text(JsonObject o, String member) {
        return o.get(member) instanceof JsonString s ? s.getString() : null;
    }

    private static <E extends Enum<E>> void enumValue(JsonObject o, String member, Class<E> type, String at, List<String> problems) {
        String v = text(o, member);
        try {
            Enum.valueOf(type, v == null ? "" : v);
        } catch (IllegalArgumentException e) {
            problems.add(at + "." + member + ": not a " + type.getSimpleName() + ": " + v);
        }
    }

    private static void oneOf(JsonObject o, String member, Set<String> allowed, String at, List<String> problems) {
        String v = text(o, member);
        if (v == null || !allowed.contains(v)) {
            problems.add(at + "." + member + ": one of " + allowed + ", not " + v);
        }
    }

    /** Codes present, well-formed, unique; returns the items' locations by code. */
    private static List<JsonObject> coded(JsonObject doc, String member, String at, List<String> problems, Set<String> codes) {
        List<JsonObject> out = new ArrayList<>();
        JsonArray a = array(doc, member, at, problems);
        for (int i = 0; i < a.size(); i++) {
            String here = at + "." + member + "[" + i + "]";
            if (!(a.get(i) instanceof JsonObject o)) {
                problems.add(here + ": an object is required");
                continue;
            }
            String code = text(o, "code");
            if (code == null || !CODE.matcher(code).matches()) {
                problems.add(here + ".code: " + CODE + " is required, not " + code);
            } else if (!codes.add(code)) {
                problems.add(here + ".code: " + code + " appears twice");
            }
            out.add(o);
        }
        return out;
    }

    private static void checkCategories(JsonObject doc, String id, Set<String> codes, List<String> problems) {
        String at = PluginDocument.CATEGORIES.path(id);
        List<JsonObject> items = coded(doc, "categories", at, problems, codes);
        for (int i = 0; i < items.size(); i++) {
            JsonObject c = items.get(i);
            String here = at + ".categories[" + i + "]";
            requireLabel(c, "name", here, problems);
            String parent = text(c, "parent");
            if (parent != null && !codes.contains(parent)) {
                problems.add(here + ".parent: " + parent + " is not a category listed before it");
            }
            if (c.containsKey("kinds")) {
                for (JsonValue k : array(c, "kinds", here, problems)) {
                    try {
                        TicketKind.valueOf(k instanceof JsonString s ? s.getString() : "");
                    } catch (IllegalArgumentException e) {
                        problems.add(here + ".kinds: not a TicketKind: " + k);
                    }
                }
            }
        }
    }

    private static void checkKpis(JsonObject doc, String id, List<String> problems) {
        String at = PluginDocument.KPIS.path(id);
        List<JsonObject> items = coded(doc, "kpis", at, problems, new HashSet<>());
        for (int i = 0; i < items.size(); i++) {
            JsonObject k = items.get(i);
            String here = at + ".kpis[" + i + "]";
            requireLabel(k, "name", here, problems);
            oneOf(k, "unit", UNITS, here, problems);
            oneOf(k, "direction", DIRECTIONS, here, problems);
            if (k.containsKey("target") && k.get("target").getValueType() != JsonValue.ValueType.NUMBER) {
                problems.add(here + ".target: a number");
            }
            KpiFormula.parse(k.get("formula"), here + ".formula", problems);
        }
    }

    private static void checkItems(JsonObject doc, DefaultKind kind, String id, List<String> labels, Set<String> categories,
                                   List<String> problems) {
        String at = kind.document().path(id);
        List<JsonObject> items = coded(doc, kind.member(), at, problems, new HashSet<>());
        for (int i = 0; i < items.size(); i++) {
            String here = at + "." + kind.member() + "[" + i + "]";
            for (String l : labels) {
                requireLabel(items.get(i), l, here, problems);
            }
            knownCategories(items.get(i), here, categories, problems);
        }
    }

    private static void knownCategories(JsonObject o, String here, Set<String> categories, List<String> problems) {
        if (o.get("categories") instanceof JsonArray a) {
            for (JsonValue c : a) {
                String code = c instanceof JsonString s ? s.getString() : String.valueOf(c);
                if (!categories.contains(code)) {
                    problems.add(here + ".categories: " + code + " is not in categories.json");
                }
            }
        }
    }

    private static void checkPlans(JsonObject doc, String id, Set<String> categories, List<String> problems) {
        String at = PluginDocument.EMERGENCY_PLANS.path(id);
        List<JsonObject> items = coded(doc, "plans", at, problems, new HashSet<>());
        for (int i = 0; i < items.size(); i++) {
            JsonObject p = items.get(i);
            String here = at + ".plans[" + i + "]";
            requireLabel(p, "name", here, problems);
            oneOf(p, "level", LEVELS, here, problems);
            knownCategories(p, here, categories, problems);
            JsonArray steps = array(p, "steps", here, problems);
            if (steps.isEmpty()) {
                problems.add(here + ".steps: a plan needs at least one step");
            }
            for (int s = 0; s < steps.size(); s++) {
                String step = here + ".steps[" + s + "]";
                if (steps.get(s) instanceof JsonObject st) {
                    requireLabel(st, "title", step, problems);
                    oneOf(st, "role", STEP_ROLES, step, problems);
                } else {
                    problems.add(step + ": an object is required");
                }
            }
        }
    }

    private static void checkForms(JsonObject doc, String id, List<String> problems) {
        String at = PluginDocument.FORMS.path(id);
        JsonArray forms = array(doc, "forms", at, problems);
        for (int i = 0; i < forms.size(); i++) {
            String here = at + ".forms[" + i + "]";
            if (!(forms.get(i) instanceof JsonObject f)) {
                problems.add(here + ": an object is required");
                continue;
            }
            String key = text(f, "key");
            if (key == null || !FORM_KEY.matcher(key).matches()) {
                problems.add(here + ".key: " + FORM_KEY + " is required, not " + key);
            }
            oneOf(f, "target", Set.of("TICKET", "CUSTOMER"), here, problems);
            requireLabel(f, "label", here, problems);
            JsonArray fields = array(f, "fields", here, problems);
            for (int j = 0; j < fields.size(); j++) {
                String fh = here + ".fields[" + j + "]";
                if (!(fields.get(j) instanceof JsonObject fd)) {
                    problems.add(fh + ": an object is required");
                    continue;
                }
                String fk = text(fd, "key");
                if (fk == null || !FIELD_KEY.matcher(fk).matches()) {
                    problems.add(fh + ".key: " + FIELD_KEY + " is required, not " + fk);
                }
                oneOf(fd, "type", FIELD_TYPES, fh, problems);
                requireLabel(fd, "label", fh, problems);
                String mask = text(fd, "mask");
                if (mask != null) {
                    if (!MASKS.contains(mask)) {
                        problems.add(fh + ".mask: one of " + MASKS + ", not " + mask);
                    }
                    if (fd.get("personalData") != JsonValue.TRUE) {
                        problems.add(fh + ".mask: only with personalData true");
                    }
                }
                if (text(fd, "pattern") != null) {
                    try {
                        Pattern.compile(text(fd, "pattern"));
                    } catch (java.util.regex.PatternSyntaxException e) {
                        problems.add(fh + ".pattern: not a regular expression: " + e.getDescription());
                    }
                }
            }
        }
    }

    private static void checkStandards(JsonObject doc, String id, List<String> problems) {
        String at = PluginDocument.STANDARDS.path(id);
        if (doc.containsKey("calendars")) {
            JsonArray cals = array(doc, "calendars", at, problems);
            for (int i = 0; i < cals.size(); i++) {
                if (cals.get(i) instanceof JsonObject c) {
                    requireLabel(c, "name", at + ".calendars[" + i + "]", problems);
                }
            }
        }
        List<JsonObject> standards = coded(doc, "standards", at, problems, new HashSet<>());
        for (int i = 0; i < standards.size(); i++) {
            JsonObject s = standards.get(i);
            String here = at + ".standards[" + i + "]";
            requireLabel(s, "name", here, problems);
            if (s.get("targets") instanceof JsonObject targets) {
                targets.forEach((k, v) -> {
                    if (v != JsonValue.NULL) {
                        try {
                            java.time.Duration.parse(v instanceof JsonString t ? t.getString() : "");
                        } catch (java.time.format.DateTimeParseException e) {
                            problems.add(here + ".targets." + k + ": not an ISO-8601 duration: " + v);
                        }
                    }
                });
            } else {
                problems.add(here + ".targets: an object is required");
            }
        }
    }

    private static void checkDemo(JsonObject doc, String id, Set<String> categories, List<String> problems) {
        problems.addAll(demoProblems(doc, PluginDocument.DEMO.path(id), categories));
    }

    /**
     * What is wrong with a demo document (customers and tickets, as a plugin's {@code demo.json}
     * or the general demo tenant's), each problem prefixed with where it is ({@code at}).
     */
    public static List<String> demoProblems(JsonObject doc, String at, Set<String> categories) {
        List<String> problems = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        JsonArray customers = array(doc, "customers", at, problems);
        for (int i = 0; i < customers.size(); i++) {
            String here = at + ".customers[" + i + "]";
            if (!(customers.get(i) instanceof JsonObject c)) {
                problems.add(here + ": an object is required");
                continue;
            }
            if (text(c, "ref") == null || !refs.add(text(c, "ref"))) {
                problems.add(here + ".ref: a unique reference is required");
            }
            enumValue(c, "type", CustomerType.class, here, problems);
            if (c.containsKey("grade")) {
                oneOf(c, "grade", GRADES, here, problems);
            }
            if (c.get("contacts") instanceof JsonArray contacts) {
                for (int j = 0; j < contacts.size(); j++) {
                    if (contacts.get(j) instanceof JsonObject ct) {
                        enumValue(ct, "kind", ContactKind.class, here + ".contacts[" + j + "]", problems);
                    }
                }
            }
        }
        JsonArray tickets = array(doc, "tickets", at, problems);
        for (int i = 0; i < tickets.size(); i++) {
            String here = at + ".tickets[" + i + "]";
            if (!(tickets.get(i) instanceof JsonObject t)) {
                problems.add(here + ": an object is required");
                continue;
            }
            enumValue(t, "kind", TicketKind.class, here, problems);
            enumValue(t, "priority", Priority.class, here, problems);
            enumValue(t, "channel", Channel.class, here, problems);
            enumValue(t, "status", TicketStatus.class, here, problems);
            if (text(t, "category") != null && !categories.contains(text(t, "category"))) {
                problems.add(here + ".category: " + text(t, "category") + " is not in categories.json");
            }
            if (text(t, "customer") != null && !refs.contains(text(t, "customer"))) {
                problems.add(here + ".customer: " + text(t, "customer") + " is not a customer ref of this file");
            }
            if (text(t, "subject") == null || text(t, "subject").isBlank()) {
                problems.add(here + ".subject: required");
            }
        }
        return problems;
    }
}
