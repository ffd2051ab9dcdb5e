package io.kefu.ui.it.partner;

import io.kefu.plugin.api.KefuPlugin;
import io.kefu.plugin.api.Label;
import io.kefu.plugin.api.PluginDescriptor;

/** Built for a plugin API the platform does not offer: it must be refused while the platform runs on. */
public class FuturePlugin implements KefuPlugin {

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("it-future", "9.0.0", Label.of("未来插件", "Future plugin"), "1.99", false);
    }
}
