package io.kefu.platform.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.ticket.Priority;
import io.kefu.platform.ticket.TicketStatus;

class QueueFilterTest {

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    @Test
    void aFilter_roundTripsThroughItsJson() {
        QueueFilter f = new QueueFilter(Set.of(TicketStatus.REOPENED, TicketStatus.NEW), Priority.URGENT, "me", "顺丰 延误");

        JsonObject j = f.json();

        assertEquals("[\"NEW\",\"REOPENED\"]", j.getJsonArray("status").toString(), "in lifecycle order");
        assertEquals(f, QueueFilter.parse(j));
    }

    @Test
    void blanks_meanNoFilter() {
        QueueFilter f = QueueFilter.parse(json("{\"status\":[],\"priority\":\" \",\"assignee\":\"\",\"q\":null}"));
        assertTrue(f.isEmpty());
        assertEquals(QueueFilter.NONE, QueueFilter.parse(null));
    }

    @Test
    void invalidMembers_areAllNamedAtOnce() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> QueueFilter.parse(json(
                "{\"status\":[\"OPEN\",3],\"priority\":\"VERY\",\"assignee\":7,\"q\":\"" + "x".repeat(201) + "\"}")));

        assertEquals(Set.of("status", "priority", "assignee", "q"), e.errors().stream().map(FieldError::field)
                .collect(java.util.stream.Collectors.toSet()));
        assertTrue(e.errors().stream().anyMatch(err -> err.code().equals("field.too-long")));
    }

    @Test
    void statusMustBeAList() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> QueueFilter.parse(json("{\"status\":\"NEW\"}")));
        assertEquals("field.type.array", e.errors().get(0).code());
    }
}
