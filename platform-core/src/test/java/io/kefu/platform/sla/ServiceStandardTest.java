package io.kefu.platform.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.ticket.Channel;
import io.kefu.platform.ticket.Priority;
import io.kefu.platform.ticket.TicketKind;

class ServiceStandardTest {

    static final String DOC = """
            {
              "formatVersion": 1,
              "calendars": [
                {
                  "code": "cn-office",
                  "name": {"zh-CN": "工作日 9:00-18:00", "en": "Workdays 9:00-18:00"},
                  "zone": "Asia/Shanghai",
                  "week": {"MONDAY": [["09:00", "12:00"], ["13:00", "18:00"]], "TUESDAY": [["09:00", "18:00"]]},
                  "nationalHolidays": "CN",
                  "holidays": [{"date": "2026-05-20", "name": {"zh-CN": "司庆", "en": "Company day"}}],
                  "workdays": [{"date": "2026-05-23", "name": {"zh-CN": "调休", "en": "Make-up day"}}]
                }
              ],
              "standards": [
                {
                  "code": "complaint-72h",
                  "name": {"zh-CN": "投诉72小时办结", "en": "Complaints closed within 72 hours"},
                  "order": 10,
                  "match": {"kinds": ["COMPLAINT"], "categories": [], "priorities": [], "customerGrades": [], "channels": []},
                  "calendar": "24x7",
                  "businessTime": false,
                  "targets": {"firstResponse": "PT20M", "nextResponse": "PT4H", "resolution": "PT72H", "followUp": "P3D"},
                  "pauseStatuses": ["PENDING_CUSTOMER"],
                  "warnAtPercent": 75,
                  "onBreach": [{"action": "NOTIFY"}, {"action": "RAISE_PRIORITY"}, {"action": "REASSIGN", "team": "escalations"}, {"action": "MARK_ESCALATED"}]
                },
                {
                  "code": "vip-phone",
                  "name": {"zh-CN": "VIP 电话", "en": "VIP by phone"},
                  "order": 5,
                  "match": {"customerGrades": ["vip"], "channels": ["PHONE"], "priorities": ["URGENT", "HIGH"]},
                  "calendar": "cn-office",
                  "businessTime": true,
                  "targets": {"resolution": "P2DT4H"}
                },
                {
                  "code": "default",
                  "name": {"zh-CN": "默认", "en": "Default"},
                  "order": 100,
                  "calendar": "cn-office",
                  "businessTime": true,
                  "targets": {"resolution": "P15D"}
                }
              ]
            }
            """;

    static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    @Test
    void theLeadsExampleDocumentReadsAndWritesBackTheSame() {
        StandardsDocument.Contents c = StandardsDocument.read(json(DOC), x -> false, t -> t.equals("escalations"));
        assertEquals(1, c.calendars().size());
        assertEquals(3, c.standards().size());
        ServiceStandard complaint = c.standards().get(0);
        assertEquals(Duration.ofMinutes(20), complaint.targets().get(TargetKind.FIRST_RESPONSE).time());
        assertEquals(3, complaint.targets().get(TargetKind.FOLLOW_UP).days());
        assertEquals(4, complaint.onBreach().size());
        JsonObject written = StandardsDocument.write(c.calendars(), c.standards());
        StandardsDocument.Contents again = StandardsDocument.read(written, x -> false, t -> true);
        assertEquals(c, again, "export then import gives the same rules");
        assertEquals("P2DT4H", c.standards().get(1).targets().get(TargetKind.RESOLUTION).iso());
    }

    @Test
    void theFirstMatchingRuleByOrderWins() {
        List<ServiceStandard> rules = StandardsDocument.read(json(DOC), x -> false, t -> true).standards();
        Match.Subject vipComplaint = new Match.Subject(TicketKind.COMPLAINT, null, Priority.URGENT, "VIP", Channel.PHONE);
        assertEquals("vip-phone", ServiceStandard.firstMatch(rules, vipComplaint).code(), "order 5 comes before order 10");
        Match.Subject complaint = new Match.Subject(TicketKind.COMPLAINT, "express.delay", Priority.URGENT, "A", Channel.PHONE);
        assertEquals("complaint-72h", ServiceStandard.firstMatch(rules, complaint).code());
        Match.Subject ungraded = new Match.Subject(TicketKind.INQUIRY, null, Priority.HIGH, null, Channel.PHONE);
        assertEquals("default", ServiceStandard.firstMatch(rules, ungraded).code(), "a missing grade matches only an empty grade list");
        assertNull(ServiceStandard.firstMatch(rules.subList(0, 2), ungraded), "no rule, no clock");
    }

    @Test
    void everyBadMemberIsNamedByItsPath() {
        String bad = DOC.replace("\"PT72H\"", "\"PT-3H\"").replace("\"Asia/Shanghai\"", "\"Mars/Base\"")
                .replace("\"team\": \"escalations\"", "\"team\": \"nobody\"").replace("\"formatVersion\": 1", "\"formatVersion\": 2");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> StandardsDocument.read(json(bad.replace("[\"13:00\", \"18:00\"]", "[\"11:00\", \"18:00\"]")
                        .replace("\"order\": 100", "\"order\": 100, \"colour\": \"red\"")), x -> false, t -> t.equals("escalations")));
        Set<String> fields = e.errors().stream().map(FieldError::field).collect(Collectors.toSet());
        assertTrue(fields.containsAll(Set.of("formatVersion", "calendars[0].zone", "calendars[0].week.MONDAY",
                "standards[0].targets.resolution", "standards[0].onBreach[2].team", "standards[2].colour")), fields::toString);
        assertEquals("sla.duration.invalid", e.errors().stream().filter(f -> f.field().equals("standards[0].targets.resolution"))
                .findFirst().orElseThrow().code());
    }

    @Test
    void unknownCalendarsAndEmptyTargetsAreRefused() {
        JsonObject s = json("""
                {"code": "x", "name": {"zh-CN": "甲", "en": "X"}, "order": 1, "calendar": "nope", "targets": {}}
                """);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> StandardsDocument.readStandard(s, c -> false, t -> true));
        assertEquals(Set.of("calendar:sla.calendar.unknown", "targets:sla.targets.none"),
                e.errors().stream().map(f -> f.field() + ":" + f.code()).collect(Collectors.toSet()));
    }

    @Test
    void targetsAreDaysAndTime() {
        assertEquals(new Target(15, Duration.ZERO), Target.parse("P15D"));
        assertEquals(new Target(2, Duration.ofHours(4)), Target.parse("P2DT4H"));
        assertEquals("PT1H30M", Target.parse("PT90M").iso());
        for (String bad : List.of("P", "PT", "P0D", "PT0S", "P1W", "P1M", "-PT1H", "PT1.5H", "4h", "")) {
            assertNull(Target.parse(bad), bad);
        }
    }
}
