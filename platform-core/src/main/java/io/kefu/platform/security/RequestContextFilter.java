package io.kefu.platform.security;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.tenant.TenantContext;

/**
 * Binds the authenticated caller, and for tenant users their tenant, to the thread for exactly
 * the duration of one request (REST and Vaadin alike), and unbinds it afterwards so that a
 * pooled thread never carries a tenant into the next request.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestContextFilter implements Filter {

    @Inject
    CallerContext callers;

    @Inject
    TenantContext tenants;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Object attribute = request.getAttribute(KefuAuthenticationMechanism.REQUEST_CALLER);
        if (!(attribute instanceof Caller caller)) {
            chain.doFilter(request, response);
            return;
        }
        callers.bind(caller);
        try {
            if (caller instanceof Caller.TenantUser user) {
                try (TenantContext.Binding ignored = tenants.bind(user.tenant())) {
                    chain.doFilter(request, response);
                }
            } else {
                chain.doFilter(request, response);
            }
        } finally {
            callers.clear();
        }
    }
}
