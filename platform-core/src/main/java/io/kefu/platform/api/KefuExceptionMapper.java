package io.kefu.platform.api;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.kefu.platform.i18n.Messages;
import io.kefu.platform.problem.ConflictException;
import io.kefu.platform.problem.ForbiddenException;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.KefuException;
import io.kefu.platform.problem.NotFoundException;
import io.kefu.platform.problem.OperationFailedException;
import io.kefu.platform.problem.UnauthenticatedException;

/** Kefu's refusals as problem+json: 400 for invalid input, 401 (with its challenge), 403, 404, 409, 500. */
@Provider
public class KefuExceptionMapper implements ExceptionMapper<KefuException> {

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(KefuException e) {
        Locale locale = Messages.firstSupported(headers.getAcceptableLanguages());
        String instance = uri.getRequestUri().getPath();
        if (e instanceof InvalidInputException invalid) {
            return Problems.response(Response.Status.BAD_REQUEST, e.code(), locale, instance, invalid.errors());
        }
        if (e instanceof UnauthenticatedException) {
            Response r = Problems.response(Response.Status.UNAUTHORIZED, e.code(), locale, instance, List.of());
            return Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE,
                    AccessControlFilter.challenge(headers.getHeaderString(HttpHeaders.AUTHORIZATION))).build();
        }
        Response.Status status = e instanceof NotFoundException ? Response.Status.NOT_FOUND
                : e instanceof ForbiddenException ? Response.Status.FORBIDDEN
                : e instanceof ConflictException ? Response.Status.CONFLICT
                : e instanceof OperationFailedException ? Response.Status.INTERNAL_SERVER_ERROR
                : Response.Status.BAD_REQUEST;
        return Problems.response(status, e.code(), locale, instance, List.of(), e.args().toArray());
    }
}
