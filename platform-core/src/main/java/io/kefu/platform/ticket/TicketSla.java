package io.kefu.platform.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.json.JsonValue;

/**
 * What the service standards say about tickets, for the ticket resource: the {@code sla} member
 * of a ticket's JSON and the list filter {@code sla=at-risk|breached}. Implemented by the SLA
 * feature; the ticket package depends only on this interface.
 */
public interface TicketSla {

    /** The ticket's {@code sla} member; {@link JsonValue#NULL} when no service standard applies. */
    JsonValue of(Ticket ticket, Locale locale);

    /** The {@code sla} member of each ticket, in their order, read together (a list page). */
    List<JsonValue> of(List<Ticket> tickets, Locale locale);

    /**
     * A JPQL condition on the ticket alias {@code t} for the filter value, or throws
     * InvalidInputException for an unknown value; its only parameter is named {@code slaNow}.
     */
    String filter(String value);

    /** The instant to bind to {@code slaNow}. */
    Instant now();

    /**
     * For lists: each ticket's overall risk and the countdown of its leading target, read for
     * all tickets at once. Tickets no service standard applies to are absent.
     */
    Map<String, Summary> summaries(List<Ticket> tickets);

    /**
     * @param risk      MET, ON_TRACK, AT_RISK or BREACHED (the same word as the ticket's {@code sla.risk})
     * @param dueAt     when the leading target is due
     * @param remaining working time left on the leading target; null once it stopped
     * @param paused    the leading target waits on the customer
     */
    record Summary(String risk, Instant dueAt, Duration remaining, boolean paused) {
    }
}
