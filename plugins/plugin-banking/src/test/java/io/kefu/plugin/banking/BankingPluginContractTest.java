package io.kefu.plugin.banking;

import io.kefu.plugin.api.KefuPlugin;
import io.kefu.plugin.testkit.PluginContractTest;

/** The partner test kit, run on the banking plugin as on any partner's. */
class BankingPluginContractTest extends PluginContractTest {

    @Override
    protected KefuPlugin plugin() {
        return new BankingPlugin();
    }
}
