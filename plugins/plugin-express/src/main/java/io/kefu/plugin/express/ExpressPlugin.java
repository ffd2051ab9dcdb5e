package io.kefu.plugin.express;

import java.util.Optional;

import io.kefu.plugin.api.KefuPlugin;
import io.kefu.plugin.api.Label;
import io.kefu.plugin.api.PluginDescriptor;
import io.kefu.plugin.api.TicketHooks;

/** The express-delivery industry plugin, with parcel tracking through a {@link CarrierAdapter}. */
public class ExpressPlugin implements KefuPlugin {

    static final PluginDescriptor DESCRIPTOR = PluginDescriptor.of("express", "1.0.0", Label.of("快递物流", "Express delivery"));

    private final TicketHooks hooks;

    /** As the platform creates it: with the simulated carrier. */
    public ExpressPlugin() {
        this(new SimulatedCarrier());
    }

    public ExpressPlugin(CarrierAdapter carrier) {
        this.hooks = new ParcelTrackingHooks(carrier);
    }

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<String> changelog() {
        return Optional.of("kefu-plugin/express/changelog.xml");
    }

    @Override
    public TicketHooks hooks() {
        return hooks;
    }
}
