/**
 * Live views: what changed a ticket reaches every open view of the same tenant without a reload,
 * pushed to the browser. Nothing here crosses tenants: subscribers are kept per tenant.
 */
package io.kefu.ui.live;
