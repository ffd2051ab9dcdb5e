package io.kefu.plugin.hotel;

import io.kefu.plugin.api.KefuPlugin;
import io.kefu.plugin.api.Label;
import io.kefu.plugin.api.PluginDescriptor;

/**
 * The Hotels industry plugin. Everything it brings is data, in {@code kefu-plugin/hotel/}: the
 * generic formulas and the forms and SLA engines do the rest.
 */
public class HotelPlugin implements KefuPlugin {

    static final PluginDescriptor DESCRIPTOR = PluginDescriptor.of("hotel", "1.0.0", Label.of("酒店住宿", "Hotels"));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
