package io.kefu.platform.identity;

import java.util.regex.Pattern;

import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;

/** An e-mail address, checked for shape only (delivery proves the rest). */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    public static EmailAddress parse(String input, String field) {
        if (input == null || input.isBlank()) {
            throw new InvalidInputException(FieldError.of(field, "field.required"));
        }
        String v = input.trim();
        if (v.length() > 254 || !SHAPE.matcher(v).matches()) {
            throw new InvalidInputException(FieldError.of(field, "email.invalid", v));
        }
        return new EmailAddress(v);
    }
}
