/**
 * Service standards (服务标准, SLA): ordered, versioned rules that give a ticket its targets
 * (first response, next response, resolution, follow-up) in business or elapsed time; the
 * clocks that measure each ticket against them, pause while the customer is awaited, warn and
 * act on breach; the cluster-wide sweep that fires each warning and breach exactly once; and
 * compliance figures. Business-time arithmetic lives in {@code sla.calendar}.
 *
 * <p>Depends on the ticket and team packages; they do not depend on it. Tickets announce their
 * changes as {@link io.kefu.platform.ticket.TicketChanged} events, and the ticket resource asks
 * {@link io.kefu.platform.ticket.TicketSla} for the {@code sla} member of its JSON.
 */
package io.kefu.platform.sla;
