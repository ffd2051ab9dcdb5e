package io.kefu.platform.ticket;

import java.util.List;

/** A validated request for a new ticket (see {@link TicketRequests#draft}). */
public record TicketDraft(TicketKind kind, String subject, String description, Priority priority, Channel channel,
                          String category, String customerId, String teamId, List<String> tags, Complaint complaint) {

    public TicketDraft {
        tags = List.copyOf(tags);
    }

    /** The same request with the team reference resolved to the team's id. */
    TicketDraft withTeamId(String id) {
        return new TicketDraft(kind, subject, description, priority, channel, category, customerId, id, tags, complaint);
    }
}
