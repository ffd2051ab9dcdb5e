package io.kefu.plugin.property;

import io.kefu.plugin.api.KefuPlugin;
import io.kefu.plugin.api.Label;
import io.kefu.plugin.api.PluginDescriptor;

/**
 * The Property management industry plugin. Everything it brings is data, in {@code kefu-plugin/property/}: the
 * generic formulas and the forms and SLA engines do the rest.
 */
public class PropertyPlugin implements KefuPlugin {

    static final PluginDescriptor DESCRIPTOR = PluginDescriptor.of("property", "1.0.0", Label.of("物业服务", "Property management"));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
