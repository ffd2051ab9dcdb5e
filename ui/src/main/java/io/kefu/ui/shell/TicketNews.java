package io.kefu.ui.shell;

import java.util.Set;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Role;
import io.kefu.ui.live.TicketUpdate;

/**
 * Which live updates the shell tells a user about: a change to a ticket assigned to them,
 * made by someone else, which they are not looking at (the ticket's own view shows it). SLA
 * warnings and breaches go to the bell instead.
 */
public final class TicketNews {

    /** The changes worth interrupting an agent for; the rest only refresh views. */
    static final Set<String> NEWS = Set.of("CREATED", "STATUS", "ASSIGNMENT", "PUBLIC_REPLY", "CUSTOMER_MESSAGE",
            "CUSTOMER_CONTACT", "MATCHED_FIELDS", "FIELDS", "INTERNAL_NOTE", "ATTACHMENT");

    static final String SERVICE_STANDARD = "SERVICE_STANDARD";

    private TicketNews() {
    }

    /** Whether to show a notice; {@code viewing} is the path shown now, e.g. {@code tickets/KF-2026-000001}. */
    public static boolean isNews(TicketUpdate update, Caller.TenantUser user, String viewing) {
        return update.tenant().equals(user.tenant())
                && NEWS.contains(update.change())
                && user.username().equals(update.assignee())
                && !user.username().equals(update.by())
                && !("tickets/" + update.number()).equals(viewing);
    }

    /**
     * Whether the update may have given the user a notification: warnings and breaches notify the
     * ticket's assignee and supervisors (see the platform's SLA clocks).
     */
    public static boolean mayNotify(TicketUpdate update, Caller.TenantUser user) {
        return SERVICE_STANDARD.equals(update.change()) && update.tenant().equals(user.tenant())
                && (user.role() == Role.SUPERVISOR || user.username().equals(update.assignee()));
    }

    /** The bundle key of a change's wording in a notice. */
    public static String changeKey(String change) {
        return NEWS.contains(change) ? "shell.news.change." + change.toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                : "shell.news.change.other";
    }
}
