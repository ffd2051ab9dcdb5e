package io.kefu.platform.identity;

import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;

/** A password being set: at least 8 characters, not only letters or only digits. */
public final class NewPassword {

    public static final int MIN_LENGTH = 8;

    private NewPassword() {
    }

    public static char[] check(String input, String field) {
        if (input == null || input.isEmpty()) {
            throw new InvalidInputException(FieldError.of(field, "field.required"));
        }
        if (input.length() < MIN_LENGTH || input.length() > 200) {
            throw new InvalidInputException(FieldError.of(field, "user.password.length", MIN_LENGTH));
        }
        boolean letter = input.chars().anyMatch(Character::isLetter);
        boolean other = input.chars().anyMatch(ch -> !Character.isLetter(ch));
        if (!letter || !other) {
            throw new InvalidInputException(FieldError.of(field, "user.password.weak"));
        }
        return input.toCharArray();
    }
}
