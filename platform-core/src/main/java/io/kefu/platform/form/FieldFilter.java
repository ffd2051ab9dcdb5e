package io.kefu.platform.form;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.json.JsonValue;

import io.kefu.platform.json.Jsons;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;

/**
 * A list filter on a custom field: {@code field.<key>=v} (equality; for a multiple choice "has
 * v"), {@code field.<key>.gte=v} and {@code field.<key>.lte=v} (ranges on numbers, money amounts,
 * dates and date-times). Turned into JPQL by {@link #jpql}: on PostgreSQL equality is a jsonb
 * containment served by the GIN index on the values document; everything else, and equality on
 * H2, reads the typed projection {@link TicketFieldValue}.
 */
public record FieldFilter(String key, Op op, String raw) {

    /** How the value compares. */
    public enum Op { EQ, GTE, LTE }

    /** The query parameter this filter came from, for error messages. */
    public String parameter() {
        return "field." + key + (op == Op.EQ ? "" : op == Op.GTE ? ".gte" : ".lte");
    }

    /**
     * Reads a {@code field.*} query parameter; null when {@code name} is not one.
     */
    public static FieldFilter parse(String name, String value) {
        if (!name.startsWith("field.")) {
            return null;
        }
        String rest = name.substring("field.".length());
        Op op = Op.EQ;
        if (rest.endsWith(".gte")) {
            op = Op.GTE;
            rest = rest.substring(0, rest.length() - 4);
        } else if (rest.endsWith(".lte")) {
            op = Op.LTE;
            rest = rest.substring(0, rest.length() - 4);
        }
        if (!FormDocument.FIELD_KEY.matcher(rest).matches()) {
            throw new InvalidInputException(FieldError.of(name, "form.field.key.invalid", rest));
        }
        if (value == null || value.isBlank() || value.length() > 500) {
            throw new InvalidInputException(FieldError.of(name, "ticket.field.filter.value"));
        }
        return new FieldFilter(rest, op, value.strip());
    }

    /**
     * The JPQL condition on ticket alias {@code t}; adds its parameters ({name, value}) to
     * {@code params}, names prefixed by {@code p}.
     */
    public String jpql(FieldType type, boolean postgres, String p, List<Object[]> params) {
        if (type == FieldType.LONG_TEXT) {
            throw new InvalidInputException(FieldError.of(parameter(), "ticket.field.filter.unsupported", type.name()));
        }
        if (op != Op.EQ) {
            if (!type.isNumeric() && !type.isTemporal()) {
                throw new InvalidInputException(FieldError.of(parameter(), "ticket.field.filter.range", type.name()));
            }
            String column = type.isNumeric() ? "numberValue" : "timeValue";
            params.add(new Object[] {p + "k", key});
            params.add(new Object[] {p + "v", type.isNumeric() ? number() : time(type, op == Op.LTE)});
            return "exists (select " + p + " from TicketFieldValue " + p + " where " + p + ".ticketId = t.id and "
                    + p + ".fieldKey = :" + p + "k and " + p + "." + column + (op == Op.GTE ? " >= " : " <= ") + ":" + p + "v)";
        }
        if (postgres) {
            params.add(new Object[] {p + "j", Jsons.createObjectBuilder().add(key, jsonValue(type)).build().toString()});
            // Exactly the indexed expression: custom_fields::jsonb @> the wanted member.
            return "SQL('CAST(? AS jsonb) @> CAST(? AS jsonb)', t.customFields, :" + p + "j)";
        }
        params.add(new Object[] {p + "k", key});
        String column;
        Object v;
        if (type.isNumeric()) {
            column = "numberValue";
            v = FieldProjection.scaled(new BigDecimal(number().stripTrailingZeros().toPlainString()));
        } else if (type == FieldType.DATE_TIME) {
            column = "timeValue";
            v = time(type, false);
        } else {
            column = "textValue";
            v = text(type);
        }
        params.add(new Object[] {p + "v", v});
        return "exists (select " + p + " from TicketFieldValue " + p + " where " + p + ".ticketId = t.id and "
                + p + ".fieldKey = :" + p + "k and " + p + "." + column + " = :" + p + "v)";
    }

    /** The member of the values document a ticket must contain to match (PostgreSQL). */
    JsonValue jsonValue(FieldType type) {
        return switch (type) {
            case NUMBER -> Jsons.createValue(new BigDecimal(number().stripTrailingZeros().toPlainString()));
            case MONEY -> Jsons.createObjectBuilder().add("amount", number().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()).build();
            case BOOLEAN -> bool() ? JsonValue.TRUE : JsonValue.FALSE;
            case MULTI_CHOICE -> Jsons.createArrayBuilder().add(raw).build();
            case DATE_TIME -> Jsons.createValue(time(type, false).toInstant().toString());
            default -> Jsons.createValue(text(type));
        };
    }

    private String text(FieldType type) {
        return switch (type) {
            case BOOLEAN -> Boolean.toString(bool());
            case DATE -> date().toString();
            case PHONE -> raw.replaceAll("[\\s-]", "");
            default -> raw;
        };
    }

    private boolean bool() {
        if (raw.equals("true") || raw.equals("false")) {
            return Boolean.parseBoolean(raw);
        }
        throw new InvalidInputException(FieldError.of(parameter(), "field.type.boolean"));
    }

    /** The value as a number the projection can hold (at most 6 decimals). */
    BigDecimal number() {
        try {
            BigDecimal d = new BigDecimal(raw);
            if (d.stripTrailingZeros().scale() <= 6 && d.abs().compareTo(new BigDecimal("1e18")) < 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(FieldError.of(parameter(), "ticket.field.filter.number", raw));
    }

    private LocalDate date() {
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(FieldError.of(parameter(), "field.date", raw));
        }
    }

    /** A date or date-time bound; a date as an upper bound of a DATE_TIME means the end of that day. */
    OffsetDateTime time(FieldType type, boolean upper) {
        try {
            Instant i;
            if (raw.length() == 10) {
                LocalDate d = LocalDate.parse(raw);
                i = (upper && type == FieldType.DATE_TIME ? d.plusDays(1).atStartOfDay(ZoneOffset.UTC).minusNanos(1000)
                        : d.atStartOfDay(ZoneOffset.UTC)).toInstant();
            } else {
                i = OffsetDateTime.parse(raw).toInstant();
            }
            return i.atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(FieldError.of(parameter(), "field.datetime", raw));
        }
    }
}
