package io.kefu.plugin.property;

import io.kefu.plugin.api.KefuPlugin;
import io.kefu.plugin.testkit.PluginContractTest;

/** The partner test kit, run on the property plugin as on any partner's. */
class PropertyPluginContractTest extends PluginContractTest {

    @Override
    protected KefuPlugin plugin() {
        return new PropertyPlugin();
    }
}
