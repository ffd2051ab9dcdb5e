package io.kefu.platform.security;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;

/** Tenant code, user name and password, as typed on the login page. */
public class TenantCredential extends UsernamePasswordCredential {

    private final String tenant;

    public TenantCredential(String tenant, String username, String password) {
        super(username, password);
        this.tenant = tenant;
    }

    public String tenant() {
        return tenant;
    }
}
