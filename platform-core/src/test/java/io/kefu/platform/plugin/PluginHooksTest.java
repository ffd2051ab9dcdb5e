package io.kefu.platform.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kefu.db.testing.MutableClock;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.plugin.api.KefuPlugin;
import io.kefu.plugin.api.Label;
import io.kefu.plugin.api.PluginDescriptor;

class PluginHooksTest {

    private final PluginHooks hooks = new PluginHooks();
    private final HookHealth health = new HookHealth();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private TenantContext.Binding binding;

    @BeforeEach
    void setUp() {
        health.clock = clock;
        hooks.health = health;
        hooks.tenants = new TenantContext();
        hooks.schemas = new PluginSchemas();
        hooks.start();
        binding = hooks.tenants.bind(new TenantCode("acme"));
    }

    @AfterEach
    void tearDown() {
        binding.close();
        hooks.stop();
    }

    private static LoadedPlugin plugin(String id) {
        KefuPlugin p = () -> PluginDescriptor.of(id, "1.0.0", Label.of("测试", "Test"));
        return new LoadedPlugin(id, "1.0.0", "1.0", p.descriptor().name(), LoadedPlugin.BUNDLED, PluginState.ACTIVE, null, p);
    }

    @Test
    void aHookThatHangsIsCutOffAtTheTimeLimitAndCounted() {
        long start = System.nanoTime();
        Optional<String> result = hooks.call(plugin("slow"), "onCreate", "en", (h, ctx) -> {
            Thread.sleep(30_000);
            return "late";
        });
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(result.isEmpty());
        assertTrue(tookMillis >= PluginHooks.TIME_LIMIT_MILLIS && tookMillis < PluginHooks.TIME_LIMIT_MILLIS + 1_500, tookMillis + " ms");
        HookHealth.Counters c = health.counters().get(0);
        assertEquals(1, c.timeouts());
        assertEquals(1, c.failures());
    }

    @Test
    void aThrowingHookIsContainedAndTheContextNamesTheTenant() {
        Optional<String> tenant = hooks.call(plugin("good"), "sidePanel", "en", (h, ctx) -> ctx.tenantCode());
        Optional<Object> broken = hooks.call(plugin("broken"), "validate", "en", (h, ctx) -> {
            throw new IllegalStateException("boom");
        });

        assertEquals(Optional.of("acme"), tenant);
        assertTrue(broken.isEmpty());
        assertEquals("validate: java.lang.IllegalStateException: boom",
                health.counters().stream().filter(c -> c.plugin().equals("broken")).findFirst().orElseThrow().lastFailure());
    }

    @Test
    void repeatedFailuresDegradeThePluginForThatTenantOnlyUntilTheCoolDownEnds() {
        AtomicInteger calls = new AtomicInteger();
        LoadedPlugin flaky = plugin("flaky");
        PluginHooks.HookCall<String> failing = (h, ctx) -> {
            calls.incrementAndGet();
            throw new RuntimeException("down");
        };
        for (int i = 0; i < HookHealth.FAILURES; i++) {
            hooks.call(flaky, "onCreate", "en", failing);
        }
        assertEquals(java.util.List.of("acme"), health.degradedTenants("flaky"));

        hooks.call(flaky, "onCreate", "en", failing);
        assertEquals(HookHealth.FAILURES, calls.get(), "a degraded plugin's hooks are skipped");
        assertTrue(health.mayCall("flaky", "other"), "another tenant is not affected");

        clock.advance(HookHealth.COOL_DOWN.plusSeconds(1));
        assertEquals(Optional.of("ok"), hooks.call(flaky, "onCreate", "en", (h, ctx) -> "ok"));
        assertTrue(health.degradedTenants("flaky").isEmpty());
    }

    @Test
    void successesInBetweenDoNotHideRepeatedFailures() {
        for (int i = 0; i < HookHealth.FAILURES; i++) {
            health.succeeded("half", "acme");
            health.failed("half", "acme", false, "onCreate");
        }
        assertFalse(health.mayCall("half", "acme"));
    }

    @Test
    void failuresSpreadBeyondTheWindowDoNotDegrade() {
        for (int i = 0; i < HookHealth.FAILURES * 2; i++) {
            assertFalse(health.failed("rare", "acme", false, "x"), "failure " + i);
            clock.advance(HookHealth.WINDOW.dividedBy(HookHealth.FAILURES - 1).plus(Duration.ofSeconds(1)));
        }
        assertTrue(health.mayCall("rare", "acme"));
    }
}
