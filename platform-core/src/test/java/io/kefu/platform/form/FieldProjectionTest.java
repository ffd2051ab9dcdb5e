package io.kefu.platform.form;

import static io.kefu.platform.form.FormFixtures.LABEL;
import static io.kefu.platform.form.FormFixtures.form;
import static io.kefu.platform.form.FormFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class FieldProjectionTest {

    @Test
    void eachTypeLandsInItsTypedColumn() {
        List<FieldDefinition> defs = form(
                "{'key':'n','type':'NUMBER'," + LABEL + "}",
                "{'key':'m','type':'MONEY'," + LABEL + "}",
                "{'key':'d','type':'DATE'," + LABEL + "}",
                "{'key':'t','type':'DATE_TIME'," + LABEL + "}",
                "{'key':'c','type':'MULTI_CHOICE'," + LABEL + ",'options':[{'value':'a','label':{'zh-CN':'甲','en':'A'}},{'value':'b','label':{'zh-CN':'乙','en':'B'}}]}",
                "{'key':'b','type':'BOOLEAN'," + LABEL + "}",
                "{'key':'l','type':'LONG_TEXT'," + LABEL + "}",
                "{'key':'s','type':'TEXT'," + LABEL + "}").fields();
        List<TicketFieldValue> rows = FieldProjection.rows("t1", defs, json("{'n':2.5,'m':{'amount':'12.50','currency':'CNY'},"
                + "'d':'2026-11-25','t':'2026-11-25T00:00:00Z','c':['a','b'],'b':true,'l':'long','s':'" + "x".repeat(600) + "','retired':'r'}"));
        assertEquals(List.of("n", "m", "d", "t", "c", "c", "b", "s"), rows.stream().map(TicketFieldValue::fieldKey).toList(),
                "one row per option chosen; long texts and retired keys have none");
        assertEquals(new BigDecimal("2.500000"), rows.get(0).numberValue());
        assertEquals(new BigDecimal("12.500000"), rows.get(1).numberValue());
        assertEquals("CNY", rows.get(1).textValue());
        assertEquals(OffsetDateTime.parse("2026-11-25T00:00:00Z"), rows.get(2).timeValue());
        assertEquals("2026-11-25", rows.get(2).textValue());
        assertEquals(OffsetDateTime.parse("2026-11-25T00:00:00Z"), rows.get(3).timeValue());
        assertEquals(List.of("a", "b"), List.of(rows.get(4).textValue(), rows.get(5).textValue()));
        assertEquals("true", rows.get(6).textValue());
        assertEquals(FieldProjection.TEXT_MAX, rows.get(7).textValue().length());
    }

    @Test
    void aValueStoredUnderAnotherTypeIsKeptOutOfTheProjection() {
        List<FieldDefinition> defs = form("{'key':'room','type':'NUMBER'," + LABEL + "}", "{'key':'when','type':'DATE'," + LABEL + "}").fields();
        assertEquals(List.of(), FieldProjection.rows("t1", defs, json("{'room':'A-101','when':'soon'}")));
    }
}
