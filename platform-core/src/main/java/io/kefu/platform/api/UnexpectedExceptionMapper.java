package io.kefu.platform.api;

import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.kefu.platform.i18n.Messages;

/** Anything else is our fault: logged with a reference the client can quote, never a stack trace in the body. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(RuntimeException e) {
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error " + reference + " on " + uri.getRequestUri(), e);
        return Problems.response(Response.Status.INTERNAL_SERVER_ERROR, "internal.error",
                Messages.firstSupported(headers.getAcceptableLanguages()), uri.getRequestUri().getPath(), List.of(), reference);
    }
}
