package io.kefu.platform.ticket;

import java.util.List;

/** A validated request for a new ticket (see {@link TicketRequests#draft}). */
public record TicketDraft(TicketKind kind, String subject, String description, Priority priority, Channel channel,
                          String category, String customerId, String teamId, List<String> tags, Complaint complaint) {

    public TicketDraft {
        tags = List.copyOf(tags);
    }
}
