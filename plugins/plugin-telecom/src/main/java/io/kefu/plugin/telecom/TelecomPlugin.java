package io.kefu.plugin.telecom;

import io.kefu.plugin.api.KefuPlugin;
import io.kefu.plugin.api.Label;
import io.kefu.plugin.api.PluginDescriptor;

/**
 * The Telecommunications industry plugin. Everything it brings is data, in {@code kefu-plugin/telecom/}: the
 * generic formulas and the forms and SLA engines do the rest.
 */
public class TelecomPlugin implements KefuPlugin {

    static final PluginDescriptor DESCRIPTOR = PluginDescriptor.of("telecom", "1.0.0", Label.of("电信运营", "Telecommunications"));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
