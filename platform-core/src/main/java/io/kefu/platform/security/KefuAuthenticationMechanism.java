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
import io.kefu.platform.token.TokenSecret;

/**
 * Kefu's one authentication mechanism (Jakarta Security), run by the container before every
 * request:
 * <ul>
 * <li>a login from the UI ({@code SecurityContext.authenticate} with a {@link TenantCredential})
 *     is validated, the session id renewed and the caller kept in the HTTP session;</li>
 * <li>{@code Authorization: Basic} is validated per request without a session: {@code tenant/user}
 *     for tenant users, a bare name for operators;</li>
 * <li>{@code Authorization: Bearer} with an API token is validated per request without a session;
 *     the token alone names the tenant and the user it acts as;</li>
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
    private static final String BEARER = "Bearer ";

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

        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            Credential credential = bearerCredential(authorization);
            if (credential == null) {
                // Malformed: not looked up; the resource answers 401 with a Bearer challenge.
                return context.doNothing();
            }
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
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

    /**
     * The API token of an {@code Authorization: Bearer <token>} header (scheme case-insensitive,
     * RFC 6750), or null when the header is not that or the token is not shaped like one of ours.
     */
    static Credential bearerCredential(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).strip();
        return TokenSecret.isWellFormed(token) ? new BearerCredential(token) : null;
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
