package io.kefu.ui.session;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Members;
import io.kefu.platform.tenant.Tenants;

/**
 * Reads a tenant user's {@link Profile}. Needs the user's tenant bound to the thread, which the
 * platform's request filter does for every request of a logged-in tenant user.
 */
@Dependent
public class Profiles {

    private final Members members;
    private final Tenants tenants;

    @Inject
    public Profiles(Members members, Tenants tenants) {
        this.members = members;
        this.tenants = tenants;
    }

    public Profile of(Caller.TenantUser user) {
        return Profile.of(user, members.byUsername(user.username()), tenants.find(user.tenant()));
    }
}
