package io.kefu.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.Validation;
import io.kefu.platform.tenant.TenantCode;

/** Logs a person in and out from the UI, through Jakarta Security. */
@ApplicationScoped
public class Authentication {

    public static final String FIELD_TENANT = "tenant";
    public static final String FIELD_USERNAME = "username";
    public static final String FIELD_PASSWORD = "password";

    @Inject
    SecurityContext security;

    /**
     * Checks the input's shape first (errors name the field), then the credentials. A wrong
     * tenant, user or password all read the same, on the password field, so that the page does
     * not reveal which tenants or users exist.
     */
    public LoginOutcome login(HttpServletRequest request, HttpServletResponse response,
                              String tenant, String username, String password) {
        Validation v = new Validation();
        v.check(() -> TenantCode.parse(tenant, FIELD_TENANT));
        if (username == null || username.isBlank()) {
            v.reject(FIELD_USERNAME, "field.required");
        }
        if (password == null || password.isEmpty()) {
            v.reject(FIELD_PASSWORD, "field.required");
        }
        try {
            v.throwIfInvalid();
        } catch (InvalidInputException e) {
            return new LoginOutcome.Refused(e.errors().get(0));
        }
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new TenantCredential(tenant.trim(), username.trim(), password))
                .newAuthentication(true));
        HttpSession session = request.getSession(false);
        Object caller = session == null ? null : session.getAttribute(KefuAuthenticationMechanism.SESSION_CALLER);
        if (status == AuthenticationStatus.SUCCESS && caller instanceof Caller c) {
            return new LoginOutcome.Success(c);
        }
        return new LoginOutcome.Refused(FieldError.of(FIELD_PASSWORD, "login.failed"));
    }

    public void logout(HttpServletRequest request) {
        try {
            request.logout();
        } catch (ServletException e) {
            // The session is invalidated below either way.
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
