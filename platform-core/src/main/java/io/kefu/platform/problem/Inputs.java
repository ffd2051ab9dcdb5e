package io.kefu.platform.problem;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parsers for common client input, each refusing with a field error instead of an exception trace. */
public final class Inputs {

    private Inputs() {
    }

    /** An enum constant by its name (case-insensitive); null or blank gives {@code fallback}, or a required-field error when that is null. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String input, String field, E fallback) {
        if (input == null || input.isBlank()) {
            if (fallback != null) {
                return fallback;
            }
            throw new InvalidInputException(FieldError.of(field, "field.required"));
        }
        try {
            return Enum.valueOf(type, input.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw new InvalidInputException(FieldError.of(field, "field.value.unknown", input.trim(), allowed));
        }
    }

    /** Trimmed text of at most {@code max} characters; blank is null, or a required-field error when required. */
    public static String text(String input, String field, int max, boolean required) {
        String v = input == null ? null : input.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                throw new InvalidInputException(FieldError.of(field, "field.required"));
            }
            return null;
        }
        if (v.length() > max) {
            throw new InvalidInputException(FieldError.of(field, "field.too-long", max));
        }
        return v;
    }

    public static int intInRange(Integer input, String field, int min, int max) {
        if (input == null) {
            throw new InvalidInputException(FieldError.of(field, "field.required"));
        }
        if (input < min || input > max) {
            throw new InvalidInputException(FieldError.of(field, "field.out-of-range", min, max));
        }
        return input;
    }

    /** A non-negative amount of money with at most two decimals. */
    public static BigDecimal amount(BigDecimal input, String field) {
        if (input == null) {
            throw new InvalidInputException(FieldError.of(field, "field.required"));
        }
        if (input.signum() < 0 || input.scale() > 2 || input.precision() - input.scale() > 12) {
            throw new InvalidInputException(FieldError.of(field, "money.amount.invalid", input.toPlainString()));
        }
        return input.setScale(2);
    }

    /** An ISO 4217 currency code such as CNY. */
    public static String currency(String input, String field) {
        String v = input == null ? "" : input.trim().toUpperCase(Locale.ROOT);
        try {
            return java.util.Currency.getInstance(v).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(FieldError.of(field, "money.currency.invalid", v));
        }
    }
}
