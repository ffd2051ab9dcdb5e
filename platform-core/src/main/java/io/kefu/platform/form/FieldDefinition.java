package io.kefu.platform.form;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.json.JsonValue;

import io.kefu.platform.ticket.TicketStatus;

/**
 * One custom field as a form defines it (see the shared form-definition format). Built only by
 * {@link FormDocument}, which checks that the members fit together (bounds only where the type
 * has them, options only for choices, a mask only for personal data, a default that is itself
 * a valid value).
 *
 * @param min      NUMBER/MONEY: smallest value; TEXT/LONG_TEXT: shortest length; DATE/DATE_TIME:
 *                 earliest ISO value; otherwise null (kept as the text written in the definition)
 * @param max      the upper counterpart of {@code min}
 * @param defaultValue the value a new ticket gets when none is sent (already normalized); null for none
 * @param mask     how the value is masked; null unless {@code personalData} (then ALL when unset)
 */
public record FieldDefinition(String key, FieldType type, LocalizedText label, LocalizedText help, boolean required,
                              String pattern, String example, boolean personalData, Mask mask, TicketStatus readOnlyFrom,
                              Condition visibleWhen, String min, String max, JsonValue defaultValue, String currency,
                              List<Option> options) {

    public FieldDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(label, "label");
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** The mask applied for people who may not see personal data; empty for other fields. */
    public Optional<Mask> effectiveMask() {
        return personalData ? Optional.of(mask == null ? Mask.ALL : mask) : Optional.empty();
    }

    public Optional<Option> option(String value) {
        return options.stream().filter(o -> o.value().equals(value)).findFirst();
    }

    BigDecimal minNumber() {
        return min == null ? null : new BigDecimal(min);
    }

    BigDecimal maxNumber() {
        return max == null ? null : new BigDecimal(max);
    }

    /** The longest text this field accepts. */
    int maxLength() {
        return type.isText() && max != null ? Integer.parseInt(max) : type.defaultMaxLength();
    }

    int minLength() {
        return type.isText() && min != null ? Integer.parseInt(min) : 0;
    }

    /** Whether a value may no longer change once a ticket is in {@code status}. */
    public boolean isReadOnlyIn(TicketStatus status) {
        return readOnlyFrom != null && status != null && FormValidator.reached(status, readOnlyFrom);
    }
}
