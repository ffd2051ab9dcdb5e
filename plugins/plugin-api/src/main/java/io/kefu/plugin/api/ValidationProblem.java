package io.kefu.plugin.api;

import java.util.Objects;

/**
 * A plugin's objection to a ticket about to be created: the field (as the API names it, e.g.
 * {@code fields.waybillNo}) and the message in both languages. The host adds it to the
 * problem+json reply with the code {@code plugin.validation}.
 */
@Stable
public record ValidationProblem(String field, Label message) {

    public ValidationProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
