package io.kefu.platform.tenant;

/** Where a tenant is in its life. Only ACTIVE tenants can log in. */
public enum TenantStatus {
    /** Its schema is being created; it becomes ACTIVE or disappears entirely. */
    PROVISIONING,
    ACTIVE,
    SUSPENDED
}
