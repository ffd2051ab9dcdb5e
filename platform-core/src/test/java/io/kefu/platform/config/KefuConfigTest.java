package io.kefu.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KefuConfigTest {

    private static final String PARALLELISM = "kefu.upgrade.parallelism";

    private static final String PAGE_SIZE = "kefu.sla.reevaluation.page-size";
    private static final String LEASE = "kefu.sla.reevaluation.lease-seconds";

    @AfterEach
    void clear() {
        System.clearProperty(PARALLELISM);
        System.clearProperty(PAGE_SIZE);
        System.clearProperty(LEASE);
    }

    @Test
    void theReevaluationLeaseDefaultsToTwoMinutesAndIsBounded() {
        if (System.getenv("KEFU_SLA_REEVALUATION_LEASE_SECONDS") == null) {
            assertEquals(java.time.Duration.ofMinutes(2), KefuConfig.slaReevaluationLease());
        }
        System.setProperty(LEASE, "4");
        assertEquals(java.time.Duration.ofSeconds(4), KefuConfig.slaReevaluationLease());
        for (String bad : new String[] {"1", "86401", "soon"}) {
            System.setProperty(LEASE, bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, KefuConfig::slaReevaluationLease, bad);
            assertTrue(e.getMessage().contains("KEFU_SLA_REEVALUATION_LEASE_SECONDS"), e.getMessage());
        }
    }

    @Test
    void theReevaluationPageSizeDefaultsTo2000AndIsBounded() {
        if (System.getenv("KEFU_SLA_REEVALUATION_PAGE_SIZE") == null) {
            assertEquals(2_000, KefuConfig.slaReevaluationPageSize());
        }
        System.setProperty(PAGE_SIZE, "1");
        assertEquals(1, KefuConfig.slaReevaluationPageSize());
        System.setProperty(PAGE_SIZE, "100000");
        assertEquals(100_000, KefuConfig.slaReevaluationPageSize());
        for (String bad : new String[] {"0", "100001", "lots"}) {
            System.setProperty(PAGE_SIZE, bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, KefuConfig::slaReevaluationPageSize, bad);
            assertTrue(e.getMessage().contains("KEFU_SLA_REEVALUATION_PAGE_SIZE") && e.getMessage().contains("1 to 100,000"), e.getMessage());
        }
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
