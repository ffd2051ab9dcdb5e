package io.kefu.platform.ticket;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.kefu.platform.form.FieldFilter;
import io.kefu.platform.form.FieldSort;
import io.kefu.platform.form.FieldType;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.Inputs;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.Validation;

/**
 * A validated ticket list request: filters, sort and a keyset cursor. Keyset paging (created
 * time and id of the last row seen) keeps deep pages as fast as the first and never skips or
 * repeats a ticket when new ones arrive.
 */
public record TicketQuery(Set<TicketStatus> statuses, TicketKind kind, Priority priority, String assignee,
                          boolean unassigned, String team, String customer, Instant createdFrom, Instant createdTo,
                          String text, String tag, Sort sort, Cursor after, int limit,
                          List<FieldFilter> fieldFilters, FieldSort fieldSort) {

    public TicketQuery {
        fieldFilters = fieldFilters == null ? List.of() : List.copyOf(fieldFilters);
    }

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    public static final int MAX_FIELD_FILTERS = 10;

    /** Order of the list; the id breaks ties. */
    public enum Sort {
        CREATED_DESC("-createdAt", "createdAt", true), CREATED_ASC("createdAt", "createdAt", false),
        UPDATED_DESC("-updatedAt", "updatedAt", true), UPDATED_ASC("updatedAt", "updatedAt", false);

        final String param;
        final String attribute;
        final boolean descending;

        Sort(String param, String attribute, boolean descending) {
            this.param = param;
            this.attribute = attribute;
            this.descending = descending;
        }

        static Sort parse(String input) {
            if (input == null || input.isBlank()) {
                return CREATED_DESC;
            }
            for (Sort s : values()) {
                if (s.param.equals(input.strip())) {
                    return s;
                }
            }
            throw new InvalidInputException(FieldError.of("sort", "field.value.unknown", input, "-createdAt, createdAt, -updatedAt, updatedAt"));
        }
    }

    /**
     * Position after the last row of a page: its time and id, or (sorting by a custom field) its
     * id and that field's value as text.
     */
    public record Cursor(Instant at, String id, String value) {
        public Cursor(Instant at, String id) {
            this(at, id, null);
        }

        /** After a row of a list sorted by a custom field. */
        static Cursor field(String id, String value) {
            return new Cursor(null, id, value);
        }

        public String encode() {
            String raw = at == null ? "F:" + id + ":" + value : at.getEpochSecond() + ":" + at.getNano() + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String token) {
            try {
                String[] p = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":", 3);
                if (p[0].equals("F")) {
                    return field(p[1], p[2]);
                }
                return new Cursor(Instant.ofEpochSecond(Long.parseLong(p[0]), Long.parseLong(p[1])), p[2]);
            } catch (RuntimeException e) {
                throw new InvalidInputException(FieldError.of("cursor", "cursor.invalid"));
            }
        }
    }

    /** The same query continuing after the position a page's {@code nextCursor} names (null: from the start). */
    public TicketQuery from(String cursor) {
        Cursor c = cursor == null ? null : Cursor.decode(cursor);
        return new TicketQuery(statuses, kind, priority, assignee, unassigned, team, customer, createdFrom, createdTo, text, tag,
                sort, c, limit, fieldFilters, fieldSort);
    }

    /** The same query with pages of {@code n} rows (1 to {@link #MAX_LIMIT}). */
    public TicketQuery withLimit(int n) {
        if (n < 1 || n > MAX_LIMIT) {
            throw new InvalidInputException(FieldError.of("limit", "field.out-of-range", 1, MAX_LIMIT));
        }
        return new TicketQuery(statuses, kind, priority, assignee, unassigned, team, customer, createdFrom, createdTo, text, tag,
                sort, after, n, fieldFilters, fieldSort);
    }

    /** The same query with the team reference resolved to the team's id. */
    TicketQuery withTeam(String teamId) {
        return new TicketQuery(statuses, kind, priority, assignee, unassigned, teamId, customer, createdFrom, createdTo, text, tag,
                sort, after, limit, fieldFilters, fieldSort);
    }

    /**
     * Parses query parameters, custom field filters ({@code field.<key>}, {@code field.<key>.gte},
     * {@code field.<key>.lte}) among {@code all}, and {@code sort=[-]field.<key>}.
     */
    public static TicketQuery parse(List<String> status, String kind, String priority, String assignee, String team,
                                    String customer, String createdFrom, String createdTo, String q, String tag,
                                    String sort, String cursor, Integer limit, String me, Map<String, List<String>> all) {
        Validation v = new Validation();
        List<FieldFilter> filters = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : new java.util.TreeMap<>(all).entrySet()) {
            for (String value : e.getValue()) {
                FieldFilter f = v.check(() -> FieldFilter.parse(e.getKey(), value));
                if (f != null) {
                    filters.add(f);
                }
            }
        }
        if (filters.size() > MAX_FIELD_FILTERS) {
            v.reject("field", "ticket.field.filter.too-many", MAX_FIELD_FILTERS);
        }
        FieldSort fieldSort = v.check(() -> FieldSort.parse(sort));
        TicketQuery base = v.check(() -> parse(status, kind, priority, assignee, team, customer, createdFrom, createdTo, q, tag,
                fieldSort == null ? sort : null, cursor, limit, me));
        v.throwIfInvalid();
        if (base.after() != null && (base.after().at() == null) != (fieldSort != null)) {
            throw new InvalidInputException(FieldError.of("cursor", "cursor.invalid"));
        }
        return new TicketQuery(base.statuses(), base.kind(), base.priority(), base.assignee(), base.unassigned(), base.team(),
                base.customer(), base.createdFrom(), base.createdTo(), base.text(), base.tag(), base.sort(), base.after(),
                base.limit(), filters, fieldSort);
    }

    /** Parses query parameters; {@code me} is the caller's user name for {@code assignee=me}. */
    public static TicketQuery parse(List<String> status, String kind, String priority, String assignee, String team,
                                    String customer, String createdFrom, String createdTo, String q, String tag,
                                    String sort, String cursor, Integer limit, String me) {
        Validation v = new Validation();
        Set<TicketStatus> statuses = EnumSet.noneOf(TicketStatus.class);
        for (String s : status == null ? List.<String>of() : status) {
            for (String one : s.split(",")) {
                if (!one.isBlank()) {
                    TicketStatus st = v.check(() -> Inputs.enumValue(TicketStatus.class, one, "status", null));
                    if (st != null) {
                        statuses.add(st);
                    }
                }
            }
        }
        TicketKind k = blank(kind) ? null : v.check(() -> Inputs.enumValue(TicketKind.class, kind, "kind", null));
        Priority p = blank(priority) ? null : v.check(() -> Inputs.enumValue(Priority.class, priority, "priority", null));
        boolean unassigned = "none".equals(assignee);
        String who = blank(assignee) || unassigned ? null : "me".equals(assignee) ? me : assignee.strip();
        Instant from = blank(createdFrom) ? null : v.check(() -> instant(createdFrom, "createdFrom", false));
        Instant to = blank(createdTo) ? null : v.check(() -> instant(createdTo, "createdTo", true));
        Sort order = v.check(() -> Sort.parse(sort));
        Cursor after = blank(cursor) ? null : v.check(() -> Cursor.decode(cursor));
        int n = limit == null ? DEFAULT_LIMIT : limit;
        if (n < 1 || n > MAX_LIMIT) {
            v.reject("limit", "field.out-of-range", 1, MAX_LIMIT);
        }
        String text = blank(q) ? null : q.strip();
        if (text != null && text.length() > 200) {
            v.reject("q", "field.too-long", 200);
        }
        v.throwIfInvalid();
        return new TicketQuery(statuses, k, p, who, unassigned, blank(team) ? null : team.strip(),
                blank(customer) ? null : customer.strip(), from, to, text, blank(tag) ? null : tag.strip(),
                order == null ? Sort.CREATED_DESC : order, after, n, List.of(), null);
    }

    /** An instant, or a date meaning its start (or, for an upper bound, the start of the next day), in UTC. */
    static Instant instant(String input, String field, boolean upperBound) {
        String s = input.strip();
        try {
            if (s.length() == 10) {
                LocalDate d = LocalDate.parse(s);
                return (upperBound ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(FieldError.of(field, "field.datetime.invalid", s));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The JPQL condition and parameters for a query without custom fields. */
    Jpql where() {
        return where(key -> {
            throw new InvalidInputException(FieldError.of("field." + key, "field.unknown"));
        }, false);
    }

    /**
     * The JPQL join, condition and order for this query (without limit). {@code types} gives a
     * custom field's type (throwing for an unknown key); {@code postgres} chooses how equality on a
     * custom field is asked (see {@link FieldFilter}).
     */
    Jpql where(java.util.function.Function<String, FieldType> types, boolean postgres) {
        List<String> clauses = new ArrayList<>();
        List<Object[]> params = new ArrayList<>();
        if (!statuses.isEmpty()) {
            clauses.add("t.status in :statuses");
            params.add(new Object[] {"statuses", new ArrayList<>(statuses)});
        }
        add(clauses, params, kind, "t.kind = :kind", "kind");
        add(clauses, params, priority, "t.priority = :priority", "priority");
        add(clauses, params, assignee, "t.assignee = :assignee", "assignee");
        if (unassigned) {
            clauses.add("t.assignee is null");
        }
        add(clauses, params, team, "t.teamId = :team", "team");
        add(clauses, params, customer, "t.customerId = :customer", "customer");
        add(clauses, params, createdFrom == null ? null : createdFrom.atOffset(ZoneOffset.UTC), "t.createdAt >= :createdFrom", "createdFrom");
        add(clauses, params, createdTo == null ? null : createdTo.atOffset(ZoneOffset.UTC), "t.createdAt < :createdTo", "createdTo");
        if (text != null) {
            clauses.add("(t.number = :number or t.subjectSearch like :text escape '\\')");
            params.add(new Object[] {"number", text});
            params.add(new Object[] {"text", "%" + likeEscape(text.toLowerCase(java.util.Locale.ROOT)) + "%"});
        }
        if (tag != null) {
            clauses.add("t.tags like :tag escape '\\'");
            params.add(new Object[] {"tag", "%," + likeEscape(tag) + ",%"});
        }
        Validation invalid = new Validation();
        for (int i = 0; i < fieldFilters.size(); i++) {
            FieldFilter f = fieldFilters.get(i);
            String p = "cf" + i;
            String clause = invalid.check(() -> f.jpql(types.apply(f.key()), postgres, p, params));
            if (clause != null) {
                clauses.add(clause);
            }
        }
        String from = "";
        String sortAttribute = null;
        FieldType sortType = null;
        if (fieldSort != null) {
            sortType = invalid.check(() -> types.apply(fieldSort.key()));
            FieldType st = sortType;
            sortAttribute = st == null ? null : invalid.check(() -> fieldSort.attribute(st));
        }
        invalid.throwIfInvalid();
        if (fieldSort != null) {
            from = ", TicketFieldValue s";
            clauses.add("s.ticketId = t.id and s.fieldKey = :sortKey");
            params.add(new Object[] {"sortKey", fieldSort.key()});
            String op = fieldSort.descending() ? "<" : ">";
            String a = "s." + sortAttribute;
            if (after != null) {
                Object value;
                try {
                    value = fieldSort.cursorValue(sortType, after.value());
                } catch (RuntimeException e) {
                    throw new InvalidInputException(FieldError.of("cursor", "cursor.invalid"));
                }
                clauses.add("(" + a + " " + op + " :afterValue or (" + a + " = :afterValue and t.id " + op + " :afterId))");
                params.add(new Object[] {"afterValue", value});
                params.add(new Object[] {"afterId", after.id()});
            }
            String dir = fieldSort.descending() ? " desc" : " asc";
            return new Jpql(from, clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses),
                    " order by " + a + dir + ", t.id" + dir, params, a);
        }
        if (after != null) {
            String op = sort.descending ? "<" : ">";
            String a = "t." + sort.attribute;
            // The redundant bound (<= or >=) gives PostgreSQL an index range to start from; the OR
            // alone made it sort every remaining row (bench/queue/paging.sh, ADR 0013).
            clauses.add(a + " " + op + "= :afterAt and (" + a + " " + op + " :afterAt or (" + a + " = :afterAt and t.id " + op + " :afterId))");
            params.add(new Object[] {"afterAt", after.at().atOffset(ZoneOffset.UTC)});
            params.add(new Object[] {"afterId", after.id()});
        }
        String order = " order by t." + sort.attribute + (sort.descending ? " desc" : " asc") + ", t.id" + (sort.descending ? " desc" : " asc");
        return new Jpql(from, clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), order, params, null);
    }

    /**
     * @param from      more entities joined to {@code Ticket t}
     * @param sortValue the selected expression whose value the next cursor carries; null when the
     *                  order is by the ticket's own time
     */
    record Jpql(String from, String where, String orderBy, List<Object[]> params, String sortValue) {
    }

    private static void add(List<String> clauses, List<Object[]> params, Object value, String clause, String name) {
        if (value != null) {
            clauses.add(clause);
            params.add(new Object[] {name, value});
        }
    }

    static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
