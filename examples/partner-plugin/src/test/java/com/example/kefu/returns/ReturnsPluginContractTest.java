package com.example.kefu.returns;

import io.kefu.plugin.api.KefuPlugin;
import io.kefu.plugin.testkit.PluginContractTest;

/** Kefu's contract for plugins, run on ours. */
class ReturnsPluginContractTest extends PluginContractTest {

    @Override
    protected KefuPlugin plugin() {
        return new ReturnsPlugin();
    }
}
