package io.kefu.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.server.VaadinSession;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.security.KefuAuthenticationMechanism;
import io.kefu.ui.AbstractViewTest;

class CurrentUserTest extends AbstractViewTest {

    @Test
    void nobodyInTheSession_nobodyLoggedIn() {
        assertTrue(currentUser.caller().isEmpty());
        assertTrue(currentUser.tenantUser().isEmpty());
    }

    @Test
    void aTenantUserInTheSession_isTheCurrentUser() {
        logIn(SUPERVISOR);

        assertEquals(Optional.of(SUPERVISOR), currentUser.tenantUser());
    }

    @Test
    void anOperator_isACaller_butNoUiUser() {
        Caller.Operator operator = new Caller.Operator("root");
        logIn(operator);

        assertEquals(Optional.of(operator), currentUser.caller());
        assertTrue(currentUser.tenantUser().isEmpty());
    }

    @Test
    void somethingElseUnderTheAttribute_isNobody() {
        VaadinSession.getCurrent().getSession().setAttribute(KefuAuthenticationMechanism.SESSION_CALLER, "wxm");

        assertTrue(currentUser.caller().isEmpty());
    }

    @Test
    void outsideAVaadinRequest_nobody() {
        VaadinSession session = VaadinSession.getCurrent();
        logIn(SUPERVISOR);
        VaadinSession.setCurrent(null);
        try {
            assertTrue(currentUser.tenantUser().isEmpty());
        } finally {
            VaadinSession.setCurrent(session);
        }
    }
}
