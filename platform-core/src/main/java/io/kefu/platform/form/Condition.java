package io.kefu.platform.form;

import java.util.List;

/**
 * {@code visibleWhen}: the field is shown (and may be required) only while field {@code field}
 * has one of the values {@code equals}. Booleans compare as "true"/"false"; a multiple choice
 * matches when any of its values is listed.
 */
public record Condition(String field, List<String> equals) {

    public Condition {
        equals = List.copyOf(equals);
    }
}
