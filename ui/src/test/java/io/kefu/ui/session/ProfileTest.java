package io.kefu.ui.session;

import static io.kefu.ui.AbstractViewTest.member;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Role;
import io.kefu.platform.tenant.Industry;
import io.kefu.platform.tenant.Tenant;
import io.kefu.platform.tenant.TenantCode;

class ProfileTest {

    private static final TenantCode ACME = new TenantCode("acme");
    private static final Caller.TenantUser BOSS = new Caller.TenantUser(ACME, "boss", Role.TENANT_ADMIN);

    @Test
    void profile_combinesCallerMemberAndTenant() {
        Profile p = Profile.of(BOSS, Optional.of(member("boss", "Zhang Wei", Role.AGENT)),
                Optional.of(Tenant.beginProvisioning(ACME, "Acme 快递", Industry.EXPRESS, "basic", "a@acme.cn")));

        assertEquals(new Profile("boss", "Zhang Wei", Role.TENANT_ADMIN, ACME, "Acme 快递", Industry.EXPRESS), p);
        assertEquals(Role.TENANT_ADMIN, p.role(), "the role is the session's, not the member record's");
        assertEquals(Optional.of(Industry.EXPRESS), p.knownIndustry());
    }

    @Test
    void missingRecords_fallBackToUserNameAndTenantCode() {
        Profile p = Profile.of(BOSS, Optional.empty(), Optional.empty());

        assertEquals("boss", p.displayName());
        assertEquals("acme", p.tenantName());
        assertEquals(Optional.empty(), p.knownIndustry());
    }

    @Test
    void blankDisplayName_fallsBackToUserName() {
        Profile p = Profile.of(BOSS, Optional.of(member("boss", " ", Role.TENANT_ADMIN)), Optional.empty());

        assertEquals("boss", p.displayName());
    }
}
