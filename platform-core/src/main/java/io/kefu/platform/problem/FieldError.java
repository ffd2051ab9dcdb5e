package io.kefu.platform.problem;

import java.util.List;
import java.util.Objects;

/**
 * One invalid input: the field as the client named it (JSON property or form field), a stable
 * code, and the values its message needs.
 */
public record FieldError(String field, String code, List<Object> args) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
    }

    public static FieldError of(String field, String code, Object... args) {
        return new FieldError(field, code, List.of(args));
    }
}
