package io.kefu.platform.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class TenantContextTest {

    private final TenantContext context = new TenantContext();
    private final TenantCode acme = new TenantCode("acme");
    private final TenantCode other = new TenantCode("other");

    @Test
    void requireFailsLoudlyWhenNothingIsBound() {
        assertThrows(NoTenantBoundException.class, context::require);
        assertTrue(context.current().isEmpty());
    }

    @Test
    void bindingLastsUntilClosed() {
        try (TenantContext.Binding b = context.bind(acme)) {
            assertEquals(acme, context.require());
        }
        assertTrue(context.current().isEmpty());
    }

    @Test
    void aSecondTenantCannotBeBoundOverTheFirst() {
        try (TenantContext.Binding b = context.bind(acme)) {
            assertThrows(IllegalStateException.class, () -> context.bind(other));
            assertEquals(acme, context.require());
        }
    }

    @Test
    void rebindingTheSameTenantKeepsTheOuterBinding() {
        try (TenantContext.Binding outer = context.bind(acme)) {
            try (TenantContext.Binding inner = context.bind(acme)) {
                assertEquals(acme, context.require());
            }
            assertEquals(acme, context.require(), "closing the inner binding must not unbind the outer one");
        }
        assertTrue(context.current().isEmpty());
    }

    @Test
    void bindingIsPerThread() throws Exception {
        try (TenantContext.Binding b = context.bind(acme)) {
            boolean seenElsewhere = CompletableFuture.supplyAsync(() -> context.current().isPresent()).get();
            assertEquals(false, seenElsewhere);
        }
    }

    @Test
    void runUnbindsEvenWhenWorkFails() {
        assertThrows(IllegalArgumentException.class, () -> context.run(acme, () -> {
            throw new IllegalArgumentException("boom");
        }));
        assertTrue(context.current().isEmpty());
    }
}
