package io.kefu.platform.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects field errors so that one request reports all of them, then throws once.
 */
public final class Validation {

    private final List<FieldError> errors = new ArrayList<>();

    /** Runs {@code parse}; an {@link InvalidInputException} it throws is collected, not thrown. */
    public <T> T check(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    public void reject(String field, String code, Object... args) {
        errors.add(FieldError.of(field, code, args));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
