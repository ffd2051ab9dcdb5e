package io.kefu.platform.api;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.kefu.platform.i18n.Messages;

/** JAX-RS's own refusals (unknown path, wrong method, unreadable body) in the same problem shape. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        Locale locale = Messages.firstSupported(headers.getAcceptableLanguages());
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null) {
            status = Response.Status.BAD_REQUEST;
        }
        String code = switch (status) {
            case NOT_FOUND -> "resource.not-found";
            case BAD_REQUEST -> "request.malformed";
            case UNAUTHORIZED -> "auth.required";
            case FORBIDDEN -> "auth.forbidden";
            default -> "request.unsupported";
        };
        String reason = e.getCause() != null ? e.getCause().getMessage() : status.getReasonPhrase();
        return Problems.response(status, code, locale, uri.getRequestUri().getPath(), List.of(), reason);
    }
}
