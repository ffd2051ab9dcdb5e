package io.kefu.platform.ticket;

import java.time.Instant;

/** What the lifecycle's guards need to know about a ticket, and nothing more. */
public record TicketFacts(TicketStatus status, TicketKind kind, String assignee, Instant resolvedAt, Instant closedAt,
                          boolean customerContactRecorded, boolean rootCauseRecorded) {
}
