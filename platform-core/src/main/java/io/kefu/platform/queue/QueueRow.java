package io.kefu.platform.queue;

import java.time.OffsetDateTime;

import jakarta.json.JsonObject;

import io.kefu.platform.ticket.Priority;
import io.kefu.platform.ticket.TicketKind;
import io.kefu.platform.ticket.TicketSla;
import io.kefu.platform.ticket.TicketStatus;

/**
 * One line of a queue: what the list shows of a ticket and nothing more (no description, no
 * timeline), so a page of rows stays small in a session.
 *
 * @param assigneeName what to show for the assignee: their display name, else the username; null when unassigned
 * @param customerName null when the ticket has no customer
 * @param sla          null when no service standard applies
 * @param fields       custom field values as the API shows them to the caller (personal data masked)
 * @param version      the version the row was read at: bulk changes are made against it
 */
public record QueueRow(String number, String subject, TicketKind kind, TicketStatus status, Priority priority, String assignee,
                       String assigneeName, String customerName, OffsetDateTime updatedAt, OffsetDateTime createdAt, TicketSla.Summary sla,
                       JsonObject fields, long version) {
}
