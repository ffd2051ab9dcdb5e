package io.kefu.platform.api;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ext.Provider;

import io.kefu.platform.i18n.Messages;
import io.kefu.platform.identity.Caller;
import io.kefu.platform.security.CallerContext;

/**
 * Default deny for the REST API: a resource method answers only when it (or its class) says
 * {@code @PermitAll} or {@code @RolesAllowed} with one of the caller's groups. No caller: 401;
 * a caller without the role: 403.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AccessControlFilter implements ContainerRequestFilter {

    /** The {@code WWW-Authenticate} value of a 401 to a request without a Bearer token. */
    public static final String CHALLENGE = "Basic realm=\"kefu\"";
    /** The {@code WWW-Authenticate} value of a 401 to a request that sent a Bearer token (RFC 6750). */
    public static final String BEARER_CHALLENGE = "Bearer realm=\"kefu\", error=\"invalid_token\"";

    @Context
    ResourceInfo resource;

    @Inject
    CallerContext callers;

    @Override
    public void filter(ContainerRequestContext request) {
        Class<?> type = declaringClass(resource.getResourceClass());
        Method method = declaredMethod(type, resource.getResourceMethod());
        if (permitted(method) || (!restricted(method) && permitted(type))) {
            return;
        }
        List<String> allowed = rolesAllowed(type, method);
        Caller caller = callers.current().orElse(null);
        var locale = Messages.firstSupported(request.getAcceptableLanguages());
        String path = request.getUriInfo().getRequestUri().getPath();
        if (caller == null) {
            Response r = Problems.response(Response.Status.UNAUTHORIZED, "auth.required", locale, path, List.of());
            request.abortWith(Response.fromResponse(r)
                    .header(HttpHeaders.WWW_AUTHENTICATE, challenge(request.getHeaderString(HttpHeaders.AUTHORIZATION))).build());
        } else if (allowed.stream().noneMatch(caller.groups()::contains)) {
            request.abortWith(Problems.response(Response.Status.FORBIDDEN, "auth.forbidden", locale, path, List.of()));
        }
    }

    /**
     * The challenge of a 401: Bearer when the client sent a Bearer token (it was unknown,
     * revoked or malformed, else the request would be authenticated), otherwise Basic.
     */
    public static String challenge(String authorization) {
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer", 0, 6)
                && (authorization.length() == 6 || Character.isWhitespace(authorization.charAt(6)));
        return bearer ? BEARER_CHALLENGE : CHALLENGE;
    }

    private static List<String> rolesAllowed(Class<?> type, Method method) {
        RolesAllowed onMethod = method == null ? null : method.getAnnotation(RolesAllowed.class);
        RolesAllowed r = onMethod != null ? onMethod : type.getAnnotation(RolesAllowed.class);
        return r == null ? List.of() : Arrays.asList(r.value());
    }

    /** The resource class as written, not the CDI proxy subclass (annotations are not inherited). */
    static Class<?> declaringClass(Class<?> type) {
        Class<?> c = type;
        while (c != null && c != Object.class) {
            if (c.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                return c;
            }
            c = c.getSuperclass();
        }
        return type;
    }

    static Method declaredMethod(Class<?> type, Method invoked) {
        if (invoked == null) {
            return null;
        }
        try {
            return type.getDeclaredMethod(invoked.getName(), invoked.getParameterTypes());
        } catch (NoSuchMethodException e) {
            return invoked;
        }
    }

    private static boolean permitted(AnnotatedElement e) {
        return e != null && e.isAnnotationPresent(PermitAll.class);
    }

    private static boolean restricted(AnnotatedElement e) {
        return e != null && e.isAnnotationPresent(RolesAllowed.class);
    }
}
