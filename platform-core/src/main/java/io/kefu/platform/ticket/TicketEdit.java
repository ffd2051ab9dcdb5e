package io.kefu.platform.ticket;

import java.util.List;

/**
 * A validated partial update (JSON merge patch): a null component means "not sent, leave as is";
 * a {@link Value} holding null means "sent as null, clear it".
 */
public record TicketEdit(String subject, Value description, Priority priority, Value category, Value customerId,
                         Value teamId, List<String> tags, Complaint complaint) {

    /** A sent value, possibly null. */
    public record Value(String orNull) {
        public String value() {
            return orNull == null ? "" : orNull;
        }
    }

    /** The same edit with the team reference resolved to the team's id. */
    TicketEdit withTeamId(Value id) {
        return new TicketEdit(subject, description, priority, category, customerId, id, tags, complaint);
    }

}
