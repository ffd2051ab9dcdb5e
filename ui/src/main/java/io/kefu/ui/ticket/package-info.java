/**
 * The ticket workspace: {@link io.kefu.ui.ticket.TicketView} to work one ticket and
 * {@link io.kefu.ui.ticket.NewTicketView} to record one. Views stay thin: what they ask of the
 * platform goes through {@link io.kefu.ui.ticket.TicketDesk} (the same services as the REST API);
 * countdown, timeline and merge logic are plain classes tested without a view.
 */
package io.kefu.ui.ticket;
