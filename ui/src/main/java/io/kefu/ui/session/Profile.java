package io.kefu.ui.session;

import java.util.Objects;
import java.util.Optional;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Member;
import io.kefu.platform.identity.Role;
import io.kefu.platform.tenant.Industry;
import io.kefu.platform.tenant.Tenant;
import io.kefu.platform.tenant.TenantCode;

/**
 * What the UI shows about the logged-in tenant user. The role is the caller's, i.e. what this
 * session is allowed to do.
 *
 * @param industry {@code null} when the tenant's record could not be read
 */
public record Profile(String username, String displayName, Role role,
                      TenantCode tenantCode, String tenantName, Industry industry) {

    public Profile {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(tenantCode, "tenantCode");
        Objects.requireNonNull(tenantName, "tenantName");
    }

    /** Missing or blank names fall back to the user name and the tenant code. */
    public static Profile of(Caller.TenantUser user, Optional<Member> member, Optional<Tenant> tenant) {
        String displayName = member.map(Member::displayName).filter(n -> !n.isBlank()).orElse(user.username());
        String tenantName = tenant.map(Tenant::name).filter(n -> !n.isBlank()).orElse(user.tenant().value());
        Industry industry = tenant.map(Tenant::industry).orElse(null);
        return new Profile(user.username(), displayName, user.role(), user.tenant(), tenantName, industry);
    }

    public Optional<Industry> knownIndustry() {
        return Optional.ofNullable(industry);
    }
}
