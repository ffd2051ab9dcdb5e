package io.kefu.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.kefu.plugin.api.HookContext;
import io.kefu.plugin.api.KefuPlugin;
import io.kefu.plugin.api.Label;
import io.kefu.plugin.api.PluginDescriptor;
import io.kefu.plugin.api.SidePanel;
import io.kefu.plugin.api.TicketHooks;
import io.kefu.plugin.api.TicketView;

/** The kit itself: each contract fails on a plugin that breaks it, so a passing kit means something. */
class PluginContractTestTest {

    private static PluginContractTest kitFor(KefuPlugin plugin) {
        return new PluginContractTest() {
            @Override
            protected KefuPlugin plugin() {
                return plugin;
            }

            @Override
            protected List<TicketView> sampleTickets() {
                return List.of(new io.kefu.platform.plugin.TicketSnapshot("KIT-1", "COMPLAINT", "NEW", "NORMAL", "PHONE",
                        Optional.empty(), "s", SampleTickets.FROM, Optional.empty(), Optional.empty(), Optional.empty(), 0,
                        java.util.Map.of()));
            }
        };
    }

    @Test
    void aHookSlowerThanTheLimitFailsTheKit() {
        KefuPlugin slow = new KefuPlugin() {
            public PluginDescriptor descriptor() {
                return PluginDescriptor.of("slow", "1.0.0", Label.of("慢", "Slow"));
            }

            public TicketHooks hooks() {
                return new TicketHooks() {
                    public Optional<SidePanel> sidePanel(HookContext context, TicketView ticket) {
                        try {
                            Thread.sleep(5_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return Optional.empty();
                    }
                };
            }
        };
        AssertionError e = assertThrows(AssertionError.class, () -> kitFor(slow).everyHookAnswersWithinTheTimeLimit());
        assertTrue(e.getMessage().contains("sidePanel KIT-1"), e.getMessage());
    }

    @Test
    void aPluginForAnotherApiVersionFailsTheKit() {
        KefuPlugin future = () -> new PluginDescriptor("future", "1.0.0", Label.of("未来", "Future"), "2.0", false);
        assertThrows(AssertionError.class, () -> kitFor(future).requiredApiVersionIsOfferedByThisPlatform());
    }

    @Test
    void aPluginMissingFromMetaInfServicesFailsTheKit() {
        KefuPlugin unregistered = () -> PluginDescriptor.of("ghost", "1.0.0", Label.of("幽灵", "Ghost"));
        assertThrows(AssertionError.class, () -> kitFor(unregistered).pluginIsRegisteredInMetaInfServices());
    }

    @Test
    void aPluginWithoutDocumentsOrTablesPassesTheRest() {
        PluginContractTest kit = kitFor(() -> PluginDescriptor.of("bare", "1.0.0", Label.of("空", "Bare")));
        assertDoesNotThrow(kit::descriptorIsValidAndStable);
        assertDoesNotThrow(kit::documentsAreValidWithEveryLabelInBothLanguages);
        assertDoesNotThrow(kit::everyKpiComputesOnASampleDataSet);
        assertDoesNotThrow(kit::changelogAppliesOnH2);
        assertDoesNotThrow(kit::everyHookAnswersWithinTheTimeLimit);
    }
}
