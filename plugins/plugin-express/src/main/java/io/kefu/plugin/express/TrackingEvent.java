package io.kefu.plugin.express;

import java.time.Instant;
import java.util.Objects;

import io.kefu.plugin.api.Label;

/**
 * One scan of a parcel as a carrier reports it.
 *
 * @param seq      order of the event for this waybill, from 1
 * @param status   the carrier-neutral stage: PICKED_UP, IN_TRANSIT, ARRIVED, OUT_FOR_DELIVERY, DELIVERED, EXCEPTION
 * @param location where it was scanned
 */
public record TrackingEvent(int seq, Instant at, String status, String location, Label description) {

    public TrackingEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(description, "description");
    }
}
