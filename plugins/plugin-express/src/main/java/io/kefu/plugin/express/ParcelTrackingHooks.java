package io.kefu.plugin.express;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.kefu.plugin.api.HookContext;
import io.kefu.plugin.api.Label;
import io.kefu.plugin.api.SidePanel;
import io.kefu.plugin.api.TicketHooks;
import io.kefu.plugin.api.TicketView;
import io.kefu.plugin.api.ValidationProblem;

/**
 * Tickets about a parcel (custom field {@code waybillNo}) get its tracking: fetched from the
 * carrier when the ticket is created and kept in the plugin's table, and shown as the agent's
 * side panel, newest event first.
 */
final class ParcelTrackingHooks implements TicketHooks {

    static final String WAYBILL_FIELD = "waybillNo";

    private final CarrierAdapter carrier;

    ParcelTrackingHooks(CarrierAdapter carrier) {
        this.carrier = carrier;
    }

    @Override
    public List<ValidationProblem> validate(HookContext context, TicketView ticket) {
        Optional<String> waybill = ticket.field(WAYBILL_FIELD);
        if (waybill.isPresent() && !carrier.recognises(waybill.get())) {
            return List.of(new ValidationProblem("fields." + WAYBILL_FIELD, Label.of(
                    "运单号格式不正确：两位大写字母加 10 至 13 位数字，例如 SF1234567890",
                    "Not a waybill number: two capital letters and 10 to 13 digits, e.g. SF1234567890")));
        }
        return List.of();
    }

    @Override
    public void onCreate(HookContext context, TicketView ticket) {
        ticket.field(WAYBILL_FIELD).filter(carrier::recognises).ifPresent(w -> refresh(context, w, ticket.createdAt()));
    }

    @Override
    public Optional<SidePanel> sidePanel(HookContext context, TicketView ticket) {
        Optional<String> waybill = ticket.field(WAYBILL_FIELD).filter(carrier::recognises);
        if (waybill.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<TrackingEvent> events = ParcelEvents.load(context.database(), waybill.get());
            if (events.isEmpty()) {
                // The waybill was added after creation: fetch now.
                refresh(context, waybill.get(), ticket.createdAt());
                events = ParcelEvents.load(context.database(), waybill.get());
            }
            List<SidePanel.Fact> facts = new java.util.ArrayList<>();
            facts.add(new SidePanel.Fact(Label.of("运单号", "Waybill"), waybill.get(), null));
            for (int i = events.size() - 1; i >= 0; i--) {
                TrackingEvent e = events.get(i);
                facts.add(new SidePanel.Fact(e.description(), e.location(), e.at()));
            }
            return Optional.of(new SidePanel(Label.of("快件跟踪", "Parcel tracking"), facts));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the tracking of " + waybill.get(), e);
        }
    }

    private void refresh(HookContext context, String waybill, Instant asOf) {
        try {
            ParcelEvents.save(context.database(), carrier.code(), waybill, carrier.track(waybill, asOf));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the tracking of " + waybill, e);
        }
    }
}
