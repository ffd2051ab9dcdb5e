package io.kefu.ui.form;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.shared.HasTooltip;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

import io.kefu.platform.form.FieldDefinition;
import io.kefu.platform.form.FieldType;
import io.kefu.platform.form.Option;
import io.kefu.platform.json.Jsons;

/**
 * One custom field's Vaadin input and its conversion to and from the JSON value the platform
 * stores (the same shapes as the API). Money shows the amount in the field and the currency as
 * its suffix; date-times are edited in the tenant's zone and stored as instants.
 */
final class FieldInput {

    private final FieldDefinition definition;
    private final AbstractField<?, ?> field;
    private final String currency;
    private final ZoneId zone;
    /** The shown value could not be put in this type's input (a mask, or an older definition's value). */
    private boolean unreadable;

    private FieldInput(FieldDefinition definition, AbstractField<?, ?> field, ZoneId zone) {
        this.definition = definition;
        this.field = field;
        this.currency = definition.currency() == null ? DEFAULT_CURRENCY : definition.currency();
        this.zone = zone;
        field.setId("field-" + definition.key());
        if (field instanceof com.vaadin.flow.component.HasSize sized) {
            sized.setWidthFull();
        }
        field.setRequiredIndicatorVisible(definition.required());
        if (definition.type() == FieldType.MONEY && field instanceof BigDecimalField amount) {
            amount.setSuffixComponent(new Span(currency));
        }
    }

    /** Money without a currency in its definition is in yuan, as the platform's definitions default. */
    static final String DEFAULT_CURRENCY = "CNY";

    static FieldInput of(FieldDefinition d, ZoneId zone) {
        AbstractField<?, ?> field = switch (d.type()) {
            case TEXT, PHONE, EMAIL, IDENTIFIER -> {
                TextField t = new TextField();
                t.setClearButtonVisible(true);
                if (d.example() != null) {
                    t.setPlaceholder(d.example());
                }
                yield t;
            }
            case LONG_TEXT -> new TextArea();
            case NUMBER, MONEY -> new BigDecimalField();
            case DATE -> new DatePicker();
            case DATE_TIME -> new DateTimePicker();
            case SINGLE_CHOICE -> {
                ComboBox<String> c = new ComboBox<>();
                c.setItems(d.options().stream().map(Option::value).toList());
                c.setClearButtonVisible(true);
                yield c;
            }
            case MULTI_CHOICE -> {
                MultiSelectComboBox<String> c = new MultiSelectComboBox<>();
                c.setItems(d.options().stream().map(Option::value).toList());
                yield c;
            }
            case BOOLEAN -> new Checkbox();
        };
        return new FieldInput(d, field, zone);
    }

    FieldDefinition definition() {
        return definition;
    }

    String key() {
        return definition.key();
    }

    Component component() {
        return field;
    }

    /** Labels, help and option labels in the UI's language. */
    void relabel(Locale locale) {
        String label = definition.label().in(locale);
        String help = definition.help() == null ? null : definition.help().in(locale);
        if (field instanceof Checkbox c) {
            c.setLabel(label);
        } else if (field instanceof com.vaadin.flow.component.HasLabel l) {
            l.setLabel(label);
        }
        if (field instanceof com.vaadin.flow.component.HasHelper h) {
            h.setHelperText(help);
        }
        if (help != null && field instanceof HasTooltip t && field instanceof Checkbox) {
            t.setTooltipText(help);
        }
        if (field instanceof ComboBox<?> c) {
            @SuppressWarnings("unchecked")
            ComboBox<String> combo = (ComboBox<String>) c;
            combo.setItemLabelGenerator(v -> definition.option(v).map(o -> o.label().in(locale)).orElse(v));
        } else if (field instanceof MultiSelectComboBox<?> c) {
            @SuppressWarnings("unchecked")
            MultiSelectComboBox<String> combo = (MultiSelectComboBox<String>) c;
            combo.setItemLabelGenerator(v -> definition.option(v).map(o -> o.label().in(locale)).orElse(v));
        }
    }

    /** The value as the platform stores it; null when empty. */
    JsonValue read() {
        Object v = field.getValue();
        return switch (definition.type()) {
            case TEXT, LONG_TEXT, PHONE, EMAIL, IDENTIFIER -> v == null || v.toString().isBlank() ? null : Jsons.createValue(v.toString());
            case NUMBER -> v == null ? null : Jsons.createValue((BigDecimal) v);
            case MONEY -> v == null ? null
                    : Jsons.createObjectBuilder().add("amount", ((BigDecimal) v).toPlainString()).add("currency", currency).build();
            case DATE -> v == null ? null : Jsons.createValue(v.toString());
            case DATE_TIME -> v == null ? null : Jsons.createValue(((LocalDateTime) v).atZone(zone).toInstant().toString());
            case SINGLE_CHOICE -> v == null ? null : Jsons.createValue((String) v);
            case MULTI_CHOICE -> {
                Set<?> picked = (Set<?>) v;
                if (picked == null || picked.isEmpty()) {
                    yield null;
                }
                JsonArrayBuilder a = Jsons.createArrayBuilder();
                // The definition's order, as the platform stores it: equal selections compare equal.
                definition.options().stream().map(Option::value).filter(picked::contains).forEach(a::add);
                yield a.build();
            }
            case BOOLEAN -> Boolean.TRUE.equals(v) ? JsonValue.TRUE : JsonValue.FALSE;
        };
    }

    /**
     * Shows a stored (or masked) value. A masked personal-data value of a non-text type shows in a
     * text-less way: the field is left empty and read-only, since editing a mask means nothing.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void write(JsonValue value) {
        AbstractField raw = field;
        unreadable = false;
        if (value == null || value == JsonValue.NULL) {
            raw.setValue(field.getEmptyValue());
            return;
        }
        try {
            switch (definition.type()) {
                case TEXT, LONG_TEXT, PHONE, EMAIL, IDENTIFIER -> raw.setValue(text(value));
                case NUMBER -> raw.setValue(value instanceof JsonNumber n ? n.bigDecimalValue() : new BigDecimal(text(value)));
                case MONEY -> raw.setValue(value instanceof JsonObject o ? new BigDecimal(text(o.get("amount"))) : null);
                case DATE -> raw.setValue(LocalDate.parse(text(value)));
                case DATE_TIME -> raw.setValue(LocalDateTime.ofInstant(Instant.parse(text(value)), zone));
                case SINGLE_CHOICE -> raw.setValue(text(value));
                case MULTI_CHOICE -> {
                    Set<String> picked = new LinkedHashSet<>();
                    if (value instanceof JsonArray a) {
                        a.forEach(item -> picked.add(text(item)));
                    }
                    raw.setValue(picked);
                }
                case BOOLEAN -> raw.setValue(value == JsonValue.TRUE);
            }
        } catch (RuntimeException notThisType) {
            // A value stored under an older definition (or masked) that this type cannot show:
            // left empty and read-only rather than overwritten by accident.
            raw.setValue(field.getEmptyValue());
            unreadable = true;
            field.setReadOnly(true);
        }
    }

    void setReadOnly(boolean readOnly) {
        field.setReadOnly(readOnly || unreadable);
    }

    boolean isVisible() {
        return field.isVisible();
    }

    void setVisible(boolean visible) {
        field.setVisible(visible);
    }

    /** Shows an error on the field; null clears it. */
    void showError(String message) {
        if (field instanceof HasValidation v) {
            v.setErrorMessage(message);
            v.setInvalid(message != null);
        }
    }

    String error() {
        return field instanceof HasValidation v && v.isInvalid() ? v.getErrorMessage() : null;
    }

    Registration onChange(Runnable listener) {
        return field.addValueChangeListener(e -> listener.run());
    }

    private static String text(JsonValue v) {
        return v instanceof JsonString s ? s.getString() : String.valueOf(v);
    }
}
