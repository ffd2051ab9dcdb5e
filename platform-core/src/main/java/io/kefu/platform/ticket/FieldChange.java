package io.kefu.platform.ticket;

/** One field's value before and after a change (as text; null when empty). */
public record FieldChange(String field, String before, String after) {
}
