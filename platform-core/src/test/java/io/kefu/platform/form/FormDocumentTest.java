package io.kefu.platform.form;

import static io.kefu.platform.form.FormFixtures.LABEL;
import static io.kefu.platform.form.FormFixtures.errors;
import static io.kefu.platform.form.FormFixtures.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;

import io.kefu.platform.ticket.TicketKind;
import io.kefu.platform.ticket.TicketStatus;

class FormDocumentTest {

    /** The example of the shared format, as plugins ship it. */
    static final String EXPRESS = """
            {
              "formatVersion": 1,
              "forms": [
                {
                  "key": "express-parcel",
                  "target": "TICKET",
                  "kinds": ["COMPLAINT", "SERVICE_REQUEST"],
                  "categories": ["express.delay", "express.lost"],
                  "label": {"zh-CN": "快件信息", "en": "Parcel"},
                  "fields": [
                    {"key": "waybillNo", "type": "IDENTIFIER", "label": {"zh-CN": "运单号", "en": "Waybill number"},
                     "help": {"zh-CN": "面单上的号码", "en": "The number on the label"},
                     "required": true, "pattern": "^[A-Z]{2}[0-9]{10,13}$", "example": "SF1234567890",
                     "personalData": false, "mask": null, "readOnlyFrom": "RESOLVED", "visibleWhen": null,
                     "min": null, "max": null, "default": null, "currency": null},
                    {"key": "declaredValue", "type": "MONEY", "label": {"zh-CN": "声明价值", "en": "Declared value"},
                     "min": 0, "max": 100000, "currency": "CNY"},
                    {"key": "issue", "type": "SINGLE_CHOICE", "label": {"zh-CN": "问题", "en": "Issue"}, "default": "late",
                     "options": [{"value": "late", "label": {"zh-CN": "延误", "en": "Late"}},
                                 {"value": "lost", "label": {"zh-CN": "丢失", "en": "Lost"}}]},
                    {"key": "lostAt", "type": "DATE", "label": {"zh-CN": "丢失日期", "en": "Lost on"},
                     "visibleWhen": {"field": "issue", "equals": ["lost"]}, "min": "2020-01-01"},
                    {"key": "receiverPhone", "type": "PHONE", "label": {"zh-CN": "收件人电话", "en": "Receiver phone"},
                     "personalData": true, "mask": "KEEP_FIRST_3_LAST_4"}
                  ]
                },
                {
                  "key": "vip-profile", "target": "CUSTOMER", "label": {"zh-CN": "会员", "en": "Membership"},
                  "fields": [{"key": "memberSince", "type": "DATE", "label": {"zh-CN": "入会日期", "en": "Member since"}}]
                }
              ]
            }""";

    @Test
    void theSharedExampleReadsIntoTheModel() {
        List<Form> forms = FormDocument.parse(EXPRESS);
        assertEquals(2, forms.size());
        Form parcel = forms.get(0);
        assertEquals("express-parcel", parcel.key());
        assertEquals(FormTarget.TICKET, parcel.target());
        assertEquals(List.of(TicketKind.COMPLAINT, TicketKind.SERVICE_REQUEST), parcel.kinds());
        assertEquals("快件信息", parcel.label().in(java.util.Locale.SIMPLIFIED_CHINESE));
        FieldDefinition waybill = parcel.field("waybillNo").orElseThrow();
        assertEquals(FieldType.IDENTIFIER, waybill.type());
        assertTrue(waybill.required());
        assertEquals("SF1234567890", waybill.example());
        assertEquals(TicketStatus.RESOLVED, waybill.readOnlyFrom());
        assertEquals("The number on the label", waybill.help().en());
        assertEquals(Json.createValue("late"), parcel.field("issue").orElseThrow().defaultValue());
        assertEquals(new Condition("issue", List.of("lost")), parcel.field("lostAt").orElseThrow().visibleWhen());
        assertEquals(Mask.KEEP_FIRST_3_LAST_4, parcel.field("receiverPhone").orElseThrow().effectiveMask().orElseThrow());
        assertEquals("0", parcel.field("declaredValue").orElseThrow().min());
        assertEquals(FormTarget.CUSTOMER, forms.get(1).target());
    }

    @Test
    void writingGivesTheCanonicalFormWhichReadsBackTheSame() {
        List<Form> forms = FormDocument.parse(EXPRESS);
        String written = FormDocument.write(forms).toString();
        List<Form> again = FormDocument.parse(written);
        assertEquals(forms, again);
        assertEquals(written, FormDocument.write(again).toString(), "canonical: writing is stable");
        assertFalse(written.contains("\"mask\":null"), "defaults are left out");
        assertTrue(written.contains("\"personalData\":true,\"mask\":\"KEEP_FIRST_3_LAST_4\""), written);
    }

    @Test
    void everyProblemOfTheDocumentIsNamedByItsPath() {
        String bad = """
                {"formatVersion": 2, "extra": 1, "forms": [
                  {"key": "Bad Key", "target": "TICKET", "kinds": ["REFUND"], "categories": ["Bad"], "label": {"zh-CN": "表"},
                   "fields": [
                     {"key": "1st", "type": "TEXT", "label": {"zh-CN": "a", "en": "a"}},
                     {"key": "code", "type": "IDENTIFIER", "label": {"zh-CN": "a", "en": "a"}, "pattern": "[A-Z", "example": "X"},
                     {"key": "amount", "type": "NUMBER", "label": {"zh-CN": "a", "en": "a"}, "min": 10, "max": 1, "options": [{"value": "x"}]},
                     {"key": "phone", "type": "PHONE", "label": {"zh-CN": "a", "en": "a"}, "mask": "ALL"},
                     {"key": "when", "type": "DATE", "label": {"zh-CN": "a", "en": "a"}, "min": "yesterday"},
                     {"key": "pick", "type": "MULTI_CHOICE", "label": {"zh-CN": "a", "en": "a"}},
                     {"key": "shown", "type": "BOOLEAN", "label": {"zh-CN": "a", "en": "a"}, "visibleWhen": {"field": "nowhere", "equals": ["x"]}},
                     {"key": "code", "type": "COLOUR", "label": {"zh-CN": "a", "en": "a"}}
                   ]},
                  {"key": "ok", "target": "NOWHERE", "label": {"zh-CN": "表", "en": "Form"}, "fields": []},
                  "not an object"
                ]}""";
        Map<String, String> e = errors(() -> FormDocument.parse(bad));
        assertEquals("form.format-version", e.get("formatVersion"));
        assertEquals("field.unknown", e.get("extra"));
        assertEquals("form.key.invalid", e.get("forms[0].key"));
        assertEquals("field.value.unknown", e.get("forms[0].kinds"));
        assertEquals("ticket.category.invalid", e.get("forms[0].categories"));
        assertEquals("field.required", e.get("forms[0].label.en"));
        assertEquals("form.field.key.invalid", e.get("forms[0].fields[0].key"));
        assertEquals("form.field.pattern.invalid", e.get("forms[0].fields[1].pattern"));
        assertEquals("form.field.bounds", e.get("forms[0].fields[2].max"));
        assertEquals("form.field.not-for-type", e.get("forms[0].fields[2].options"));
        assertEquals("form.field.mask.not-personal", e.get("forms[0].fields[3].mask"));
        assertEquals("field.date", e.get("forms[0].fields[4].min"));
        assertEquals("form.field.options.required", e.get("forms[0].fields[5].options"));
        assertEquals("form.field.condition.field", e.get("forms[0].fields[6].visibleWhen.field"));
        assertEquals("field.value.unknown", e.get("forms[0].fields[7].type"));
        assertEquals("field.value.unknown", e.get("forms[1].target"));
        assertEquals("field.type.object", e.get("forms[2]"));
    }

    @Test
    void syntaxErrorsAndWrongShapesAreReportedNotThrown() {
        assertEquals(Map.of("$", "form.document.syntax"), errors(() -> FormDocument.parse("{\"formatVersion\": 1, \"forms\": [")));
        assertEquals(Map.of("$", "form.document.not-object"), errors(() -> FormDocument.parse("[]")));
        assertEquals(Map.of("$", "form.document.empty"), errors(() -> FormDocument.parse(" ")));
        assertEquals(Map.of("formatVersion", "form.format-version", "forms", "field.type.array"), errors(() -> FormDocument.parse("{}")));
    }

    @Test
    void keysAreUniqueAndOneFieldKeyHasOneTypeAcrossForms() {
        String doc = """
                {"formatVersion": 1, "forms": [
                  {"key": "a", "target": "TICKET", "label": {"zh-CN": "甲", "en": "A"},
                   "fields": [{"key": "room", "type": "TEXT", "label": {"zh-CN": "房", "en": "Room"}},
                              {"key": "room", "type": "TEXT", "label": {"zh-CN": "房", "en": "Room"}}]},
                  {"key": "b", "target": "TICKET", "label": {"zh-CN": "乙", "en": "B"},
                   "fields": [{"key": "room", "type": "NUMBER", "label": {"zh-CN": "房", "en": "Room"}}]},
                  {"key": "a", "target": "TICKET", "label": {"zh-CN": "甲", "en": "A"}, "fields": []}
                ]}""";
        Map<String, String> e = errors(() -> FormDocument.parse(doc));
        assertEquals("form.field.key.duplicate", e.get("forms[0].fields[1].key"));
        assertEquals("form.key.duplicate", e.get("forms[2].key"));
        assertEquals(2, e.size(), e::toString);
        String conflict = """
                {"formatVersion": 1, "forms": [
                  {"key": "a", "target": "TICKET", "label": {"zh-CN": "甲", "en": "A"},
                   "fields": [{"key": "room", "type": "TEXT", "label": {"zh-CN": "房", "en": "Room"}}]},
                  {"key": "b", "target": "TICKET", "label": {"zh-CN": "乙", "en": "B"},
                   "fields": [{"key": "room", "type": "NUMBER", "label": {"zh-CN": "房", "en": "Room"}}]},
                  {"key": "c", "target": "CUSTOMER", "label": {"zh-CN": "丙", "en": "C"},
                   "fields": [{"key": "room", "type": "NUMBER", "label": {"zh-CN": "房", "en": "Room"}}]}
                ]}""";
        assertEquals(Map.of("forms[1].fields[0].type", "form.field.type-conflict"), errors(() -> FormDocument.parse(conflict)));
    }

    @Test
    void aPatternMustFitItsExampleAndAnIdentifierNeedsOne() {
        assertEquals(Map.of("fields[0].example", "form.field.example.mismatch"),
                errors(() -> field("{'key':'w','type':'IDENTIFIER'," + LABEL + ",'pattern':'[A-Z]{2}[0-9]{10}','example':'sf1'}")));
        assertEquals(Map.of("fields[0].pattern", "form.field.pattern.required"),
                errors(() -> field("{'key':'w','type':'IDENTIFIER'," + LABEL + "}")));
        assertEquals(Map.of("fields[0].pattern", "form.field.not-for-type"),
                errors(() -> field("{'key':'n','type':'NUMBER'," + LABEL + ",'pattern':'[0-9]+'}")));
    }

    @Test
    void aDefaultMustItselfBeAValidValue() {
        assertEquals(Map.of("fields[0].default", "field.choice"), errors(() -> field("{'key':'c','type':'SINGLE_CHOICE'," + LABEL
                + ",'default':'z','options':[{'value':'a','label':{'zh-CN':'甲','en':'A'}}]}")));
        assertEquals(Map.of("fields[0].default", "field.max"), errors(() -> field("{'key':'n','type':'NUMBER'," + LABEL + ",'max':5,'default':6}")));
        assertEquals(Json.createValue(new java.math.BigDecimal("2.5")),
                field("{'key':'n','type':'NUMBER'," + LABEL + ",'default':2.50}").defaultValue(), "stored normalized");
    }

    @Test
    void conditionsMayNotDependOnEachOtherInACircle() {
        Map<String, String> e = errors(() -> FormFixtures.form(
                "{'key':'a','type':'BOOLEAN'," + LABEL + ",'visibleWhen':{'field':'b','equals':['true']}}",
                "{'key':'b','type':'BOOLEAN'," + LABEL + ",'visibleWhen':{'field':'a','equals':['true']}}"));
        assertEquals(Map.of("fields[0].visibleWhen", "form.field.condition.cycle", "fields[1].visibleWhen", "form.field.condition.cycle"), e);
        assertEquals(Map.of("fields[0].visibleWhen.equals", "form.field.condition.equals"), errors(() -> FormFixtures.form(
                "{'key':'a','type':'BOOLEAN'," + LABEL + ",'visibleWhen':{'field':'b','equals':[]}}",
                "{'key':'b','type':'BOOLEAN'," + LABEL + "}")));
    }

    @Test
    void customerFormsHaveNoKindsAndMoneyHasAnIsoCurrency() {
        assertEquals(Map.of("target", "form.customer.no-kinds"), errors(() -> FormDocument.parseForm(
                "{\"key\":\"c\",\"target\":\"CUSTOMER\",\"kinds\":[\"FAULT\"],\"label\":{\"zh-CN\":\"客\",\"en\":\"C\"},\"fields\":[]}")));
        assertEquals(Map.of("fields[0].currency", "field.money.currency"),
                errors(() -> field("{'key':'m','type':'MONEY'," + LABEL + ",'currency':'yuan'}")));
        assertEquals(Map.of("fields[0].currency", "form.field.not-for-type"),
                errors(() -> field("{'key':'m','type':'NUMBER'," + LABEL + ",'currency':'CNY'}")));
    }

    @Test
    void emptyKindsAndCategoriesMeanEveryTicket() {
        Form any = FormFixtures.form("{'key':'x','type':'TEXT'," + LABEL + "}");
        assertTrue(any.appliesTo(TicketKind.FAULT, null));
        assertTrue(any.appliesTo(TicketKind.INQUIRY, "hotel.room"));
        Form express = FormDocument.parse(EXPRESS).get(0);
        assertTrue(express.appliesTo(TicketKind.COMPLAINT, "express.lost"));
        assertFalse(express.appliesTo(TicketKind.COMPLAINT, null), "a form for categories needs one of them");
        assertFalse(express.appliesTo(TicketKind.FAULT, "express.lost"));
        assertFalse(FormDocument.parse(EXPRESS).get(1).appliesTo(TicketKind.FAULT, null), "customer forms apply to no ticket");
        assertNull(any.field("x").orElseThrow().mask());
    }
}
