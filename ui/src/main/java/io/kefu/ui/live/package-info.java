/**
 * Live views: what changed a ticket reaches every open view of the same tenant without a reload,
 * pushed to the browser, on this node and, through {@link io.kefu.ui.live.TicketBroadcast}, on
 * the other nodes of a cluster. Nothing here crosses tenants: subscribers are kept per tenant.
 */
package io.kefu.ui.live;
