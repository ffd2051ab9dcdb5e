package io.kefu.platform.tenant;

/** Tenant data was touched with no tenant bound: a programming error, never a user's. */
public class NoTenantBoundException extends IllegalStateException {
    public NoTenantBoundException() {
        super("No tenant is bound to this thread: tenant data can only be reached inside a request "
                + "of an authenticated tenant user or inside TenantContext.run(...)");
    }
}
