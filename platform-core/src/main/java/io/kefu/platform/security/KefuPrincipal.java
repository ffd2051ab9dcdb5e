package io.kefu.platform.security;

import jakarta.security.enterprise.CallerPrincipal;

import io.kefu.platform.identity.Caller;

/** The container's view of a {@link Caller}; its name is unique across tenants ({@code tenant/user}). */
public class KefuPrincipal extends CallerPrincipal {

    private static final long serialVersionUID = 1L;
    private final Caller caller;

    public KefuPrincipal(Caller caller) {
        super(caller.principalName());
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }
}
