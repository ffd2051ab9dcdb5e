package io.kefu.platform.ticket;

import java.util.Objects;

/** Who moves a ticket: a tenant's person, the customer, or Kefu itself (auto-close, SLA). */
public record Actor(Kind kind, String name) {

    public enum Kind { AGENT, SUPERVISOR, TENANT_ADMIN, CUSTOMER, SYSTEM }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public static Actor system() {
        return new Actor(Kind.SYSTEM, "system");
    }

    /** Supervisors and admins may act on any ticket of their tenant. */
    public boolean isSupervising() {
        return kind == Kind.SUPERVISOR || kind == Kind.TENANT_ADMIN;
    }

    public boolean isStaff() {
        return kind == Kind.AGENT || isSupervising();
    }
}
