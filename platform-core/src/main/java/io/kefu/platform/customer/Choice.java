package io.kefu.platform.customer;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;

/** Reads one of an enum's values as a client writes it (its name, any case), or refuses with a field error. */
final class Choice {

    static final String UNKNOWN = "customer.choice.unknown";

    private Choice() {
    }

    /** {@code null} when the input is null or blank. */
    static <E extends Enum<E>> E parseOptional(Class<E> type, String input, String field) {
        if (input == null || input.isBlank()) {
            return null;
        }
        String v = input.trim().toUpperCase(Locale.ROOT);
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(FieldError.of(field, UNKNOWN, input.trim(), names(type)));
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String input, String field) {
        E e = parseOptional(type, input, field);
        if (e == null) {
            throw new InvalidInputException(FieldError.of(field, "field.required"));
        }
        return e;
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
