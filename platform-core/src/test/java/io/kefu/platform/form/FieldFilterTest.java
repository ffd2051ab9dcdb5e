package io.kefu.platform.form;

import static io.kefu.platform.form.FormFixtures.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FieldFilterTest {

    @Test
    void parametersNameTheFieldAndTheComparison() {
        assertEquals(new FieldFilter("waybillNo", FieldFilter.Op.EQ, "SF1"), FieldFilter.parse("field.waybillNo", " SF1 "));
        assertEquals(new FieldFilter("amount", FieldFilter.Op.GTE, "10"), FieldFilter.parse("field.amount.gte", "10"));
        assertEquals(new FieldFilter("amount", FieldFilter.Op.LTE, "10"), FieldFilter.parse("field.amount.lte", "10"));
        assertNull(FieldFilter.parse("status", "NEW"));
        assertEquals(Map.of("field.bad key", "form.field.key.invalid"), errors(() -> FieldFilter.parse("field.bad key", "x")));
        assertEquals(Map.of("field.a", "ticket.field.filter.value"), errors(() -> FieldFilter.parse("field.a", " ")));
    }

    @Test
    void onPostgresqlEqualityIsAJsonbContainmentOfTheNormalizedValue() {
        List<Object[]> params = new ArrayList<>();
        String clause = new FieldFilter("waybillNo", FieldFilter.Op.EQ, "SF1").jpql(FieldType.IDENTIFIER, true, "cf0", params);
        assertEquals("SQL('CAST(? AS jsonb) @> CAST(? AS jsonb)', t.customFields, :cf0j)", clause);
        assertEquals("{\"waybillNo\":\"SF1\"}", params.get(0)[1]);
        assertEquals("{\"n\":12.5}", json("n", FieldType.NUMBER, "12.50"));
        assertEquals("{\"n\":{\"amount\":\"12.50\"}}", json("n", FieldType.MONEY, "12.5"));
        assertEquals("{\"n\":[\"late\"]}", json("n", FieldType.MULTI_CHOICE, "late"));
        assertEquals("{\"n\":true}", json("n", FieldType.BOOLEAN, "true"));
        assertEquals("{\"n\":\"2026-11-25T00:00:00Z\"}", json("n", FieldType.DATE_TIME, "2026-11-25T08:00:00+08:00"));
        assertEquals("{\"n\":\"+8613812345678\"}", json("n", FieldType.PHONE, "+86 138-1234-5678"));
    }

    private static String json(String key, FieldType type, String raw) {
        List<Object[]> params = new ArrayList<>();
        new FieldFilter(key, FieldFilter.Op.EQ, raw).jpql(type, true, "p", params);
        return (String) params.get(0)[1];
    }

    @Test
    void onH2AndForRangesTheTypedProjectionIsRead() {
        List<Object[]> params = new ArrayList<>();
        String eq = new FieldFilter("amount", FieldFilter.Op.EQ, "12.5").jpql(FieldType.NUMBER, false, "cf0", params);
        assertTrue(eq.contains("cf0.numberValue = :cf0v"), eq);
        assertEquals(new BigDecimal("12.500000"), params.get(1)[1]);
        params.clear();
        String range = new FieldFilter("due", FieldFilter.Op.LTE, "2026-11-25").jpql(FieldType.DATE_TIME, true, "cf1", params);
        assertTrue(range.contains("cf1.timeValue <= :cf1v"), range);
        assertEquals("2026-11-25T23:59:59.999999Z", params.get(1)[1].toString(), "a date as upper bound: its whole day");
    }

    @Test
    void unsupportedComparisonsAreRefusedByParameter() {
        assertEquals(Map.of("field.note.gte", "ticket.field.filter.range"),
                errors(() -> new FieldFilter("note", FieldFilter.Op.GTE, "a").jpql(FieldType.TEXT, false, "p", new ArrayList<>())));
        assertEquals(Map.of("field.note", "ticket.field.filter.unsupported"),
                errors(() -> new FieldFilter("note", FieldFilter.Op.EQ, "a").jpql(FieldType.LONG_TEXT, false, "p", new ArrayList<>())));
        assertEquals(Map.of("field.n", "ticket.field.filter.number"),
                errors(() -> new FieldFilter("n", FieldFilter.Op.EQ, "ten").jpql(FieldType.NUMBER, true, "p", new ArrayList<>())));
        assertEquals(Map.of("field.n.gte", "ticket.field.filter.number"),
                errors(() -> new FieldFilter("n", FieldFilter.Op.GTE, "0.1234567").jpql(FieldType.NUMBER, false, "p", new ArrayList<>())));
        assertEquals(Map.of("sort", "ticket.field.sort.unsupported"), errors(() -> new FieldSort("m", false).attribute(FieldType.MULTI_CHOICE)));
        assertEquals(new FieldSort("amount", true), FieldSort.parse("-field.amount"));
        assertNull(FieldSort.parse("-createdAt"));
    }
}
