package io.kefu.platform.sla;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kefu.platform.ticket.EventType;
import io.kefu.platform.ticket.TicketEvent;
import io.kefu.platform.ticket.TimelineSource;

/**
 * What rule changes did to a ticket's clocks, shown on its timeline: the rows a re-evaluation
 * wrote to {@code sla_recompute} (ADR 0012, fifth amendment) as the {@code SLA} entries it once
 * wrote to the timeline itself, with the same details.
 */
@ApplicationScoped
public class RecomputeHistory implements TimelineSource {

    @Inject
    ClockTables tables;

    @Override
    public List<TicketEvent> entries(String ticketId) {
        return tables.recomputes(ticketId).stream()
                .map(r -> TicketEvent.kept(id(ticketId, r), ticketId, r.at(), r.actor(), EventType.SLA, r.data())).toList();
    }

    /** The same id each time the entry is read: the row has none (ADR 0012), so it is derived from what the row holds. */
    private static String id(String ticketId, ClockTables.Recompute r) {
        return UUID.nameUUIDFromBytes((ticketId + "|" + r.at() + "|" + r.data()).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
