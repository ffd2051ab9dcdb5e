package io.kefu.platform.sla;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.kefu.platform.json.Jsons;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.Validation;
import io.kefu.platform.sla.calendar.BusinessCalendar;
import io.kefu.platform.sla.calendar.DayHours;
import io.kefu.platform.sla.calendar.NationalHolidays;
import io.kefu.platform.ticket.Channel;
import io.kefu.platform.ticket.Priority;
import io.kefu.platform.ticket.TicketKind;
import io.kefu.platform.ticket.TicketStatus;

/**
 * The service-standards interchange format (formatVersion 1), read and written. Reading checks
 * everything and reports every bad member by its path ({@code standards[2].targets.resolution})
 * in one {@link InvalidInputException}: a document is taken whole or not at all.
 */
public final class StandardsDocument {

    public static final int FORMAT_VERSION = 1;
    public static final String CODE_PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";
    private static final String CATEGORY_PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";
    private static final String GRADE_PATTERN = "[A-Z0-9]{1,10}";
    static final int MAX_PER_DAY = 8;
    static final int MAX_DATES = 500;

    /** A whole document. */
    public record Contents(List<CalendarDefinition> calendars, List<ServiceStandard> standards) {
    }

    private StandardsDocument() {
    }

    /**
     * Reads a whole document. Standards may use the built-in 24x7, the document's calendars or,
     * through {@code otherCalendars}, calendars the tenant already has; REASSIGN teams must pass
     * {@code teamExists}.
     */
    public static Contents read(JsonObject doc, Predicate<String> otherCalendars, Predicate<String> teamExists) {
        Validation v = new Validation();
        JsonValue format = doc.get("formatVersion");
        if (!(format instanceof JsonNumber n) || !n.isIntegral() || n.intValue() != FORMAT_VERSION) {
            v.reject("formatVersion", "sla.format-version", FORMAT_VERSION);
        }
        for (String key : doc.keySet()) {
            if (!Set.of("formatVersion", "calendars", "standards").contains(key)) {
                v.reject(key, "field.unknown");
            }
        }
        List<CalendarDefinition> calendars = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        JsonArray cals = array(doc, "calendars", "calendars", v);
        for (int i = 0; i < cals.size(); i++) {
            String path = "calendars[" + i + "]";
            CalendarDefinition c = object(cals.get(i), path, v) == null ? null : calendar(cals.getJsonObject(i), path, v);
            if (c != null) {
                if (!codes.add(c.code())) {
                    v.reject(path + ".code", "sla.code.duplicate", c.code());
                }
                calendars.add(c);
            }
        }
        List<ServiceStandard> standards = new ArrayList<>();
        Set<String> standardCodes = new HashSet<>();
        JsonArray stds = array(doc, "standards", "standards", v);
        for (int i = 0; i < stds.size(); i++) {
            String path = "standards[" + i + "]";
            if (object(stds.get(i), path, v) == null) {
                continue;
            }
            ServiceStandard s = standard(stds.getJsonObject(i), path, c -> codes.contains(c) || otherCalendars.test(c), teamExists, v);
            if (s != null) {
                if (!standardCodes.add(s.code())) {
                    v.reject(path + ".code", "sla.code.duplicate", s.code());
                }
                standards.add(s);
            }
        }
        v.throwIfInvalid();
        return new Contents(calendars, standards);
    }

    /** One calendar alone (the calendars resource); throws with every bad member. */
    public static CalendarDefinition readCalendar(JsonObject json) {
        Validation v = new Validation();
        CalendarDefinition c = calendar(json, "", v);
        v.throwIfInvalid();
        return c;
    }

    /** One standard alone (the standards resource); throws with every bad member. */
    public static ServiceStandard readStandard(JsonObject json, Predicate<String> calendarExists, Predicate<String> teamExists) {
        Validation v = new Validation();
        ServiceStandard s = standard(json, "", calendarExists, teamExists, v);
        v.throwIfInvalid();
        return s;
    }

    static CalendarDefinition calendar(JsonObject o, String path, Validation outer) {
        Validation v = new Validation();
        known(o, path, v, "code", "name", "zone", "week", "nationalHolidays", "holidays", "workdays");
        String code = code(o, path, v);
        if (BusinessCalendar.ALWAYS_CODE.equals(code)) {
            v.reject(at(path, "code"), "sla.calendar.builtin");
        }
        Texts name = texts(o, at(path, "name"), v);
        ZoneId zone = BusinessCalendar.DEFAULT_ZONE;
        String zoneText = string(o, "zone", at(path, "zone"), v, false);
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                v.reject(at(path, "zone"), "sla.zone.invalid", zoneText);
            }
        }
        Map<DayOfWeek, List<DayHours>> week = new EnumMap<>(DayOfWeek.class);
        JsonValue weekValue = o.get("week");
        if (weekValue == null || weekValue == JsonValue.NULL) {
            v.reject(at(path, "week"), "field.required");
        } else if (!(weekValue instanceof JsonObject w)) {
            v.reject(at(path, "week"), "field.type.object");
        } else {
            for (String day : w.keySet()) {
                String dayPath = at(path, "week") + "." + day;
                DayOfWeek d;
                try {
                    d = DayOfWeek.valueOf(day);
                } catch (IllegalArgumentException e) {
                    v.reject(dayPath, "field.value.unknown", day, "MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY");
                    continue;
                }
                List<DayHours> hours = hours(w.get(day), dayPath, v);
                if (hours != null) {
                    week.put(d, hours);
                }
            }
            if (week.values().stream().allMatch(List::isEmpty) && !v.hasErrors()) {
                v.reject(at(path, "week"), "sla.calendar.no-hours");
            }
        }
        String national = string(o, "nationalHolidays", at(path, "nationalHolidays"), v, false);
        if (national != null && NationalHolidays.of(national) == null) {
            v.reject(at(path, "nationalHolidays"), "sla.national.unknown", national, NationalHolidays.CN);
        }
        List<CalendarDefinition.NamedDate> holidays = dates(o, "holidays", path, v);
        List<CalendarDefinition.NamedDate> workdays = dates(o, "workdays", path, v);
        Set<LocalDate> off = new HashSet<>();
        holidays.forEach(d -> off.add(d.date()));
        for (int i = 0; i < workdays.size(); i++) {
            if (off.contains(workdays.get(i).date())) {
                v.reject(at(path, "workdays") + "[" + i + "].date", "sla.date.both", workdays.get(i).date().toString());
            }
        }
        if (v.hasErrors()) {
            passOn(v, outer);
            return null;
        }
        return new CalendarDefinition(code, name, zone, week, national, holidays, workdays);
    }

    private static List<DayHours> hours(JsonValue value, String path, Validation v) {
        if (!(value instanceof JsonArray a)) {
            v.reject(path, "field.type.array");
            return null;
        }
        if (a.size() > MAX_PER_DAY) {
            v.reject(path, "field.out-of-range", 0, MAX_PER_DAY);
            return null;
        }
        List<DayHours> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < a.size(); i++) {
            String p = path + "[" + i + "]";
            if (!(a.get(i) instanceof JsonArray pair) || pair.size() != 2 || !(pair.get(0) instanceof JsonString from)
                    || !(pair.get(1) instanceof JsonString to)) {
                v.reject(p, "sla.hours.invalid");
                ok = false;
                continue;
            }
            try {
                out.add(DayHours.parse(from.getString(), to.getString()));
            } catch (IllegalArgumentException e) {
                v.reject(p, "sla.hours.invalid");
                ok = false;
            }
        }
        out.sort(java.util.Comparator.comparingInt(DayHours::from));
        for (int i = 1; ok && i < out.size(); i++) {
            if (out.get(i).from() < out.get(i - 1).to()) {
                v.reject(path, "sla.hours.overlap");
                ok = false;
            }
        }
        return ok ? out : null;
    }

    private static List<CalendarDefinition.NamedDate> dates(JsonObject o, String key, String path, Validation v) {
        JsonArray a = array(o, key, at(path, key), v);
        List<CalendarDefinition.NamedDate> out = new ArrayList<>();
        if (a.size() > MAX_DATES) {
            v.reject(at(path, key), "field.out-of-range", 0, MAX_DATES);
            return out;
        }
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < a.size(); i++) {
            String p = at(path, key) + "[" + i + "]";
            if (object(a.get(i), p, v) == null) {
                continue;
            }
            JsonObject d = a.getJsonObject(i);
            known(d, p, v, "date", "name");
            String text = string(d, "date", p + ".date", v, true);
            LocalDate date = null;
            if (text != null) {
                try {
                    date = LocalDate.parse(text);
                } catch (DateTimeException e) {
                    v.reject(p + ".date", "sla.date.invalid", text);
                }
            }
            if (date != null && !seen.add(date)) {
                v.reject(p + ".date", "sla.code.duplicate", text);
            }
            Texts name = texts(d, p + ".name", v);
            if (date != null && name != null) {
                out.add(new CalendarDefinition.NamedDate(date, name));
            }
        }
        return out;
    }

    static ServiceStandard standard(JsonObject o, String path, Predicate<String> calendarExists, Predicate<String> teamExists, Validation v) {
        Validation own = new Validation();
        known(o, path, own, "code", "name", "order", "match", "calendar", "businessTime", "targets", "pauseStatuses", "warnAtPercent", "onBreach");
        String code = code(o, path, own);
        Texts name = texts(o, at(path, "name"), own);
        Integer order = integer(o, "order", at(path, "order"), own, 0, 1_000_000, true);
        Match match = Match.ANY;
        JsonValue m = o.get("match");
        if (m != null && m != JsonValue.NULL) {
            if (!(m instanceof JsonObject mo)) {
                own.reject(at(path, "match"), "field.type.object");
            } else {
                String mp = at(path, "match");
                known(mo, mp, own, "kinds", "categories", "priorities", "customerGrades", "channels");
                match = new Match(enums(mo, "kinds", mp, TicketKind.class, own), strings(mo, "categories", mp, CATEGORY_PATTERN, s -> s, own),
                        enums(mo, "priorities", mp, Priority.class, own),
                        strings(mo, "customerGrades", mp, GRADE_PATTERN, s -> s.toUpperCase(java.util.Locale.ROOT), own),
                        enums(mo, "channels", mp, Channel.class, own));
            }
        }
        String calendar = string(o, "calendar", at(path, "calendar"), own, true);
        if (calendar != null && !BusinessCalendar.ALWAYS_CODE.equals(calendar) && !calendarExists.test(calendar)) {
            own.reject(at(path, "calendar"), "sla.calendar.unknown", calendar);
        }
        boolean businessTime = false;
        JsonValue bt = o.get("businessTime");
        if (bt == JsonValue.TRUE) {
            businessTime = true;
        } else if (bt != null && bt != JsonValue.FALSE && bt != JsonValue.NULL) {
            own.reject(at(path, "businessTime"), "field.type.boolean");
        }
        Map<TargetKind, Target> targets = new EnumMap<>(TargetKind.class);
        JsonValue tv = o.get("targets");
        if (!(tv instanceof JsonObject to)) {
            own.reject(at(path, "targets"), tv == null || tv == JsonValue.NULL ? "field.required" : "field.type.object");
        } else {
            Set<String> members = new HashSet<>();
            boolean badTarget = false;
            for (TargetKind k : TargetKind.values()) {
                members.add(k.member());
                String tp = at(path, "targets") + "." + k.member();
                JsonValue x = to.get(k.member());
                if (x == null || x == JsonValue.NULL) {
                    continue;
                }
                Target t = x instanceof JsonString s ? Target.parse(s.getString()) : null;
                if (t == null) {
                    badTarget = true;
                    own.reject(tp, "sla.duration.invalid", x instanceof JsonString s ? s.getString() : x.toString());
                } else {
                    targets.put(k, t);
                }
            }
            for (String key : to.keySet()) {
                if (!members.contains(key)) {
                    badTarget = true;
                    own.reject(at(path, "targets") + "." + key, "field.unknown");
                }
            }
            if (targets.isEmpty() && !badTarget) {
                own.reject(at(path, "targets"), "sla.targets.none");
            }
        }
        Set<TicketStatus> pause = enums(o, "pauseStatuses", path, TicketStatus.class, own);
        Integer warn = integer(o, "warnAtPercent", at(path, "warnAtPercent"), own, 1, 99, false);
        List<BreachAction> actions = new ArrayList<>();
        JsonArray ob = array(o, "onBreach", at(path, "onBreach"), own);
        for (int i = 0; i < ob.size(); i++) {
            String ap = at(path, "onBreach") + "[" + i + "]";
            if (object(ob.get(i), ap, own) == null) {
                continue;
            }
            JsonObject a = ob.getJsonObject(i);
            known(a, ap, own, "action", "team");
            String kind = string(a, "action", ap + ".action", own, true);
            BreachAction.Kind k = null;
            if (kind != null) {
                try {
                    k = BreachAction.Kind.valueOf(kind);
                } catch (IllegalArgumentException e) {
                    own.reject(ap + ".action", "field.value.unknown", kind, "NOTIFY, RAISE_PRIORITY, REASSIGN, MARK_ESCALATED");
                }
            }
            String team = string(a, "team", ap + ".team", own, false);
            if (k == BreachAction.Kind.REASSIGN) {
                if (team == null) {
                    own.reject(ap + ".team", "sla.team.required");
                } else if (!teamExists.test(team)) {
                    own.reject(ap + ".team", "team.not-found", team);
                }
            }
            if (k != null && actions.stream().anyMatch(x -> x.action() == BreachAction.Kind.valueOf(kind))) {
                own.reject(ap + ".action", "sla.code.duplicate", kind);
            }
            if (k != null) {
                actions.add(new BreachAction(k, k == BreachAction.Kind.REASSIGN ? team : null));
            }
        }
        if (own.hasErrors()) {
            passOn(own, v);
            return null;
        }
        return new ServiceStandard(code, name, order, match, calendar, businessTime, targets, pause, warn, actions, 1);
    }

    // ---- writing ----

    public static JsonObject write(List<CalendarDefinition> calendars, List<ServiceStandard> standards) {
        JsonArrayBuilder cals = Jsons.createArrayBuilder();
        calendars.forEach(c -> cals.add(write(c)));
        JsonArrayBuilder stds = Jsons.createArrayBuilder();
        standards.forEach(s -> stds.add(write(s)));
        return Jsons.createObjectBuilder().add("formatVersion", FORMAT_VERSION).add("calendars", cals).add("standards", stds).build();
    }

    public static JsonObject write(CalendarDefinition c) {
        JsonObjectBuilder week = Jsons.createObjectBuilder();
        c.week().forEach((d, hours) -> {
            JsonArrayBuilder a = Jsons.createArrayBuilder();
            hours.forEach(h -> a.add(Jsons.createArrayBuilder().add(DayHours.text(h.from())).add(DayHours.text(h.to()))));
            week.add(d.name(), a);
        });
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("code", c.code()).add("name", c.name().toJson())
                .add("zone", c.zone().getId()).add("week", week);
        if (c.nationalHolidays() == null) {
            b.addNull("nationalHolidays");
        } else {
            b.add("nationalHolidays", c.nationalHolidays());
        }
        return b.add("holidays", dates(c.holidays())).add("workdays", dates(c.workdays())).build();
    }

    private static JsonArrayBuilder dates(List<CalendarDefinition.NamedDate> dates) {
        JsonArrayBuilder a = Jsons.createArrayBuilder();
        dates.forEach(d -> a.add(Jsons.createObjectBuilder().add("date", d.date().toString()).add("name", d.name().toJson())));
        return a;
    }

    public static JsonObject write(ServiceStandard s) {
        JsonObjectBuilder match = Jsons.createObjectBuilder()
                .add("kinds", names(s.match().kinds().stream().map(Enum::name).toList()))
                .add("categories", names(s.match().categories()))
                .add("priorities", names(s.match().priorities().stream().map(Enum::name).toList()))
                .add("customerGrades", names(s.match().customerGrades()))
                .add("channels", names(s.match().channels().stream().map(Enum::name).toList()));
        JsonObjectBuilder targets = Jsons.createObjectBuilder();
        for (TargetKind k : TargetKind.values()) {
            Target t = s.targets().get(k);
            if (t == null) {
                targets.addNull(k.member());
            } else {
                targets.add(k.member(), t.iso());
            }
        }
        JsonArrayBuilder actions = Jsons.createArrayBuilder();
        for (BreachAction a : s.onBreach()) {
            JsonObjectBuilder ab = Jsons.createObjectBuilder().add("action", a.action().name());
            if (a.team() != null) {
                ab.add("team", a.team());
            }
            actions.add(ab);
        }
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("code", s.code()).add("name", s.name().toJson()).add("order", s.order())
                .add("match", match).add("calendar", s.calendar()).add("businessTime", s.businessTime()).add("targets", targets)
                .add("pauseStatuses", names(s.pauseStatuses().stream().map(Enum::name).toList()));
        if (s.warnAtPercent() == null) {
            b.addNull("warnAtPercent");
        } else {
            b.add("warnAtPercent", s.warnAtPercent());
        }
        return b.add("onBreach", actions).build();
    }

    private static JsonArrayBuilder names(java.util.Collection<String> values) {
        JsonArrayBuilder a = Jsons.createArrayBuilder();
        values.stream().sorted().forEach(a::add);
        return a;
    }

    // ---- member readers that report by path ----

    private static String at(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static void known(JsonObject o, String path, Validation v, String... keys) {
        Set<String> allowed = Set.of(keys);
        for (String k : o.keySet()) {
            if (!allowed.contains(k)) {
                v.reject(at(path, k), "field.unknown");
            }
        }
    }

    private static JsonObject object(JsonValue value, String path, Validation v) {
        if (value instanceof JsonObject o) {
            return o;
        }
        v.reject(path, "field.type.object");
        return null;
    }

    private static JsonArray array(JsonObject o, String key, String path, Validation v) {
        JsonValue x = o.get(key);
        if (x == null || x == JsonValue.NULL) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        if (x instanceof JsonArray a) {
            return a;
        }
        v.reject(path, "field.type.array");
        return JsonValue.EMPTY_JSON_ARRAY;
    }

    private static String string(JsonObject o, String key, String path, Validation v, boolean required) {
        JsonValue x = o.get(key);
        if (x == null || x == JsonValue.NULL || (x instanceof JsonString s && s.getString().isBlank())) {
            if (required) {
                v.reject(path, "field.required");
            }
            return null;
        }
        if (x instanceof JsonString s) {
            if (s.getString().length() > Texts.MAX) {
                v.reject(path, "field.too-long", Texts.MAX);
                return null;
            }
            return s.getString().strip();
        }
        v.reject(path, "field.type.string");
        return null;
    }

    private static Integer integer(JsonObject o, String key, String path, Validation v, int min, int max, boolean required) {
        JsonValue x = o.get(key);
        if (x == null || x == JsonValue.NULL) {
            if (required) {
                v.reject(path, "field.required");
            }
            return null;
        }
        if (!(x instanceof JsonNumber n) || !n.isIntegral()) {
            v.reject(path, "field.type.integer");
            return null;
        }
        if (n.longValue() < min || n.longValue() > max) {
            v.reject(path, "field.out-of-range", min, max);
            return null;
        }
        return n.intValue();
    }

    private static String code(JsonObject o, String path, Validation v) {
        String code = string(o, "code", at(path, "code"), v, true);
        if (code != null && !code.matches(CODE_PATTERN) && !BusinessCalendar.ALWAYS_CODE.equals(code)) {
            v.reject(at(path, "code"), "sla.code.invalid", code);
            return null;
        }
        return code;
    }

    private static Texts texts(JsonObject o, String path, Validation v) {
        JsonValue x = o.get(path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path);
        if (!(x instanceof JsonObject t)) {
            v.reject(path, x == null || x == JsonValue.NULL ? "field.required" : "field.type.object");
            return null;
        }
        known(t, path, v, "zh-CN", "en");
        String zh = string(t, "zh-CN", path + ".zh-CN", v, true);
        String en = string(t, "en", path + ".en", v, true);
        return zh == null || en == null ? null : new Texts(zh, en);
    }

    private static <E extends Enum<E>> Set<E> enums(JsonObject o, String key, String path, Class<E> type, Validation v) {
        Set<E> out = new LinkedHashSet<>();
        JsonArray a = array(o, key, at(path, key), v);
        for (int i = 0; i < a.size(); i++) {
            String p = at(path, key) + "[" + i + "]";
            if (!(a.get(i) instanceof JsonString s)) {
                v.reject(p, "field.type.string");
                continue;
            }
            try {
                out.add(Enum.valueOf(type, s.getString()));
            } catch (IllegalArgumentException e) {
                v.reject(p, "field.value.unknown", s.getString(),
                        String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
            }
        }
        return out;
    }

    private static Set<String> strings(JsonObject o, String key, String path, String pattern, Function<String, String> normal, Validation v) {
        Set<String> out = new LinkedHashSet<>();
        JsonArray a = array(o, key, at(path, key), v);
        for (int i = 0; i < a.size(); i++) {
            String p = at(path, key) + "[" + i + "]";
            if (!(a.get(i) instanceof JsonString s)) {
                v.reject(p, "field.type.string");
                continue;
            }
            String value = normal.apply(s.getString().strip());
            if (!value.matches(pattern)) {
                v.reject(p, "field.reference.invalid", s.getString());
            } else {
                out.add(value);
            }
        }
        return out;
    }

    /** Adds the errors one part collected to the whole document's. */
    private static void passOn(Validation part, Validation whole) {
        whole.check(() -> {
            part.throwIfInvalid();
            return null;
        });
    }
}
