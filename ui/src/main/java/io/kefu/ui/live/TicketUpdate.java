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
 * @param moves    whom and which team the ticket was with before and after ({@code null}: not
 *                 known), so that a view of someone's or a team's tickets can tell a change that
 *                 never concerned them
 */
public record TicketUpdate(TenantCode tenant, String number, String change, String by, Instant at, String assignee,
                           Long version, Moves moves) implements Serializable {

    /** The ticket's assignee before, and its team before and after. */
    public record Moves(String assigneeBefore, String teamBefore, String team) implements Serializable {
    }

    /** An update that does not say where the ticket was. */
    public TicketUpdate(TenantCode tenant, String number, String change, String by, Instant at, String assignee, Long version) {
        this(tenant, number, change, by, at, assignee, version, null);
    }

    /** An update that does not say which version it wrote. */
    public TicketUpdate(TenantCode tenant, String number, String change, String by, Instant at, String assignee) {
        this(tenant, number, change, by, at, assignee, null, null);
    }

    /**
     * Whether the ticket was or is assigned to {@code username}; true when the update does not
     * say where it was.
     */
    public boolean mayConcernUser(String username) {
        return moves == null || username.equals(assignee) || username.equals(moves.assigneeBefore());
    }

    /** Whether the ticket was or is with one of {@code teamIds}; true when the update does not say. */
    public boolean mayConcernTeams(java.util.Collection<String> teamIds) {
        // Immutable lists refuse to look for null: a ticket with no team is in none of them.
        return moves == null || (moves.team() != null && teamIds.contains(moves.team()))
                || (moves.teamBefore() != null && teamIds.contains(moves.teamBefore()));
    }

    /** An update that does not say who the ticket is assigned to. */
    public TicketUpdate(TenantCode tenant, String number, String change, String by, Instant at) {
        this(tenant, number, change, by, at, null, null, null);
    }
}
