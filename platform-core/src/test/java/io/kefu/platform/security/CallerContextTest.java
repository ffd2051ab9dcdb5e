package io.kefu.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Role;
import io.kefu.platform.tenant.TenantCode;

class CallerContextTest {

    private final CallerContext callers = new CallerContext();
    private final Caller alice = new Caller.TenantUser(new TenantCode("acme"), "alice", Role.TENANT_ADMIN);

    @Test
    void actingAsACallerLastsUntilTheBindingIsClosed() {
        try (CallerContext.Binding ignored = callers.actAs(alice)) {
            assertEquals(Optional.of(alice), callers.current());
        }
        assertTrue(callers.current().isEmpty());
    }

    @Test
    void theRequestsOwnCallerStaysWhenTheSameCallerActs() {
        callers.bind(alice);
        try (CallerContext.Binding ignored = callers.actAs(alice)) {
            assertEquals(Optional.of(alice), callers.current());
        }
        assertEquals(Optional.of(alice), callers.current(), "the request's binding is the filter's to clear");
        callers.clear();
    }

    @Test
    void anotherCallerIsRefused() {
        callers.bind(alice);
        Caller bob = new Caller.TenantUser(new TenantCode("other"), "bob", Role.TENANT_ADMIN);
        assertThrows(IllegalStateException.class, () -> callers.actAs(bob));
        assertEquals(Optional.of(alice), callers.current());
        callers.clear();
    }
}
