package io.kefu.platform.api;

import java.util.List;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * RFC 9457 problem details, with Kefu's stable {@code code} and, for invalid input, one entry per
 * invalid field. {@code title} and {@code detail} are in the language the client accepts.
 */
@JsonbPropertyOrder({"type", "title", "status", "code", "detail", "instance", "errors"})
public record Problem(String type, String title, int status, String code, String detail, String instance,
                      @JsonbNillable(false) List<Error> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field. */
    public record Error(String field, String code, String message) {
    }
}
