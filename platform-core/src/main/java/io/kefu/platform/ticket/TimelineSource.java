package io.kefu.platform.ticket;

import java.util.List;

/**
 * Entries of a ticket's timeline that another feature keeps outside {@code ticket_event}, where
 * writing them one by one would cost too much: what a rule change did to every open ticket's
 * clocks (ADR 0012, fifth amendment). {@link TicketService#timeline} shows them among the stored
 * entries, by time. Such entries are internal, never numbered on the timeline (each takes the
 * number of the stored entry before it) and never written through {@link TicketService}.
 */
public interface TimelineSource {

    /** The ticket's entries from this source, oldest first; the bound tenant's. */
    List<TicketEvent> entries(String ticketId);
}
