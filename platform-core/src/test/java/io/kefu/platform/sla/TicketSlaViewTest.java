package io.kefu.platform.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import io.kefu.platform.sla.calendar.BusinessCalendar;
import io.kefu.platform.ticket.Ticket;
import io.kefu.platform.ticket.TicketFixtures;

/** A list page's sla members: one read of the page's clocks, each rule version read once, tickets in order. */
class TicketSlaViewTest {

    private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

    private final Map<String, Map<TargetKind, SlaClock>> stored = new HashMap<>();
    private int clockReads;
    private final Map<String, Integer> versionReads = new HashMap<>();

    private TicketSlaView view() {
        TicketSlaView v = new TicketSlaView();
        v.clocks = new SlaClocks() {
            @Override
            public Map<String, Map<TargetKind, SlaClock>> clocksOf(List<String> ticketIds) {
                clockReads++;
                Map<String, Map<TargetKind, SlaClock>> out = new HashMap<>();
                ticketIds.stream().filter(stored::containsKey).forEach(id -> out.put(id, stored.get(id)));
                return out;
            }
        };
        v.store = new StandardsStore() {
            @Override
            public Optional<ServiceStandard> version(String code, int version) {
                versionReads.merge(code + "@" + version, 1, Integer::sum);
                return Optional.of(SlaClockTest.rule(code, version, false, "PT8H", 75));
            }

            @Override
            public BusinessCalendar businessCalendar(String code) {
                return BusinessCalendar.ALWAYS;
            }
        };
        v.clock = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);
        return v;
    }

    private Ticket ticketWithClock(String number, String rule) {
        Ticket t = TicketFixtures.open(number, T0);
        Map<TargetKind, SlaClock> clocks = new EnumMap<>(TargetKind.class);
        clocks.put(TargetKind.RESOLUTION, SlaClock.start(t.id(), TargetKind.RESOLUTION, SlaClockTest.rule(rule, 1, false, "PT8H", 75),
                BusinessCalendar.ALWAYS, T0));
        stored.put(t.id(), clocks);
        return t;
    }

    @Test
    void aPageReadsItsClocksOnceAndEachRuleVersionOnce() {
        Ticket a = ticketWithClock("KF-2026-000001", "requests");
        Ticket none = TicketFixtures.open("KF-2026-000002", T0);
        Ticket b = ticketWithClock("KF-2026-000003", "requests");
        Ticket c = ticketWithClock("KF-2026-000004", "faults");

        List<JsonValue> page = view().of(List.of(a, none, b, c), Locale.ENGLISH);

        assertEquals(1, clockReads);
        assertEquals(Map.of("requests@1", 1, "faults@1", 1), versionReads);
        assertEquals(4, page.size());
        assertEquals("requests", ((JsonObject) page.get(0)).getString("ruleCode"));
        assertSame(JsonValue.NULL, page.get(1));
        assertEquals("requests", ((JsonObject) page.get(2)).getString("ruleCode"));
        assertEquals("faults", ((JsonObject) page.get(3)).getString("ruleCode"));
        assertEquals("PT7H", ((JsonObject) page.get(0)).getJsonObject("targets").getJsonObject("resolution").getString("remaining"));
    }

    @Test
    void oneTicketReadsLikeAPageOfOne() {
        Ticket a = ticketWithClock("KF-2026-000001", "requests");
        JsonObject one = (JsonObject) view().of(a, Locale.ENGLISH);
        assertEquals("Rule", one.getString("ruleName"));
        assertEquals(1, clockReads);
    }
}
