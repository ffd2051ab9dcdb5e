package io.kefu.platform.ticket;

import java.time.Instant;
import java.util.List;

/** Tickets for tests of other packages (Ticket.open is the ticket package's own). */
public final class TicketFixtures {

    private TicketFixtures() {
    }

    /** A new HIGH-priority inquiry by phone, with a fresh id. */
    public static Ticket open(String number, Instant at) {
        return Ticket.open(number, new TicketDraft(TicketKind.INQUIRY, "宽带断网", null, Priority.HIGH, Channel.PHONE, "broadband",
                null, null, List.of(), Complaint.NONE), "li", at);
    }
}
