package io.kefu.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import io.kefu.platform.identity.Caller;

/**
 * Kefu's one authentication mechanism (Jakarta Security), run by the container before every
 * request:
 * <ul>
 * <li>a login from the UI ({@code SecurityContext.authenticate} with a {@link TenantCredential})
 *     is validated, the session id renewed and the caller kept in the HTTP session;</li>
 * <li>{@code Authorization: Basic} is validated per request without a session: {@code tenant/user}
 *     for tenant users, a bare name for operators;</li>
 * <li>a session that holds a caller re-establishes it.</li>
 * </ul>
 * It never answers a challenge itself: the REST layer answers 401 as problem+json and the UI
 * redirects to its login view, each in its own shape.
 */
@ApplicationScoped
public class KefuAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** HTTP session attribute holding the logged-in {@link Caller}. */
    public static final String SESSION_CALLER = "kefu.caller";
    /** Request attribute holding the request's {@link Caller}, for {@link RequestContextFilter}. */
    public static final String REQUEST_CALLER = "kefu.request.caller";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (context.isAuthenticationRequest() && context.getAuthParameters().getCredential() != null) {
            CredentialValidationResult result = identityStores.validate(context.getAuthParameters().getCredential());
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            Caller caller = callerOf(result);
            // A new session id at login defeats session fixation.
            request.getSession(true);
            request.changeSessionId();
            request.getSession().setAttribute(SESSION_CALLER, caller);
            request.setAttribute(REQUEST_CALLER, caller);
            return context.notifyContainerAboutLogin(result);
        }

        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            Credential credential = basicCredential(authorization.substring(6).trim());
            if (credential == null) {
                return AuthenticationStatus.NOT_DONE;
            }
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                // Not authenticated; the resource decides whether that is a 401.
                return context.doNothing();
            }
            request.setAttribute(REQUEST_CALLER, callerOf(result));
            return context.notifyContainerAboutLogin(result);
        }

        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_CALLER) instanceof Caller caller) {
            request.setAttribute(REQUEST_CALLER, caller);
            return context.notifyContainerAboutLogin(new KefuPrincipal(caller), caller.groups());
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_CALLER);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    private static Caller callerOf(CredentialValidationResult result) {
        if (result.getCallerPrincipal() instanceof KefuPrincipal p) {
            return p.caller();
        }
        throw new IllegalStateException("Identity store returned a foreign principal " + result.getCallerPrincipal());
    }

    /** {@code tenant/user:password} for tenant users, {@code operator:password} for operators. */
    static Credential basicCredential(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        int slash = user.indexOf('/');
        if (slash > 0) {
            return new TenantCredential(user.substring(0, slash), user.substring(slash + 1), password);
        }
        return new UsernamePasswordCredential(user, password);
    }
}
