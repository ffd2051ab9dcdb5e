package io.kefu.platform.sla;

import java.time.Instant;
import java.time.OffsetDateTime;

import io.kefu.platform.ticket.Channel;
import io.kefu.platform.ticket.Priority;
import io.kefu.platform.ticket.Ticket;
import io.kefu.platform.ticket.TicketKind;
import io.kefu.platform.ticket.TicketStatus;

/**
 * What a ticket's clocks depend on: the fields rules match on, its status and the instants its
 * clocks start from. Read from the ticket entity when one ticket changes, and from a row when a
 * rule change re-evaluates a page of tickets, so both paths evaluate the same way.
 */
record ClockInputs(String ticketId, TicketKind kind, String category, Priority priority, Channel channel, TicketStatus status,
                   Instant createdAt, Instant resolvedAt, Instant firstResponseAt, String customerGrade) {

    static ClockInputs of(Ticket t, String customerGrade) {
        return new ClockInputs(t.id(), t.kind(), t.category(), t.priority(), t.channel(), t.status(), instant(t.createdAt()),
                instant(t.resolvedAt()), instant(t.firstResponseAt()), customerGrade);
    }

    static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    Match.Subject subject() {
        return new Match.Subject(kind, category, priority, customerGrade, channel);
    }

    /** Whether the target's clock runs from the ticket's creation (or resolution) and still matters now. */
    boolean startsFromCreation(TargetKind k) {
        return switch (k) {
            case FIRST_RESPONSE -> firstResponseAt == null && status.isOpen();
            case RESOLUTION -> status.isOpen();
            case FOLLOW_UP -> (status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED) && resolvedAt != null;
            case NEXT_RESPONSE -> false;
        };
    }

    /** Where the target's clock starts when it starts from creation (or resolution). */
    Instant startOf(TargetKind k) {
        return k == TargetKind.FOLLOW_UP ? resolvedAt : createdAt;
    }
}
