/**
 * Customer pages of the agent workspace: the list ({@link io.kefu.ui.customer.CustomersView}),
 * creating a customer, and one customer's page ({@link io.kefu.ui.customer.CustomerView}) with
 * its edit and merge on conflict, masked contacts and the customer's tickets. Views read and
 * write only through the platform's {@code Customers} and {@code TicketService}; the platform
 * masks, checks and audits. {@link io.kefu.ui.customer.KeysetPages} lets lazy grids page over
 * the platform's cursor lists.
 */
package io.kefu.ui.customer;
