package io.kefu.platform.form;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * The typed copy of tickets' custom field values ({@code ticket_field_value}), kept in the
 * transaction that stores the values document, for range filters, sorting and KPI aggregation
 * on both databases. Values of retired fields keep the rows they had.
 */
@ApplicationScoped
@Transactional
public class FieldProjection {

    /** Texts are projected up to this length (the column's); longer ones by their beginning. */
    public static final int TEXT_MAX = 500;

    @Inject
    TenantPersistence data;

    /** Replaces the rows of {@code fields} for the ticket by those of {@code values}. */
    public void replace(String ticketId, List<FieldDefinition> fields, JsonObject values) {
        if (fields.isEmpty()) {
            return;
        }
        EntityManager em = data.entityManager();
        Set<String> keys = fields.stream().map(FieldDefinition::key).collect(Collectors.toSet());
        em.createQuery("delete from TicketFieldValue v where v.ticketId = :t and v.fieldKey in :k")
                .setParameter("t", ticketId).setParameter("k", keys).executeUpdate();
        rows(ticketId, fields, values).forEach(em::persist);
    }

    /** Count, sum and average of a numeric field per option of a choice field. */
    public record Group(String option, long count, BigDecimal sum, BigDecimal average) {
    }

    /**
     * For KPIs: over the bound tenant's tickets having both values, {@code numericKey}'s count, sum
     * and average grouped by {@code groupKey}'s option (one group per option chosen for a multiple
     * choice), largest count first. Types are checked against the current definitions by the caller
     * ({@link FormDefinitions#aggregate}).
     */
    List<Group> aggregate(String numericKey, String groupKey) {
        List<Object[]> rows = data.entityManager().createQuery(
                        "select g.textValue, count(n), sum(n.numberValue), avg(n.numberValue) from TicketFieldValue n, TicketFieldValue g"
                                + " where n.ticketId = g.ticketId and n.fieldKey = :n and g.fieldKey = :g and n.numberValue is not null"
                                + " group by g.textValue order by count(n) desc, g.textValue", Object[].class)
                .setParameter("n", numericKey).setParameter("g", groupKey).getResultList();
        List<Group> out = new ArrayList<>();
        for (Object[] r : rows) {
            BigDecimal sum = decimal(r[2]);
            BigDecimal avg = decimal(r[3]);
            out.add(new Group((String) r[0], ((Number) r[1]).longValue(), sum == null ? null : new BigDecimal(sum.stripTrailingZeros().toPlainString()),
                    avg == null ? null : avg.setScale(2, RoundingMode.HALF_UP)));
        }
        return out;
    }

    private static BigDecimal decimal(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    }

    /** The projection rows of a values document (pure, for tests and the writer). */
    static List<TicketFieldValue> rows(String ticketId, List<FieldDefinition> fields, JsonObject values) {
        List<TicketFieldValue> out = new ArrayList<>();
        if (values == null) {
            return out;
        }
        for (FieldDefinition f : fields) {
            JsonValue v = values.get(f.key());
            if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            try {
                switch (f.type()) {
                    case NUMBER -> {
                        if (v instanceof JsonNumber n) {
                            out.add(new TicketFieldValue(ticketId, f.key(), null, scaled(n.bigDecimalValue()), null));
                        }
                    }
                    case MONEY -> {
                        if (v instanceof JsonObject o && o.get("amount") instanceof JsonString a) {
                            out.add(new TicketFieldValue(ticketId, f.key(), text(o.get("currency")),
                                    scaled(new BigDecimal(a.getString())), null));
                        }
                    }
                    case DATE -> {
                        if (v instanceof JsonString s) {
                            out.add(new TicketFieldValue(ticketId, f.key(), s.getString(), null,
                                    LocalDate.parse(s.getString()).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime()));
                        }
                    }
                    case DATE_TIME -> {
                        if (v instanceof JsonString s) {
                            OffsetDateTime t = Instant.parse(s.getString()).atOffset(ZoneOffset.UTC);
                            out.add(new TicketFieldValue(ticketId, f.key(), s.getString(), null, t));
                        }
                    }
                    case MULTI_CHOICE -> {
                        if (v instanceof JsonArray a) {
                            a.forEach(item -> out.add(new TicketFieldValue(ticketId, f.key(), text(item), null, null)));
                        }
                    }
                    case LONG_TEXT -> {
                        // Not filtered or sorted on: no row.
                    }
                    default -> out.add(new TicketFieldValue(ticketId, f.key(), text(v), null, null));
                }
            } catch (RuntimeException storedUnderAnotherType) {
                // A value kept from before the field's type changed: readable, not projectable.
            }
        }
        return out;
    }

    /** The column's scale, so that equality on H2 compares like with like. */
    static BigDecimal scaled(BigDecimal d) {
        if (d.scale() > 6) {
            throw new InvalidInputException(FieldError.of("fields", "field.number.precision"));
        }
        return d.setScale(6, RoundingMode.UNNECESSARY);
    }

    private static String text(JsonValue v) {
        String s = FormValidator.text(v);
        if (s == null) {
            return null;
        }
        return s.length() > TEXT_MAX ? s.substring(0, TEXT_MAX) : s;
    }
}
