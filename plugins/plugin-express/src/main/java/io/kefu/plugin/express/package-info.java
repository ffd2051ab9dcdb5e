/**
 * The express-delivery (快递物流) industry plugin: its documents in {@code kefu-plugin/express/},
 * a parcel-tracking table of its own ({@code express_parcel_event}), a {@link
 * io.kefu.plugin.express.CarrierAdapter} to carriers with a local {@link
 * io.kefu.plugin.express.SimulatedCarrier}, and a side panel showing the parcel's tracking events.
 */
package io.kefu.plugin.express;
