package io.kefu.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KefuConfigTest {

    private static final String PARALLELISM = "kefu.upgrade.parallelism";

    @AfterEach
    void clear() {
        System.clearProperty(PARALLELISM);
    }

    @Test
    void upgradeParallelismDefaultsToFourAndTakesAWholeNumber() {
        // The environment variable would win over the default; the build does not set it.
        if (System.getenv("KEFU_UPGRADE_PARALLELISM") == null) {
            assertEquals(4, KefuConfig.upgradeParallelism());
        }
        System.setProperty(PARALLELISM, " 8 ");
        assertEquals(8, KefuConfig.upgradeParallelism());
        System.setProperty(PARALLELISM, "1");
        assertEquals(1, KefuConfig.upgradeParallelism());
    }

    @Test
    void aBadUpgradeParallelismIsRefusedNamingTheSetting() {
        for (String bad : new String[] {"0", "-2", "65", "four", "2.5"}) {
            System.setProperty(PARALLELISM, bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, KefuConfig::upgradeParallelism, bad);
            assertTrue(e.getMessage().contains("KEFU_UPGRADE_PARALLELISM") && e.getMessage().contains(bad), e.getMessage());
        }
    }
}
