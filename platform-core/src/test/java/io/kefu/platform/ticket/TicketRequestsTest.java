package io.kefu.platform.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;

class TicketRequestsTest {

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s.replace('\'', '"'))).readObject();
    }

    private static Map<String, String> errors(Runnable r) {
        InvalidInputException e = assertThrows(InvalidInputException.class, r::run);
        return e.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::code, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Test
    void aMinimalTicketGetsDefaults() {
        TicketDraft d = TicketRequests.draft(json("{'kind':'inquiry','subject':'  运单 SF123 何时到？ '}"), Channel.API);
        assertEquals(TicketKind.INQUIRY, d.kind());
        assertEquals("运单 SF123 何时到？", d.subject());
        assertEquals(Priority.NORMAL, d.priority());
        assertEquals(Channel.API, d.channel());
        assertEquals(List.of(), d.tags());
        assertEquals(Complaint.NONE, d.complaint());
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        Map<String, String> e = errors(() -> TicketRequests.draft(json(
                "{'kind':'PRAISE','subject':'','priority':'ASAP','channel':7,'category':'Bad Cat','tags':['ok','a,b'],"
                        + "'customer':'has space','colour':'red'}"), Channel.API));
        assertEquals(Map.of("colour", "field.unknown", "kind", "field.value.unknown", "subject", "field.required",
                "priority", "field.value.unknown", "channel", "field.type.string", "category", "ticket.category.invalid",
                "customer", "field.reference.invalid", "tags", "ticket.tag.invalid"), e);
    }

    @Test
    void complaintDetailsAreReadAndChecked() {
        TicketDraft d = TicketRequests.draft(json("{'kind':'COMPLAINT','subject':'包裹破损','complaint':{'severity':'major',"
                + "'escalationLevel':2,'rootCause':'packaging','remedy':'赔付','compensation':{'amount':'120.5','currency':'cny'}}}"), Channel.API);
        assertEquals(new Complaint(Severity.MAJOR, 2, "packaging", "赔付", new BigDecimal("120.50"), "CNY"), d.complaint());

        Map<String, String> e = errors(() -> TicketRequests.draft(json("{'kind':'COMPLAINT','subject':'x','complaint':{'severity':'huge',"
                + "'escalationLevel':4,'compensation':{'amount':-1,'currency':'XXY'}}}"), Channel.API));
        assertEquals(Map.of("complaint.severity", "field.value.unknown", "complaint.escalationLevel", "field.out-of-range",
                "complaint.compensation.amount", "money.amount.invalid", "complaint.compensation.currency", "money.currency.invalid"), e);
    }

    @Test
    void complaintDetailsOnOtherKindsAreRefused() {
        assertEquals(Map.of("complaint", "ticket.complaint.only"),
                errors(() -> TicketRequests.draft(json("{'kind':'FAULT','subject':'x','complaint':{'severity':'MINOR'}}"), Channel.API)));
    }

    @Test
    void tagsAreTrimmedDeduplicatedAndLimited() {
        TicketDraft d = TicketRequests.draft(json("{'kind':'FAULT','subject':'x','tags':[' vip ','vip','电梯']}"), Channel.API);
        assertEquals(List.of("vip", "电梯"), d.tags());
        String many = "[" + java.util.stream.IntStream.range(0, 21).mapToObj(i -> "'t" + i + "'").collect(Collectors.joining(",")) + "]";
        assertEquals(Map.of("tags", "ticket.tags.too-many"),
                errors(() -> TicketRequests.draft(json("{'kind':'FAULT','subject':'x','tags':" + many + "}"), Channel.API)));
    }

    @Test
    void customFieldsAreAnObjectLeftToTheFormsToJudge() {
        assertEquals("{\"waybill\":\"SF1234567890\",\"weightKg\":2.5}",
                TicketRequests.fields(json("{'fields':{'waybill':'SF1234567890','weightKg':2.5}}")).toString());
        assertEquals(Map.of("fields", "field.type.object"),
                errors(() -> TicketRequests.draft(json("{'kind':'FAULT','subject':'x','fields':['a']}"), Channel.API)));
        assertEquals(Map.of("fields", "field.type.object"),
                errors(() -> TicketRequests.patch(json("{'version':1,'fields':'x'}"), TicketKind.FAULT)));
        assertEquals(TicketKind.FAULT, TicketRequests.kindOrNull(json("{'kind':'FAULT','subject':''}")));
        assertEquals(null, TicketRequests.categoryOrNull(json("{'category':'Not A Code'}")));
    }

    @Test
    void aPatchTellsAbsentFromNull() {
        TicketRequests.Patch p = TicketRequests.patch(json("{'version':3,'category':null,'priority':'high'}"), TicketKind.FAULT);
        assertEquals(3, p.version());
        assertEquals(Priority.HIGH, p.edit().priority());
        assertEquals(new TicketEdit.Value(null), p.edit().category(), "sent as null: clear it");
        assertNull(p.edit().teamId(), "absent: leave it");
        assertNull(p.edit().subject());
    }

    @Test
    void aPatchNeedsTheVersionAndCannotTouchStatus() {
        assertEquals(Map.of("version", "ticket.version.required"), errors(() -> TicketRequests.patch(json("{'subject':'y'}"), TicketKind.FAULT)));
        assertEquals(Map.of("status", "field.unknown"), errors(() -> TicketRequests.patch(json("{'version':1,'status':'CLOSED'}"), TicketKind.FAULT)));
        assertEquals(Map.of("subject", "field.required"), errors(() -> TicketRequests.patch(json("{'version':1,'subject':null}"), TicketKind.FAULT)));
    }
}
