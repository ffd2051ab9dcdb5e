package io.kefu.platform.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.kefu.platform.problem.InvalidInputException;

class TicketQueryTest {

    private static TicketQuery parse(List<String> status, String assignee, String from, String to, String sort, String cursor, Integer limit) {
        return TicketQuery.parse(status, null, null, assignee, null, null, from, to, null, null, sort, cursor, limit, "li");
    }

    @Test
    void statusesMayRepeatOrBeCommaSeparated() {
        TicketQuery q = parse(List.of("NEW,ASSIGNED", "in_progress"), null, null, null, null, null, null);
        assertEquals(Set.of(TicketStatus.NEW, TicketStatus.ASSIGNED, TicketStatus.IN_PROGRESS), q.statuses());
        assertEquals(TicketQuery.DEFAULT_LIMIT, q.limit());
        assertEquals(TicketQuery.Sort.CREATED_DESC, q.sort());
    }

    @Test
    void meAndNoneAreUnderstood() {
        assertEquals("li", parse(null, "me", null, null, null, null, null).assignee());
        assertTrue(parse(null, "none", null, null, null, null, null).unassigned());
    }

    @Test
    void datesAreDaysAndTheUpperBoundIncludesTheWholeDay() {
        TicketQuery q = parse(null, null, "2026-11-01", "2026-11-30", null, null, null);
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), q.createdFrom());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), q.createdTo());
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), parse(null, null, "2026-11-01T08:00:00+08:00", null, null, null, null).createdFrom());
    }

    @Test
    void aCursorSurvivesTheRoundTrip() {
        TicketQuery.Cursor c = new TicketQuery.Cursor(Instant.parse("2026-11-25T08:00:00.123456Z"), "0b5c-id");
        assertEquals(c, parse(null, null, null, null, null, c.encode(), null).after());
    }

    @Test
    void badParametersNameTheirField() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> parse(List.of("OPEN"), null, "yesterday", null, "priority", "%%%", 500));
        assertEquals(List.of("status", "createdFrom", "sort", "cursor", "limit"), e.errors().stream().map(f -> f.field()).toList());
    }

    @Test
    void likePatternsEscapeWildcards() {
        assertEquals("100\\%\\_a\\\\b", TicketQuery.likeEscape("100%_a\\b"));
    }
}
