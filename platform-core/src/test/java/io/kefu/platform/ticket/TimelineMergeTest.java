package io.kefu.platform.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How {@link TicketService#timeline} places entries kept elsewhere ({@link TimelineSource}) among the stored ones. */
class TimelineMergeTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private static TicketEvent stored(int seq, int minute) {
        return new TicketEvent("t", seq, T0.plusSeconds(60L * minute), "amy", EventType.NOTE, TicketEvent.Visibility.INTERNAL, "n" + seq, null);
    }

    private static TicketEvent kept(String id, int minute) {
        return TicketEvent.kept(id, "t", T0.plusSeconds(60L * minute), "admin", EventType.SLA, "{\"change\":\"RECOMPUTED\"}");
    }

    private static List<String> shown(List<TicketEvent> timeline) {
        return timeline.stream().map(e -> (e.type() == EventType.SLA ? e.id() : "#") + e.seq()).toList();
    }

    @Test
    void keptEntriesGoBeforeTheFirstStoredEntryLaterThanThemAndTakeTheNumberBefore() {
        List<TicketEvent> stored = List.of(stored(1, 0), stored(2, 10), stored(3, 20));
        // Given out of order; one at the same minute as a stored entry goes after it, one before everything, one after.
        List<TicketEvent> kept = List.of(kept("late", 30), kept("tie", 10), kept("mid", 15));
        assertEquals(List.of("#1", "#2", "tie2", "mid2", "#3", "late3"), shown(TicketService.merged(stored, kept)));
        assertEquals(List.of("early0", "#1"), shown(TicketService.merged(List.of(stored(1, 0)), List.of(kept("early", -5)))));
        assertEquals(List.of("only0"), shown(TicketService.merged(List.of(), List.of(kept("only", 0)))));
        assertEquals(stored, TicketService.merged(stored, List.of()));
    }

    @Test
    void aKeptEntryIsInternalAndKeepsItsId() {
        TicketEvent e = TicketService.merged(List.of(stored(4, 0)), List.of(kept("x", 1))).get(1);
        assertEquals("x", e.id());
        assertEquals(TicketEvent.Visibility.INTERNAL, e.visibility());
        assertEquals("admin", e.actor());
        assertEquals(4, e.seq());
    }
}
