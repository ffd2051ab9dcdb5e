package io.kefu.platform.identity;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

import io.kefu.platform.tenant.TenantCode;

/** Who is making the current request: a tenant's user or an operator of the installation. */
public sealed interface Caller extends Serializable {

    String username();

    /** The group names handed to the container and checked by {@code @RolesAllowed}. */
    Set<String> groups();

    /** The name the container knows the caller by; unique across tenants. */
    String principalName();

    /** A user of one tenant. */
    record TenantUser(TenantCode tenant, String username, Role role) implements Caller {
        public TenantUser {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(role, "role");
        }

        @Override
        public Set<String> groups() {
            return Set.of(role.name());
        }

        @Override
        public String principalName() {
            return tenant.value() + "/" + username;
        }
    }

    /** Runs the installation: tenants, plans, plugins. Sees no tenant's data. */
    record Operator(String username) implements Caller {
        public static final String GROUP = "OPERATOR";

        public Operator {
            Objects.requireNonNull(username, "username");
        }

        @Override
        public Set<String> groups() {
            return Set.of(GROUP);
        }

        @Override
        public String principalName() {
            return username;
        }
    }
}
