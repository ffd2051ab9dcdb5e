package io.kefu.platform.problem;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks a rule; lists every invalid field at once so the user fixes all in one go. */
public class InvalidInputException extends KefuException {

    public static final String CODE = "input.invalid";
    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(CODE, List.of(), "Invalid input: " + errors.stream()
                .map(e -> e.field() + "=" + e.code()).collect(Collectors.joining(", ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one field");
        }
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(FieldError error) {
        this(List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
