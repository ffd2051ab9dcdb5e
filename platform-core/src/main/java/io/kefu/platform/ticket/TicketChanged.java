package io.kefu.platform.ticket;

import java.time.Instant;
import java.util.List;

/**
 * Fired synchronously, inside the transaction that changed the ticket, for every change of a
 * ticket: what other features measure (the service standards' clocks) and what open views show
 * (the agent workspace hears it after the commit). Observers may change their own data and call
 * back into {@link TicketService}; the ticket package knows none of them. An observer that only
 * measures some changes ignores the others explicitly (the list grows).
 *
 * @param from           the status before a {@link Change#STATUS} change, else the current status
 * @param assigneeBefore the assignee before the change (the current one when it stayed), so that
 *                       a view of someone's tickets can tell a ticket that left them
 * @param teamBefore     the team before the change (the current one when it stayed)
 */
public record TicketChanged(Ticket ticket, Change change, TicketStatus from, Instant at, String assigneeBefore,
                            String teamBefore) {

    /** A change that moved the ticket to no other assignee or team. */
    public TicketChanged(Ticket ticket, Change change, TicketStatus from, Instant at) {
        this(ticket, change, from, at, ticket.assignee(), ticket.teamId());
    }

    /** A change made of {@code changes}: the assignee and team before are read from them. */
    static TicketChanged of(Ticket ticket, Change change, TicketStatus from, Instant at, List<FieldChange> changes) {
        String assignee = ticket.assignee();
        String team = ticket.teamId();
        for (FieldChange c : changes) {
            if (c.field().equals("assignee")) {
                assignee = c.before();
            } else if (c.field().equals("team")) {
                team = c.before();
            }
        }
        return new TicketChanged(ticket, change, from, at, assignee, team);
    }

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
        MATCHED_FIELDS,
        /** Other fields changed (subject, tags, team, custom fields...): nothing a service standard matches on. */
        FIELDS,
        /** Another assignee while the status stayed (a reassignment within ASSIGNED). */
        ASSIGNMENT,
        /** An internal note by staff. */
        INTERNAL_NOTE,
        /** A file was attached. */
        ATTACHMENT,
        /** A service standard warned or breached (its actions, if any, fire their own changes too). */
        SERVICE_STANDARD
    }
}
