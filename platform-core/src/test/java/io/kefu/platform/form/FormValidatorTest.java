package io.kefu.platform.form;

import static io.kefu.platform.form.FormFixtures.LABEL;
import static io.kefu.platform.form.FormFixtures.codes;
import static io.kefu.platform.form.FormFixtures.form;
import static io.kefu.platform.form.FormFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.kefu.platform.problem.FieldError;
import io.kefu.platform.ticket.TicketStatus;

class FormValidatorTest {

    private static final String OPTIONS = "'options':[{'value':'late','label':{'zh-CN':'延误','en':'Late'}},"
            + "{'value':'lost','label':{'zh-CN':'丢失','en':'Lost'}},{'value':'damaged','label':{'zh-CN':'破损','en':'Damaged'}}]";

    private static List<FieldDefinition> fields(String... defs) {
        return form(defs).fields();
    }

    private static FormValidator.Outcome create(List<FieldDefinition> defs, String sent) {
        return FormValidator.validate(defs, TicketStatus.NEW, null, json(sent), FormValidator.Mode.CREATE);
    }

    private static FormValidator.Outcome update(List<FieldDefinition> defs, TicketStatus status, String stored, String sent) {
        return FormValidator.validate(defs, status, json(stored), json(sent), FormValidator.Mode.UPDATE);
    }

    /** The stored value of {@code key} after creating with {@code sent}, or the error codes. */
    private static Object one(String def, String sent) {
        FormValidator.Outcome o = create(fields(def), "{'v':" + sent + "}");
        return o.valid() ? o.values().get("v") == null ? null : o.values().get("v").toString() : codes(o.errors()).get("fields.v");
    }

    @Test
    void textsAreTrimmedAndTheirLengthBounded() {
        String def = "{'key':'v','type':'TEXT'," + LABEL + ",'min':2,'max':5}";
        assertEquals("\"ab\"", one(def, "'  ab '"));
        assertEquals("field.too-short", one(def, "'a'"));
        assertEquals("field.too-long", one(def, "'abcdef'"));
        assertEquals("\"中文字符串\"", one(def, "'中文字符串'"), "length counts characters, not bytes");
        assertEquals("field.type", one(def, "12"));
        assertEquals("field.control-characters", one(def, "'a\\u0007b'"));
        String longText = "{'key':'v','type':'LONG_TEXT'," + LABEL + "}";
        assertEquals("\"line 1\\nline 2\"", one(longText, "'line 1\\nline 2'"), "long texts keep their lines");
        assertEquals("field.too-long", one(longText, "'" + "x".repeat(20_001) + "'"));
    }

    @Test
    void numbersAreNormalizedAndBounded() {
        String def = "{'key':'v','type':'NUMBER'," + LABEL + ",'min':0,'max':100}";
        assertEquals("2.5", one(def, "2.50"));
        assertEquals("100", one(def, "1E+2"));
        assertEquals("field.min", one(def, "-1"));
        assertEquals("field.max", one(def, "100.01"));
        assertEquals("field.type", one(def, "'12'"));
        assertEquals("field.number.precision", one(def, "0.1234567"));
    }

    @Test
    void moneyHasAnAmountWithTwoDecimalsAndTheDefinitionsCurrency() {
        String def = "{'key':'v','type':'MONEY'," + LABEL + ",'currency':'CNY','max':500}";
        assertEquals("{\"amount\":\"12.50\",\"currency\":\"CNY\"}", one(def, "{'amount':'12.5','currency':'CNY'}"));
        assertEquals("{\"amount\":\"8.00\",\"currency\":\"CNY\"}", one(def, "{'amount':8}"), "the definition's currency when none is sent");
        assertEquals("field.max", one(def, "{'amount':'500.01','currency':'CNY'}"));
        FormValidator.Outcome bad = create(fields(def), "{'v':{'amount':'1.005','currency':'USD'}}");
        assertEquals(Map.of("fields.v.amount", "field.money.amount", "fields.v.currency", "field.money.currency"), codes(bad.errors()));
        assertEquals("field.type", one(def, "'12.50 CNY'"));
        String anyCurrency = "{'key':'v','type':'MONEY'," + LABEL + "}";
        assertEquals("{\"amount\":\"3.00\",\"currency\":\"USD\"}", one(anyCurrency, "{'amount':'3','currency':'usd'}"));
        assertEquals("field.money.currency", codes(create(fields(anyCurrency), "{'v':{'amount':'3'}}").errors()).get("fields.v.currency"));
    }

    @Test
    void datesAndDateTimesAreIsoAndBounded() {
        String date = "{'key':'v','type':'DATE'," + LABEL + ",'min':'2026-01-01','max':'2026-12-31'}";
        assertEquals("\"2026-11-25\"", one(date, "'2026-11-25'"));
        assertEquals("field.date", one(date, "'25/11/2026'"));
        assertEquals("field.min", one(date, "'2025-12-31'"));
        assertEquals("field.max", one(date, "'2027-01-01'"));
        String time = "{'key':'v','type':'DATE_TIME'," + LABEL + ",'min':'2026-01-01'}";
        assertEquals("\"2026-11-25T00:00:00Z\"", one(time, "'2026-11-25T08:00:00+08:00'"), "stored in UTC");
        assertEquals("field.datetime", one(time, "'2026-11-25 08:00'"));
        assertEquals("field.min", one(time, "'2025-12-31T23:59:59Z'"));
    }

    @Test
    void choicesComeFromTheOptions() {
        String single = "{'key':'v','type':'SINGLE_CHOICE'," + LABEL + "," + OPTIONS + "}";
        assertEquals("\"lost\"", one(single, "'lost'"));
        assertEquals("field.choice", one(single, "'stolen'"));
        FieldError e = create(fields(single), "{'v':'stolen'}").errors().get(0);
        assertEquals(List.of("stolen", "late, lost, damaged"), e.args(), "the message lists what is allowed");
        String multi = "{'key':'v','type':'MULTI_CHOICE'," + LABEL + "," + OPTIONS + "}";
        assertEquals("[\"late\",\"damaged\"]", one(multi, "['damaged','late','damaged']"), "in the options' order, once each");
        assertEquals("field.choice", one(multi, "['late','x']"));
        assertEquals("field.type", one(multi, "'late'"));
        assertEquals(null, one(multi, "[]"), "an empty selection is no value");
    }

    @Test
    void booleansPhonesAndEmails() {
        String bool = "{'key':'v','type':'BOOLEAN'," + LABEL + "}";
        assertEquals("true", one(bool, "true"));
        assertEquals("field.type", one(bool, "'yes'"));
        String phone = "{'key':'v','type':'PHONE'," + LABEL + "}";
        assertEquals("\"+8613812345678\"", one(phone, "'+86 138-1234-5678'"));
        assertEquals("field.phone", one(phone, "'call me'"));
        String mobile = "{'key':'v','type':'PHONE'," + LABEL + ",'pattern':'1[3-9][0-9]{9}','example':'13812345678'}";
        assertEquals("field.pattern", one(mobile, "'010-12345678'"));
        String email = "{'key':'v','type':'EMAIL'," + LABEL + "}";
        assertEquals("\"li.wei@example.com\"", one(email, "' li.wei@example.com '"));
        assertEquals("field.email", one(email, "'li.wei@'"));
    }

    @Test
    void identifiersMatchTheirPatternAndTheErrorShowsTheExample() {
        List<FieldDefinition> defs = fields("{'key':'waybillNo','type':'IDENTIFIER'," + LABEL
                + ",'pattern':'^[A-Z]{2}[0-9]{10,13}$','example':'SF1234567890'}");
        assertTrue(create(defs, "{'waybillNo':'SF1234567890'}").valid());
        FieldError e = create(defs, "{'waybillNo':'12345'}").errors().get(0);
        assertEquals(FieldError.of("fields.waybillNo", "field.pattern", "SF1234567890"), e);
        assertEquals("格式不正确，示例：SF1234567890", io.kefu.platform.i18n.Messages.get(java.util.Locale.SIMPLIFIED_CHINESE, e.code(), e.args().toArray()));
        assertEquals("Does not have the expected form, for example SF1234567890.",
                io.kefu.platform.i18n.Messages.get(java.util.Locale.ENGLISH, e.code(), e.args().toArray()));
        FieldError noExample = create(fields("{'key':'room','type':'TEXT'," + LABEL + ",'pattern':'[0-9]{4}'}"), "{'room':'12'}").errors().get(0);
        assertEquals(FieldError.of("fields.room", "field.pattern.no-example", "[0-9]{4}"), noExample);
    }

    @Test
    void requiredFieldsAndDefaultsOnCreate() {
        List<FieldDefinition> defs = fields(
                "{'key':'waybillNo','type':'TEXT'," + LABEL + ",'required':true}",
                "{'key':'issue','type':'SINGLE_CHOICE'," + LABEL + ",'default':'late'," + OPTIONS + "}",
                "{'key':'urgent','type':'BOOLEAN'," + LABEL + ",'default':false}");
        FormValidator.Outcome missing = create(defs, "{'waybillNo':'  '}");
        assertEquals(Map.of("fields.waybillNo", "field.required"), codes(missing.errors()));
        FormValidator.Outcome ok = create(defs, "{'waybillNo':'SF1','urgent':true}");
        assertEquals(json("{'waybillNo':'SF1','urgent':true,'issue':'late'}"), ok.values(), "defaults only for what was not sent");
        assertEquals(json("{'waybillNo':'SF1'}"), create(defs, "{'waybillNo':'SF1','issue':null,'urgent':null}").values(),
                "null sent on create: no value, no default");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        List<FieldDefinition> defs = fields(
                "{'key':'a','type':'NUMBER'," + LABEL + "}",
                "{'key':'b','type':'EMAIL'," + LABEL + "}",
                "{'key':'c','type':'TEXT'," + LABEL + ",'required':true}");
        FormValidator.Outcome o = create(defs, "{'a':'x','b':'y','z':1}");
        assertEquals(Map.of("fields.a", "field.type", "fields.b", "field.email", "fields.z", "field.unknown", "fields.c", "field.required"),
                codes(o.errors()));
    }

    @Test
    void hiddenFieldsAreNeitherRequiredNorDefaultedAndRefuseValues() {
        List<FieldDefinition> defs = fields(
                "{'key':'issue','type':'SINGLE_CHOICE'," + LABEL + "," + OPTIONS + "}",
                "{'key':'lostAt','type':'DATE'," + LABEL + ",'required':true,'visibleWhen':{'field':'issue','equals':['lost']}}",
                "{'key':'lostWhere','type':'TEXT'," + LABEL + ",'default':'unknown','visibleWhen':{'field':'lostAt','equals':['2026-11-25']}}");
        assertTrue(create(defs, "{'issue':'late'}").valid(), "lostAt hidden: not required");
        assertEquals(json("{'issue':'late'}"), create(defs, "{'issue':'late'}").values(), "no default for a hidden field");
        assertEquals(Map.of("fields.lostAt", "field.required"), codes(create(defs, "{'issue':'lost'}").errors()));
        assertEquals(Map.of("fields.lostAt", "field.hidden"), codes(create(defs, "{'issue':'late','lostAt':'2026-11-25'}").errors()));
        assertEquals(json("{'issue':'lost','lostAt':'2026-11-25','lostWhere':'unknown'}"),
                create(defs, "{'issue':'lost','lostAt':'2026-11-25'}").values(), "a chain of conditions");
        List<FieldDefinition> multi = fields(
                "{'key':'issues','type':'MULTI_CHOICE'," + LABEL + "," + OPTIONS + "}",
                "{'key':'photo','type':'TEXT'," + LABEL + ",'required':true,'visibleWhen':{'field':'issues','equals':['damaged']}}",
                "{'key':'flag','type':'BOOLEAN'," + LABEL + "}",
                "{'key':'why','type':'TEXT'," + LABEL + ",'required':true,'visibleWhen':{'field':'flag','equals':['true']}}");
        assertEquals(Map.of("fields.photo", "field.required", "fields.why", "field.required"),
                codes(create(multi, "{'issues':['late','damaged'],'flag':true}").errors()));
    }

    @Test
    void anUpdateIsAMergePatch() {
        List<FieldDefinition> defs = fields(
                "{'key':'a','type':'TEXT'," + LABEL + ",'required':true}",
                "{'key':'b','type':'NUMBER'," + LABEL + "}",
                "{'key':'c','type':'TEXT'," + LABEL + ",'required':true}");
        FormValidator.Outcome o = update(defs, TicketStatus.IN_PROGRESS, "{'a':'x','b':1}", "{'b':2}");
        assertEquals(json("{'a':'x','b':2}"), o.values(), "a kept; c (added to the form later) does not block the change");
        assertEquals(List.of(new FormValidator.Change("b", json("{'n':1}").get("n"), json("{'n':2}").get("n"))), o.changes());
        assertEquals(Map.of("fields.a", "field.required"), codes(update(defs, TicketStatus.IN_PROGRESS, "{'a':'x'}", "{'a':null}").errors()));
        FormValidator.Outcome cleared = update(defs, TicketStatus.IN_PROGRESS, "{'a':'x','b':1}", "{'b':null}");
        assertEquals(json("{'a':'x'}"), cleared.values());
        assertEquals(1, cleared.changes().size());
        assertTrue(update(defs, TicketStatus.IN_PROGRESS, "{'a':'x','b':1}", "{'a':'x'}").changes().isEmpty(), "same value: no change");
    }

    @Test
    void aFieldBecomesReadOnlyOnceTheTicketReachesItsStatus() {
        List<FieldDefinition> defs = fields("{'key':'amount','type':'NUMBER'," + LABEL + ",'readOnlyFrom':'RESOLVED'}");
        assertTrue(update(defs, TicketStatus.IN_PROGRESS, "{'amount':1}", "{'amount':2}").valid());
        assertTrue(update(defs, TicketStatus.PENDING_CUSTOMER, "{'amount':1}", "{'amount':2}").valid());
        assertEquals(Map.of("fields.amount", "field.read-only"), codes(update(defs, TicketStatus.RESOLVED, "{'amount':1}", "{'amount':2}").errors()));
        assertEquals(Map.of("fields.amount", "field.read-only"), codes(update(defs, TicketStatus.CLOSED, "{'amount':1}", "{'amount':null}").errors()));
        assertTrue(update(defs, TicketStatus.CLOSED, "{'amount':1}", "{'amount':1}").valid(), "sending the value unchanged is fine");
        assertTrue(update(defs, TicketStatus.REOPENED, "{'amount':1}", "{'amount':3}").valid(), "reopened: back at work");
        assertTrue(create(fields("{'key':'x','type':'NUMBER'," + LABEL + ",'readOnlyFrom':'NEW'}"), "{'x':1}").valid(),
                "read-only from NEW: set once, at creation");
    }

    @Test
    void valuesOfRetiredFieldsAndOfChangedTypesStayAsStored() {
        List<FieldDefinition> defs = fields("{'key':'room','type':'NUMBER'," + LABEL + "}");
        String stored = "{'room':'A-101','oldNote':'kept'}";
        FormValidator.Outcome same = update(defs, TicketStatus.IN_PROGRESS, stored, "{'room':'A-101','oldNote':'kept'}");
        assertTrue(same.valid(), "round trip of what was read: nothing is judged again");
        assertEquals(json(stored), same.values());
        assertEquals(Map.of("fields.oldNote", "field.retired"), codes(update(defs, TicketStatus.IN_PROGRESS, stored, "{'oldNote':'new'}").errors()));
        assertEquals(Map.of("fields.room", "field.type"), codes(update(defs, TicketStatus.IN_PROGRESS, stored, "{'room':'B-202'}").errors()),
                "a new write follows the new type");
        assertEquals(json("{'room':202,'oldNote':'kept'}"), update(defs, TicketStatus.IN_PROGRESS, stored, "{'room':202}").values());
    }

    @Test
    void sendingBackTheMaskedValueOfPersonalDataChangesNothing() {
        List<FieldDefinition> defs = fields("{'key':'phone','type':'PHONE'," + LABEL + ",'personalData':true,'mask':'KEEP_FIRST_3_LAST_4'}");
        FormValidator.Outcome o = update(defs, TicketStatus.IN_PROGRESS, "{'phone':'13812345678'}", "{'phone':'138****5678'}");
        assertTrue(o.valid());
        assertEquals(json("{'phone':'13812345678'}"), o.values());
        assertTrue(o.changes().isEmpty());
    }

    @Test
    void customersHaveNoStatusSoNoReadOnlyRule() {
        List<FieldDefinition> defs = fields("{'key':'tier','type':'TEXT'," + LABEL + ",'readOnlyFrom':'NEW'}");
        JsonObject v = FormValidator.validate(defs, null, json("{'tier':'a'}"), json("{'tier':'b'}"), FormValidator.Mode.UPDATE).values();
        assertEquals(json("{'tier':'b'}"), v);
    }
}
