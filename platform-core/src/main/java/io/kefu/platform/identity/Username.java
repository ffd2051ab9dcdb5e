package io.kefu.platform.identity;

import java.util.regex.Pattern;

import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;

/** A user name inside one tenant: letters, digits, {@code . _ -}, 2 to 64 characters. */
public record Username(String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");

    public static Username parse(String input, String field) {
        if (input == null || input.isBlank()) {
            throw new InvalidInputException(FieldError.of(field, "field.required"));
        }
        String v = input.trim();
        if (!VALID.matcher(v).matches()) {
            throw new InvalidInputException(FieldError.of(field, "user.username.invalid", v));
        }
        return new Username(v);
    }
}
