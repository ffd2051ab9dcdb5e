package io.kefu.plugin.hotel;

import io.kefu.plugin.api.KefuPlugin;
import io.kefu.plugin.testkit.PluginContractTest;

/** The partner test kit, run on the hotel plugin as on any partner's. */
class HotelPluginContractTest extends PluginContractTest {

    @Override
    protected KefuPlugin plugin() {
        return new HotelPlugin();
    }
}
