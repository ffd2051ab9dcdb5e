package io.kefu.plugin.express;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class SimulatedCarrierTest {

    private final SimulatedCarrier carrier = new SimulatedCarrier();
    private final Instant asOf = Instant.parse("2026-12-01T10:17:00Z");

    @Test
    void theSameWaybillAlwaysHasTheSameHistory() {
        assertEquals(carrier.track("SF1234567890", asOf), carrier.track("SF1234567890", asOf.plusSeconds(60)));
    }

    @Test
    void historiesStartWithPickUpAreOrderedAndEndBeforeAsOf() {
        for (String w : List.of("SF1234567890", "YT9876543210123", "ZT0000000001", "JD5555555555")) {
            List<TrackingEvent> events = carrier.track(w, asOf);
            assertEquals("PICKED_UP", events.get(0).status(), w);
            for (int i = 1; i < events.size(); i++) {
                assertTrue(events.get(i).at().isAfter(events.get(i - 1).at()), w);
                assertEquals(i + 1, events.get(i).seq());
            }
            assertFalse(events.get(events.size() - 1).at().isAfter(asOf), w);
        }
    }

    @Test
    void theDigitsDecideHowTheJourneyEnds() {
        // Fourth digit from the end: 0-1 delivered, 2 out for delivery, 3 exception (mod 4).
        assertEquals("DELIVERED", last("SF1234560000"));
        assertEquals("OUT_FOR_DELIVERY", last("SF1234562000"));
        assertEquals("EXCEPTION", last("SF1234563000"));
        assertNotEquals(carrier.track("SF1234560001", asOf), carrier.track("SF1234560002", asOf));
    }

    @Test
    void unknownWaybillsHaveNoHistory() {
        assertFalse(carrier.recognises("sf123"));
        assertEquals(List.of(), carrier.track("12345", asOf));
    }

    private String last(String waybill) {
        List<TrackingEvent> e = carrier.track(waybill, asOf);
        return e.get(e.size() - 1).status();
    }
}
