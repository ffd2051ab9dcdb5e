package io.kefu.platform.tenant;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;

/** The industry a tenant picks at sign-up; it decides which industry plugin the tenant starts with. */
public enum Industry {
    EXPRESS, HOTEL, TELECOM, PROPERTY, BANKING, GENERAL;

    /** The value used in the API and in plugin ids: {@code express}, {@code hotel}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Industry parse(String input, String field) {
        if (input == null || input.isBlank()) {
            throw new InvalidInputException(FieldError.of(field, "field.required"));
        }
        for (Industry i : values()) {
            if (i.id().equals(input.trim())) {
                return i;
            }
        }
        throw new InvalidInputException(FieldError.of(field, "tenant.industry.unknown", input.trim(), allowed()));
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Industry::id).collect(Collectors.joining(", "));
    }
}
