package io.kefu.platform.api;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.Response;

import io.kefu.platform.i18n.Messages;
import io.kefu.platform.problem.FieldError;

/** Builds problem+json responses; the one shape every error of the API takes. */
public final class Problems {

    private static final String TYPE_BASE = "https://kefu.io/problems/";

    private Problems() {
    }

    public static Response response(Response.Status status, String code, Locale locale, String instance,
                                    List<FieldError> fieldErrors, Object... args) {
        List<Problem.Error> errors = fieldErrors.isEmpty() ? null : fieldErrors.stream()
                .map(e -> new Problem.Error(e.field(), e.code(), Messages.get(locale, e.code(), e.args().toArray())))
                .toList();
        String detail = errors != null && errors.size() == 1 ? errors.get(0).message() : Messages.get(locale, code, args);
        Problem problem = new Problem(TYPE_BASE + code, Messages.get(locale, code, args), status.getStatusCode(),
                code, detail, instance, errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
