package io.kefu.ui.session;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.security.KefuAuthenticationMechanism;

/**
 * The logged-in caller of the current Vaadin request. Read from the HTTP session rather than
 * {@code CallerContext}: the session is where a login made in this very request already shows,
 * whereas the request's caller is bound before the view runs.
 */
@ApplicationScoped
public class CurrentUser {

    /** Whoever is logged in, operator or tenant user. */
    public Optional<Caller> caller() {
        VaadinSession vaadinSession = VaadinSession.getCurrent();
        WrappedSession session = vaadinSession == null ? null : vaadinSession.getSession();
        if (session == null) {
            return Optional.empty();
        }
        try {
            return session.getAttribute(KefuAuthenticationMechanism.SESSION_CALLER) instanceof Caller caller
                    ? Optional.of(caller) : Optional.empty();
        } catch (IllegalStateException invalidated) {
            // A session invalidated by logging out in this request has nobody in it.
            return Optional.empty();
        }
    }

    /**
     * The tenant user logged in, if any. Operators run the installation through the API and are
     * not users of the UI (yet): for the UI nobody is logged in then.
     */
    public Optional<Caller.TenantUser> tenantUser() {
        return caller().filter(Caller.TenantUser.class::isInstance).map(Caller.TenantUser.class::cast);
    }
}
