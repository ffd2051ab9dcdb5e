package io.kefu.ui.i18n;

import java.util.Locale;

import io.kefu.platform.identity.Role;
import io.kefu.platform.tenant.Industry;
import io.kefu.platform.ticket.Priority;
import io.kefu.platform.ticket.TicketStatus;

/** The bundle keys of the platform's enums as the UI shows them. */
public final class LabelKeys {

    private LabelKeys() {
    }

    /** {@code role.tenant-admin}, {@code role.supervisor}, {@code role.agent}. */
    public static String role(Role role) {
        return "role." + role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code industry.express}, {@code industry.hotel}, ... (the industry's API id). */
    public static String industry(Industry industry) {
        return "industry." + industry.id();
    }

    /** {@code ticket-status.new}, {@code ticket-status.in-progress}, ... */
    public static String ticketStatus(TicketStatus status) {
        return "ticket-status." + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code priority.urgent}, {@code priority.high}, {@code priority.normal}, {@code priority.low}. */
    public static String priority(Priority priority) {
        return "priority." + priority.name().toLowerCase(Locale.ROOT);
    }
}
