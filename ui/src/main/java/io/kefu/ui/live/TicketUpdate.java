package io.kefu.ui.live;

import java.io.Serializable;
import java.time.Instant;

import io.kefu.platform.tenant.TenantCode;

/**
 * One committed change of a ticket, as open views hear of it: enough to decide whether to
 * reload a row or a page, never the ticket's content (each view reads that itself, with its
 * user's rights and masks).
 *
 * @param change   the platform's {@link io.kefu.platform.ticket.TicketChanged.Change} name, or
 *                 another word for changes the platform does not name
 * @param by       the user name of whoever made the change ("system" for Kefu's own work)
 * @param assignee the ticket's assignee after the change ({@code null}: nobody), so that the
 *                 shell can tell an agent about their own tickets without reading any
 * @param version  the ticket's version once the change was written ({@code null}: not known), so
 *                 that a view which already shows that version (it made the change itself) need
 *                 not read the ticket again
 */
public record TicketUpdate(TenantCode tenant, String number, String change, String by, Instant at, String assignee,
                           Long version) implements Serializable {

    /** An update that does not say which version it wrote. */
    public TicketUpdate(TenantCode tenant, String number, String change, String by, Instant at, String assignee) {
        this(tenant, number, change, by, at, assignee, null);
    }

    /** An update that does not say who the ticket is assigned to. */
    public TicketUpdate(TenantCode tenant, String number, String change, String by, Instant at) {
        this(tenant, number, change, by, at, null, null);
    }
}
