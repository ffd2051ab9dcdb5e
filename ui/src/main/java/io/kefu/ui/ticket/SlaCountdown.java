package io.kefu.ui.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The header's countdown, read from a ticket's {@code sla} member (what the service standards
 * computed when the ticket was read): which target leads, its state, and the text's bundle key
 * and arguments. Pure, so the states are tested without a view.
 *
 * @param state  NONE when no service standard applies
 * @param target the leading target's member name ({@code firstResponse}, {@code resolution}, ...), null for NONE
 * @param amount remaining working time (ON_TRACK, AT_RISK, PAUSED) or how late (BREACHED); zero otherwise
 * @param dueAt  the leading target's due time, null for NONE
 */
public record SlaCountdown(State state, String target, Duration amount, Instant dueAt) {

    /** The countdown's colours: ok, at risk, breached, paused; met and none are quiet. */
    public enum State { NONE, MET, ON_TRACK, AT_RISK, BREACHED, PAUSED }

    /** Targets in the order the service loop reaches them. */
    private static final List<String> TARGETS = List.of("firstResponse", "nextResponse", "resolution", "followUp");

    public static final SlaCountdown NONE = new SlaCountdown(State.NONE, null, Duration.ZERO, null);

    /**
     * The leading target: a breached running one first, then the running one with the worst risk
     * (the earliest due among equals), else the last one stopped.
     */
    public static SlaCountdown of(JsonValue sla) {
        if (!(sla instanceof JsonObject s) || !(s.get("targets") instanceof JsonObject targets) || targets.isEmpty()) {
            return NONE;
        }
        JsonObject lead = null;
        String leadName = null;
        for (String name : TARGETS) {
            if (!(targets.get(name) instanceof JsonObject t) || !running(t)) {
                continue;
            }
            if (lead == null || rank(t) > rank(lead) || (rank(t) == rank(lead) && due(t).isBefore(due(lead)))) {
                lead = t;
                leadName = name;
            }
        }
        if (lead == null) {
            for (String name : TARGETS) {
                if (targets.get(name) instanceof JsonObject t) {
                    lead = t;
                    leadName = name;
                }
            }
        }
        if (lead == null) {
            return NONE;
        }
        String risk = lead.getString("risk", "ON_TRACK");
        boolean running = running(lead);
        State state;
        Duration amount;
        if (!running) {
            boolean breached = "BREACHED".equals(risk) || "BREACHED".equals(lead.getString("state", ""));
            state = breached ? State.BREACHED : State.MET;
            amount = breached ? duration(lead, "breachedBy") : Duration.ZERO;
        } else if ("BREACHED".equals(risk)) {
            state = State.BREACHED;
            // A running clock past its due time has negative remaining time; a stopped one says by how much.
            Duration remaining = duration(lead, "remaining");
            amount = remaining.isNegative() ? remaining.negated() : duration(lead, "breachedBy");
        } else if ("PAUSED".equals(lead.getString("state", ""))) {
            state = State.PAUSED;
            amount = duration(lead, "remaining");
        } else {
            state = "AT_RISK".equals(risk) ? State.AT_RISK : State.ON_TRACK;
            amount = duration(lead, "remaining");
        }
        return new SlaCountdown(state, leadName, amount, due(lead));
    }

    /** The bundle key of the countdown's text; its one argument is {@link #amountKey()} translated. */
    public String textKey() {
        return "ticket.sla." + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The bundle key for {@link #amount} and its arguments (days, hours, minutes as needed). */
    public String amountKey() {
        long minutes = amount.toMinutes();
        if (minutes < 1) {
            return "ticket.duration.less-than-minute";
        }
        if (minutes < 60) {
            return "ticket.duration.m";
        }
        return minutes < 24 * 60 ? "ticket.duration.hm" : "ticket.duration.dh";
    }

    /** Arguments for {@link #amountKey()}. */
    public Object[] amountArgs() {
        long minutes = amount.toMinutes();
        if (minutes < 60) {
            return new Object[] {minutes};
        }
        if (minutes < 24 * 60) {
            return new Object[] {minutes / 60, minutes % 60};
        }
        return new Object[] {minutes / (24 * 60), (minutes % (24 * 60)) / 60};
    }

    private static boolean running(JsonObject t) {
        String state = t.getString("state", "");
        return state.equals("RUNNING") || state.equals("PAUSED");
    }

    private static int rank(JsonObject t) {
        return switch (t.getString("risk", "ON_TRACK")) {
            case "BREACHED" -> 3;
            case "AT_RISK" -> 2;
            default -> "PAUSED".equals(t.getString("state", "")) ? 0 : 1;
        };
    }

    private static Instant due(JsonObject t) {
        try {
            return Instant.parse(t.getString("dueAt", ""));
        } catch (DateTimeParseException e) {
            return Instant.MAX;
        }
    }

    private static Duration duration(JsonObject t, String key) {
        if (!(t.get(key) instanceof jakarta.json.JsonString s)) {
            return Duration.ZERO;
        }
        try {
            return Duration.parse(s.getString());
        } catch (DateTimeParseException e) {
            return Duration.ZERO;
        }
    }
}
