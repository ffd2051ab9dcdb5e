package io.kefu.plugin.telecom;

import io.kefu.plugin.api.KefuPlugin;
import io.kefu.plugin.testkit.PluginContractTest;

/** The partner test kit, run on the telecom plugin as on any partner's. */
class TelecomPluginContractTest extends PluginContractTest {

    @Override
    protected KefuPlugin plugin() {
        return new TelecomPlugin();
    }
}
