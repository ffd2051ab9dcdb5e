package io.kefu.plugin.express;

import java.time.Instant;
import java.util.List;

/**
 * A carrier's tracking service. Real adapters (SF, ZTO, YTO, ... over their open APIs) implement
 * this; the plugin ships {@link SimulatedCarrier} so that tracking works on any installation
 * without credentials. Implementations are called from hooks and must answer well within the
 * hooks' time limit (2 s): cache or give up rather than wait.
 */
public interface CarrierAdapter {

    /** A short code naming the carrier, stored with each event. */
    String code();

    /** True when the waybill number is one of this carrier's. */
    boolean recognises(String waybillNo);

    /**
     * The parcel's events, oldest first, as known at {@code asOf}; empty when the carrier does not
     * know the waybill.
     */
    List<TrackingEvent> track(String waybillNo, Instant asOf);
}
