package io.kefu.platform.api;

import java.io.IOException;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * A request body that cannot be read (malformed JSON, a string where an object belongs) is the
 * client's mistake: 400 {@code request.malformed}, not a 500. Jersey's JSON-B reader reports it
 * as a {@link ProcessingException}, which would otherwise reach {@link UnexpectedExceptionMapper}.
 */
@Provider
public class UnreadableBodyInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (ProcessingException | JsonbException | JsonException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new BadRequestException(cause.getMessage(), cause);
        }
    }
}
