package io.kefu.platform.security;

import jakarta.security.enterprise.credential.Credential;

/** An API token from {@code Authorization: Bearer}; validated by {@link KefuIdentityStore}. */
public class BearerCredential implements Credential {

    private final String token;

    public BearerCredential(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    @Override
    public String toString() {
        // Never the secret: credentials end up in logs.
        return "BearerCredential[" + (token.length() > 8 ? token.substring(0, 8) : "") + "...]";
    }
}
