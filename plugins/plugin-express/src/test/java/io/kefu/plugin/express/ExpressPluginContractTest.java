package io.kefu.plugin.express;

import io.kefu.plugin.api.KefuPlugin;
import io.kefu.plugin.testkit.PluginContractTest;

/** The partner test kit, run on the express plugin as on any partner's. */
class ExpressPluginContractTest extends PluginContractTest {

    @Override
    protected KefuPlugin plugin() {
        return new ExpressPlugin();
    }
}
