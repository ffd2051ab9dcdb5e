package io.kefu.ui.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.kefu.platform.ticket.TicketSla;

class SlaTextTest {

    private static TicketSla.Summary running(String risk, Duration left) {
        return new TicketSla.Summary(risk, Instant.parse("2026-12-01T10:00:00Z"), left, false);
    }

    @Test
    void runningTargets_showTheTimeLeft_coarsely() {
        assertEquals(new SlaText.Label("queue.sla.left", "45m"), SlaText.label(running("ON_TRACK", Duration.ofMinutes(45))));
        assertEquals(new SlaText.Label("queue.sla.left", "3h 05m"), SlaText.label(running("AT_RISK", Duration.ofMinutes(185))));
        assertEquals(new SlaText.Label("queue.sla.left", "2d 4h"), SlaText.label(running("ON_TRACK", Duration.ofHours(52))));
        assertEquals(new SlaText.Label("queue.sla.overdue", ""), SlaText.label(running("BREACHED", Duration.ZERO)));
    }

    @Test
    void stoppedPausedAndAbsentTargets_sayWhatTheyAre() {
        assertEquals("queue.sla.met", SlaText.label(new TicketSla.Summary("MET", Instant.EPOCH, null, false)).key());
        assertEquals("queue.sla.breached", SlaText.label(new TicketSla.Summary("BREACHED", Instant.EPOCH, null, false)).key());
        assertEquals("queue.sla.paused", SlaText.label(new TicketSla.Summary("ON_TRACK", Instant.EPOCH, Duration.ofHours(1), true)).key());
        assertEquals("queue.sla.none", SlaText.label(null).key());
    }

    @Test
    void theBadgeIsColouredByRisk() {
        assertEquals("badge success small", SlaText.theme(running("ON_TRACK", Duration.ofHours(1))));
        assertEquals("badge small", SlaText.theme(running("AT_RISK", Duration.ofHours(1))));
        assertEquals(2, SlaText.classes(running("AT_RISK", Duration.ofHours(1))).length, "warning colours on top");
        assertEquals("badge error small", SlaText.theme(running("BREACHED", Duration.ZERO)));
        assertEquals("badge contrast small", SlaText.theme(null));
        assertEquals("badge contrast small", SlaText.theme(new TicketSla.Summary("AT_RISK", Instant.EPOCH, Duration.ofHours(1), true)));
    }
}
