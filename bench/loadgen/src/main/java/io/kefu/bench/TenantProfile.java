package io.kefu.bench;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * What a provisioned tenant's own configuration says its tickets look like, read from its schema
 * so that generated tickets fit whichever industry it was provisioned for: its categories, its
 * current ticket forms (to fill custom fields as the forms define them) and its service standards
 * (to give each ticket the clocks Kefu would have started, with outcomes).
 */
final class TenantProfile {

    /** One field of a current ticket form. */
    /** For texts {@code max} is the longest length, for numbers the largest value. */
    record Field(String key, String type, boolean required, String example, List<String> options, BigDecimal min, BigDecimal max) {
    }

    /** A current ticket form and which tickets it applies to (empty lists: all). */
    record Form(String key, List<String> kinds, List<String> categories, List<Field> fields) {
        boolean appliesTo(String kind, String category) {
            return (kinds.isEmpty() || kinds.contains(kind)) && (categories.isEmpty() || categories.contains(category));
        }
    }

    /** A service standard in the tenant's order: what it matches and its targets. */
    record Rule(String code, int version, List<String> kinds, List<String> categories, List<String> priorities, List<String> channels,
                boolean needsCustomerGrade, String calendar, boolean businessTime, Duration firstResponse, Duration resolution, Integer warnPercent) {
        boolean matches(String kind, String category, String priority, String channel) {
            // Generated tickets have no customer: a rule for a customer grade never matches them.
            return !needsCustomerGrade && (kinds.isEmpty() || kinds.contains(kind)) && (categories.isEmpty() || categories.contains(category))
                    && (priorities.isEmpty() || priorities.contains(priority)) && (channels.isEmpty() || channels.contains(channel));
        }
    }

    final List<String> categories;
    final List<Form> forms;
    final List<Rule> rules;

    private TenantProfile(List<String> categories, List<Form> forms, List<Rule> rules) {
        this.categories = categories;
        this.forms = forms;
        this.rules = rules;
    }

    static TenantProfile read(Connection c, String schema) throws SQLException {
        List<String> categories = new ArrayList<>();
        List<Form> forms = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select code from " + schema + ".category order by code")) {
                while (rs.next()) {
                    categories.add(rs.getString(1));
                }
            }
            try (ResultSet rs = st.executeQuery("select f.form_key, v.definition from " + schema + ".form f join " + schema
                    + ".form_version v on v.form_id = f.id and v.version_no = f.current_version where f.target = 'TICKET' and f.retired_at is null"
                    + " order by f.form_key")) {
                while (rs.next()) {
                    JsonObject d = Json.createReader(new StringReader(rs.getString(2))).readObject();
                    List<Field> fields = new ArrayList<>();
                    for (JsonValue v : d.getJsonArray("fields")) {
                        JsonObject f = v.asJsonObject();
                        List<String> options = new ArrayList<>();
                        if (f.containsKey("options")) {
                            f.getJsonArray("options").forEach(o -> options.add(o.asJsonObject().getString("value")));
                        }
                        fields.add(new Field(f.getString("key"), f.getString("type"), f.getBoolean("required", false), f.getString("example", null),
                                options, decimal(f, "min"), decimal(f, "max")));
                    }
                    forms.add(new Form(rs.getString(1), strings(d, "kinds"), strings(d, "categories"), fields));
                }
            }
            try (ResultSet rs = st.executeQuery("select code, rule_version, document from " + schema + ".sla_standard order by position, code")) {
                while (rs.next()) {
                    JsonObject d = Json.createReader(new StringReader(rs.getString(3))).readObject();
                    JsonObject m = d.getJsonObject("match");
                    JsonObject t = d.getJsonObject("targets");
                    rules.add(new Rule(rs.getString(1), rs.getInt(2), strings(m, "kinds"), strings(m, "categories"), strings(m, "priorities"),
                            strings(m, "channels"), !strings(m, "customerGrades").isEmpty(), d.getString("calendar", "24x7"),
                            d.getBoolean("businessTime", false), duration(t, "firstResponse"), duration(t, "resolution"),
                            d.containsKey("warnAtPercent") && !d.isNull("warnAtPercent") ? d.getInt("warnAtPercent") : null));
                }
            }
        }
        return new TenantProfile(categories, forms, rules);
    }

    /** The first rule matching the ticket, as Kefu picks it, or null. */
    Rule rule(String kind, String category, String priority, String channel) {
        for (Rule r : rules) {
            if (r.matches(kind, category, priority, channel)) {
                return r;
            }
        }
        return null;
    }

    /** A form applying to the ticket, or null. */
    Form form(Random r, String kind, String category) {
        List<Form> fitting = forms.stream().filter(f -> f.appliesTo(kind, category)).toList();
        return fitting.isEmpty() ? null : fitting.get(r.nextInt(fitting.size()));
    }

    private static final String[] CITIES = {"上海", "北京", "广州", "深圳", "杭州", "成都", "武汉", "Hong Kong", "Singapore"};
    private static final String[] WORDS = {"已联系客户", "等待网点回复", "客户要求尽快处理", "Customer asked for a call back", "Awaiting courier report"};

    /** Values for the form's required fields and about half of the others, as the form's types store them. */
    static JsonObject values(Random r, Form form, Instant created) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (Field f : form.fields()) {
            if (!f.required() && r.nextBoolean()) {
                continue;
            }
            switch (f.type()) {
                case "IDENTIFIER" -> b.add(f.key(), identifier(r, f.example()));
                case "SINGLE_CHOICE" -> {
                    if (!f.options().isEmpty()) {
                        b.add(f.key(), f.options().get(r.nextInt(f.options().size())));
                    }
                }
                case "MULTI_CHOICE" -> {
                    JsonArrayBuilder a = Json.createArrayBuilder();
                    f.options().stream().filter(o -> r.nextInt(3) == 0).forEach(a::add);
                    b.add(f.key(), a);
                }
                case "TEXT" -> b.add(f.key(), clip(CITIES[r.nextInt(CITIES.length)], f.max()));
                case "LONG_TEXT" -> b.add(f.key(), clip(WORDS[r.nextInt(WORDS.length)], f.max()));
                case "NUMBER" -> b.add(f.key(), number(r, f, 0));
                case "MONEY" -> b.add(f.key(), Json.createObjectBuilder().add("amount", number(r, f, 2).toPlainString()).add("currency", "CNY"));
                case "BOOLEAN" -> b.add(f.key(), r.nextBoolean());
                case "DATE" -> b.add(f.key(), created.plus(Duration.ofDays(r.nextInt(5))).atOffset(ZoneOffset.UTC).toLocalDate().toString());
                case "DATE_TIME" -> b.add(f.key(), created.minus(Duration.ofMinutes(r.nextInt(3000))).toString());
                case "PHONE" -> b.add(f.key(), String.format("13%09d", r.nextInt(1_000_000_000)));
                default -> {
                    // A type the generator does not know is left empty, as an optional field may be.
                }
            }
        }
        return b.build();
    }

    /** The form's example with every digit replaced at random: the shape its pattern wants. */
    private static String identifier(Random r, String example) {
        String shape = example == null ? "KF0000000000" : example;
        StringBuilder s = new StringBuilder(shape.length());
        for (char ch : shape.toCharArray()) {
            s.append(Character.isDigit(ch) ? (char) ('0' + r.nextInt(10)) : ch);
        }
        return s.toString();
    }

    private static BigDecimal number(Random r, Field f, int scale) {
        BigDecimal min = f.min() == null ? BigDecimal.ONE : f.min();
        BigDecimal max = f.max() == null ? BigDecimal.valueOf(1000) : f.max().min(min.add(BigDecimal.valueOf(5000)));
        BigDecimal v = min.add(max.subtract(min).multiply(BigDecimal.valueOf(r.nextDouble())));
        return v.setScale(Math.max(scale, min.scale() > 0 ? 1 : 0), RoundingMode.DOWN);
    }

    private static String clip(String s, BigDecimal max) {
        return max != null && s.length() > max.intValue() ? s.substring(0, max.intValue()) : s;
    }

    private static BigDecimal decimal(JsonObject o, String key) {
        return o.containsKey(key) && !o.isNull(key) ? o.getJsonNumber(key).bigDecimalValue() : null;
    }

    private static Duration duration(JsonObject o, String key) {
        return o != null && o.containsKey(key) && !o.isNull(key) ? Duration.parse(o.getString(key)) : null;
    }

    private static List<String> strings(JsonObject o, String key) {
        List<String> out = new ArrayList<>();
        if (o != null && o.containsKey(key) && !o.isNull(key)) {
            JsonArray a = o.getJsonArray(key);
            a.forEach(v -> out.add(((JsonString) v).getString()));
        }
        return out;
    }
}
