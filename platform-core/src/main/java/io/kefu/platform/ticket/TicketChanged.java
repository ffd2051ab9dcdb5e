package io.kefu.platform.ticket;

import java.time.Instant;

/**
 * Fired synchronously, inside the transaction that changed the ticket, for what other features
 * measure (the service standards' clocks). Observers may change their own data and call back
 * into {@link TicketService}; the ticket package knows none of them.
 *
 * @param from the status before a {@link Change#STATUS} change, else the current status
 */
public record TicketChanged(Ticket ticket, Change change, TicketStatus from, Instant at) {

    public enum Change {
        CREATED,
        STATUS,
        /** A public reply by staff. */
        PUBLIC_REPLY,
        /** A message from the customer, relayed by a channel. */
        CUSTOMER_MESSAGE,
        /** The complaint's or follow-up's contact with the customer was recorded. */
        CUSTOMER_CONTACT,
        /** Kind, category, priority, channel or customer changed: a service standard may now match differently. */
        MATCHED_FIELDS
    }
}
