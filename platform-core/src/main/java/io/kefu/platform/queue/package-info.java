/**
 * Queues of tickets as agents work them: my tickets, my teams', unassigned, breaching soon,
 * breached, complaints, pending the customer; the filter bar over them; saved filters (per
 * user, or shared with a team) and the counts per queue. Everything here is a view over the
 * ticket list ({@link io.kefu.platform.ticket.TicketService#window}); the only data of its own
 * is the saved filter, in the tenant's schema. May depend on ticket, team, security, audit and
 * problem; nothing in the platform depends on it.
 */
package io.kefu.platform.queue;
