package io.kefu.platform.form;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;

/**
 * Ordering a list by a custom field ({@code sort=field.<key>} or {@code sort=-field.<key>}),
 * through the typed projection. Only tickets that have a value for the field are listed: keyset
 * paging needs a value to continue from (ADR 0006).
 */
public record FieldSort(String key, boolean descending) {

    /** {@code field.<key>} or {@code -field.<key>}; null for any other sort. */
    public static FieldSort parse(String sort) {
        if (sort == null) {
            return null;
        }
        String s = sort.strip();
        boolean desc = s.startsWith("-");
        String name = desc ? s.substring(1) : s;
        if (!name.startsWith("field.")) {
            return null;
        }
        String key = name.substring("field.".length());
        if (!FormDocument.FIELD_KEY.matcher(key).matches()) {
            throw new InvalidInputException(FieldError.of("sort", "form.field.key.invalid", key));
        }
        return new FieldSort(key, desc);
    }

    /** The projection attribute the order reads. */
    public String attribute(FieldType type) {
        if (type == FieldType.MULTI_CHOICE || type == FieldType.LONG_TEXT) {
            throw new InvalidInputException(FieldError.of("sort", "ticket.field.sort.unsupported", type.name()));
        }
        return type.isNumeric() ? "numberValue" : type.isTemporal() ? "timeValue" : "textValue";
    }

    /** A cursor's text back into the attribute's Java type. */
    public Object cursorValue(FieldType type, String text) {
        return switch (attribute(type)) {
            case "numberValue" -> new BigDecimal(text);
            case "timeValue" -> OffsetDateTime.parse(text);
            default -> text;
        };
    }
}
