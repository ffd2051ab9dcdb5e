package io.kefu.platform.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.kefu.platform.sla.calendar.BusinessCalendar;
import io.kefu.platform.ticket.TicketStatus;

/**
 * The history a rule change writes for each ticket is written as JSON text directly
 * ({@link SlaClocks#detailsText}), not through JSON-P: it must be the same document the
 * timeline's entries are made of ({@link SlaClocks#details}), whatever the clocks hold.
 */
class SlaClocksDetailsTest {

    private static final Instant START = Instant.parse("2026-12-01T08:00:00.123456Z");

    private static JsonObject parse(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void theTextIsTheDocumentForRunningPausedStoppedAndCancelledClocks() {
        ServiceStandard rule = new ServiceStandard("vip-\"quoted\"\\\n", new Texts("规则", "Rule"), 10, Match.ANY, "24x7", false,
                Map.of(TargetKind.RESOLUTION, Target.parse("PT8H"), TargetKind.FIRST_RESPONSE, Target.parse("PT1H"),
                        TargetKind.NEXT_RESPONSE, Target.parse("PT2H")), Set.of(TicketStatus.PENDING_CUSTOMER), 75, List.of(), 3);
        BusinessCalendar always = BusinessCalendar.ALWAYS;
        SlaClock running = SlaClock.start("t", TargetKind.RESOLUTION, rule, always, START);
        SlaClock paused = SlaClock.start("t", TargetKind.NEXT_RESPONSE, rule, always, START);
        paused.pause(START.plus(Duration.ofMinutes(5)));
        SlaClock late = SlaClock.start("t", TargetKind.FIRST_RESPONSE, rule, always, START);
        late.stop(START.plus(Duration.ofMinutes(75)), always);
        List<SlaClock> clocks = List.of(running, paused, late);
        for (String change : List.of("RECOMPUTED", "UNMATCHED")) {
            ServiceStandard r = change.equals("UNMATCHED") ? null : rule;
            assertEquals(SlaClocks.details(change, r, clocks), parse(SlaClocks.detailsText(change, r, clocks)), change);
        }
        SlaClock cancelled = SlaClock.start("t", TargetKind.RESOLUTION, rule, always, START);
        cancelled.cancel(START.plusSeconds(1));
        assertEquals(SlaClocks.details("UNMATCHED", null, List.of(cancelled)),
                parse(SlaClocks.detailsText("UNMATCHED", null, List.of(cancelled))));
        assertEquals(SlaClocks.details("RECOMPUTED", rule, List.of()), parse(SlaClocks.detailsText("RECOMPUTED", rule, List.of())),
                "no clocks: an empty list");
        String control = "a\u0001b\tc";
        assertEquals(control, parse(SlaClocks.detailsText(control, null, List.of())).getString("change"), "control characters escaped");
    }

    /** The history writes due times itself: exactly as Instant.toString, whatever the fraction and the year. */
    @Test
    void instantsAreWrittenAsInstantWritesThem() {
        java.util.Random random = new java.util.Random(20261203);
        List<Instant> instants = new java.util.ArrayList<>(List.of(Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999999999Z"),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.5Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59Z"), START, Instant.MIN, Instant.MAX));
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(Instant.parse("1900-01-01T00:00:00Z").getEpochSecond(), Instant.parse("2200-01-01T00:00:00Z").getEpochSecond());
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(second, nano));
        }
        for (Instant at : instants) {
            StringBuilder b = new StringBuilder();
            SlaClocks.appendInstant(b, at);
            assertEquals(at.toString(), b.toString());
        }
    }
}
