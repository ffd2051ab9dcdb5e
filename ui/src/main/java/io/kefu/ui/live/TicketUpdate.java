package io.kefu.ui.live;

import java.io.Serializable;
import java.time.Instant;

import io.kefu.platform.tenant.TenantCode;

/**
 * One committed change of a ticket, as open views hear of it: enough to decide whether to
 * reload a row or a page, never the ticket's content (each view reads that itself, with its
 * user's rights and masks).
 *
 * @param change the platform's {@link io.kefu.platform.ticket.TicketChanged.Change} name, or
 *               another word for changes the platform does not name
 * @param by     the user name of whoever made the change ("system" for Kefu's own work)
 */
public record TicketUpdate(TenantCode tenant, String number, String change, String by, Instant at) implements Serializable {
}
