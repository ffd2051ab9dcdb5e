package io.kefu.plugin.banking;

import io.kefu.plugin.api.KefuPlugin;
import io.kefu.plugin.api.Label;
import io.kefu.plugin.api.PluginDescriptor;

/**
 * The Banking industry plugin. Everything it brings is data, in {@code kefu-plugin/banking/}: the
 * generic formulas and the forms and SLA engines do the rest.
 */
public class BankingPlugin implements KefuPlugin {

    static final PluginDescriptor DESCRIPTOR = PluginDescriptor.of("banking", "1.0.0", Label.of("银行金融", "Banking"));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
