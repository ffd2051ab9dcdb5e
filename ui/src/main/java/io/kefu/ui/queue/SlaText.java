package io.kefu.ui.queue;

import java.time.Duration;

import com.vaadin.flow.theme.lumo.LumoUtility;

import io.kefu.platform.ticket.TicketSla;

/**
 * How the SLA column reads and is coloured: time left on the leading target (or overdue by,
 * paused, met) as a badge coloured by risk. Pure, so its rules are tested without a view.
 */
final class SlaText {

    private SlaText() {
    }

    /** A bundle key and its argument for the badge text. */
    record Label(String key, String arg) {
    }

    static Label label(TicketSla.Summary sla) {
        if (sla == null) {
            return new Label("queue.sla.none", "");
        }
        if (sla.paused()) {
            return new Label("queue.sla.paused", "");
        }
        if (sla.remaining() == null) {
            return new Label(sla.risk().equals("BREACHED") ? "queue.sla.breached" : "queue.sla.met", "");
        }
        if (sla.risk().equals("BREACHED") || sla.remaining().isZero() || sla.remaining().isNegative()) {
            return new Label("queue.sla.overdue", "");
        }
        return new Label("queue.sla.left", duration(sla.remaining()));
    }

    /** Lumo badge theme and colour classes for the risk. */
    static String theme(TicketSla.Summary sla) {
        if (sla == null) {
            return "badge contrast small";
        }
        return switch (sla.paused() ? "PAUSED" : sla.risk()) {
            case "BREACHED" -> "badge error small";
            case "MET", "ON_TRACK" -> "badge success small";
            case "AT_RISK" -> "badge small";
            default -> "badge contrast small";
        };
    }

    /** Extra colour for at-risk: Lumo's badge has no warning variant. */
    static String[] classes(TicketSla.Summary sla) {
        return sla != null && !sla.paused() && "AT_RISK".equals(sla.risk())
                ? new String[] {LumoUtility.Background.WARNING_10, LumoUtility.TextColor.WARNING_CONTRAST} : new String[0];
    }

    /** "2d 4h", "3h 05m", "12m": working time, coarse enough to read at a glance. */
    static String duration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long days = minutes / (24 * 60);
        long hours = (minutes / 60) % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + String.format("%02dm", mins);
        }
        return mins + "m";
    }
}
