package io.kefu.ui.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class TimelineAndCannedTest {

    @Test
    void statusChange_namesBothStatusesAsBundleKeys_andTheResolutionAsBody() {
        JsonObject e = Json.createObjectBuilder().add("id", "e1").add("seq", 3).add("at", "2026-12-01T08:00:00Z").add("actor", "ann")
                .add("type", "STATUS_CHANGE").add("visibility", "PUBLIC")
                .add("data", Json.createObjectBuilder().add("from", "IN_PROGRESS").add("to", "RESOLVED").add("resolution", "Refunded")).build();

        TimelineEntry entry = TimelineEntry.of(e);

        assertEquals("ticket.timeline.status-change", entry.headingKey());
        assertEquals(List.of("ann", "ticket.status.IN_PROGRESS", "ticket.status.RESOLVED"), entry.headingArgs());
        assertEquals("Refunded", entry.body());
    }

    @Test
    void note_isInternal_andAttachment_carriesItsId() {
        JsonObject note = Json.createObjectBuilder().add("id", "e2").add("at", "2026-12-01T08:00:00Z").add("actor", "ann")
                .add("type", "NOTE").add("visibility", "INTERNAL").add("body", "call back at 3").build();
        JsonObject file = Json.createObjectBuilder().add("id", "e3").add("at", "2026-12-01T08:00:00Z").add("actor", "ann")
                .add("type", "ATTACHMENT").add("visibility", "PUBLIC")
                .add("data", Json.createObjectBuilder().add("attachment", "a-1").add("filename", "photo.png").add("size", 10)).build();

        assertTrue(TimelineEntry.of(note).internal());
        assertEquals("call back at 3", TimelineEntry.of(note).body());
        assertEquals("a-1", TimelineEntry.of(file).attachment());
        assertEquals(List.of("ann", "photo.png"), TimelineEntry.of(file).headingArgs());
    }

    @Test
    void cannedReply_fillsKnownPlaceholders_inTheAgentsLanguage_andLeavesUnknownOnesVisible() {
        JsonObject reply = Json.createObjectBuilder().add("code", "express.greeting")
                .add("title", Json.createObjectBuilder().add("zh-CN", "查件受理").add("en", "Tracking request received"))
                .add("body", Json.createObjectBuilder().add("zh-CN", "{{customer.name}}您好，运单 {{fields.waybillNo}}，工单号 {{ticket.number}}。")
                        .add("en", "Hello {{customer.name}}, waybill {{fields.waybillNo}}, ticket {{ticket.number}}. $1 {{agent.name}}"))
                .build();
        Map<String, String> values = Map.of("customer.name", "李雷", "ticket.number", "T-20261201-0001", "agent.name", "Ann");

        assertEquals("查件受理", CannedReplies.title(reply, Locale.SIMPLIFIED_CHINESE));
        assertEquals("李雷您好，运单 {{fields.waybillNo}}，工单号 T-20261201-0001。", CannedReplies.fill(reply, Locale.SIMPLIFIED_CHINESE, values));
        assertEquals("Hello 李雷, waybill {{fields.waybillNo}}, ticket T-20261201-0001. $1 Ann", CannedReplies.fill(reply, Locale.ENGLISH, values));
    }
}
