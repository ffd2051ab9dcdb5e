package io.kefu.ui.form;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;

import io.kefu.platform.form.FieldDefinition;
import io.kefu.platform.form.FormValidator;
import io.kefu.platform.json.Jsons;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.ticket.TicketStatus;

/**
 * Edits the custom fields of one ticket (or customer) as its forms define them. The owner shows
 * values with {@link #show}, reads what the user changed with {@link #changes()} (a merge patch
 * for the API's {@code fields} member) or everything with {@link #values()} (for a new ticket),
 * and hands the platform's field errors to {@link #showErrors}: each lands on its field, keyed
 * {@code fields.<key>} as {@link FormValidator} names them. Fields hidden by {@code visibleWhen}
 * follow the values as they are typed; fields read-only from the record's status cannot change.
 *
 * <p>Personal-data values come masked from the platform unless revealed. Sending a masked value
 * back changes nothing (the platform recognises its own mask), so an untouched masked field is
 * safe. {@link #setRevealAction} adds a button for callers the platform allows to reveal; the
 * action reloads the record with {@code reveal} (which the platform audits) and shows it again.
 */
public class CustomFieldsForm extends Composite<VerticalLayout> implements LocaleChangeObserver {

    /** Kefu's default business time zone (DESIGN.md); date-times are edited in it. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private final Map<String, FieldInput> inputs = new LinkedHashMap<>();
    private final Map<String, FieldDefinition> definitions = new LinkedHashMap<>();
    private final FormLayout layout = new FormLayout();
    private final Button reveal = new Button(VaadinIcon.EYE.create());
    /** The values as last shown (what {@link #changes()} compares with). */
    private Map<String, JsonValue> shown = Map.of();
    private TicketStatus status;
    private boolean readOnly;
    private boolean writing;
    private final List<Runnable> changeListeners = new ArrayList<>();
    private Runnable revealAction;

    /** A form for these fields (as {@code FormDefinitions.ticketFields} returns them, in order). */
    public CustomFieldsForm(List<FieldDefinition> fields) {
        this(fields, DEFAULT_ZONE);
    }

    public CustomFieldsForm(List<FieldDefinition> fields, ZoneId zone) {
        VerticalLayout root = getContent();
        root.setPadding(false);
        root.setSpacing(false);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        for (FieldDefinition d : fields) {
            if (definitions.putIfAbsent(d.key(), d) != null) {
                continue;
            }
            FieldInput input = FieldInput.of(d, zone);
            inputs.put(d.key(), input);
            layout.add(input.component());
            if (d.type() == io.kefu.platform.form.FieldType.LONG_TEXT) {
                layout.setColspan(input.component(), 2);
            }
            input.onChange(() -> {
                if (!writing) {
                    input.showError(null);
                    applyVisibility();
                    changeListeners.forEach(Runnable::run);
                }
            });
        }
        reveal.setId("reveal-fields");
        reveal.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        reveal.setVisible(false);
        reveal.addClickListener(e -> {
            if (revealAction != null) {
                revealAction.run();
            }
        });
        root.add(layout, reveal);
        applyVisibility();
    }

    /** Whether the form has any field at all (no form applies: the owner may hide the section). */
    public boolean isEmpty() {
        return inputs.isEmpty();
    }

    /**
     * Shows stored values (as the API shows them) of a record in {@code status} (null for a new
     * ticket or a customer: no read-only rule). Clears errors and forgets earlier changes.
     */
    public void show(JsonObject values, TicketStatus status) {
        this.status = status;
        Map<String, JsonValue> now = new HashMap<>();
        if (values != null) {
            values.forEach(now::put);
        }
        writing = true;
        try {
            inputs.values().forEach(i -> {
                i.setReadOnly(false);
                i.write(now.get(i.key()));
                i.showError(null);
            });
        } finally {
            writing = false;
        }
        shown = new HashMap<>();
        inputs.values().forEach(i -> shown.put(i.key(), i.read()));
        applyReadOnly();
        applyVisibility();
    }

    /** Puts one value in (e.g. theirs, when merging with a concurrent change); the field counts as changed if it differs. */
    public void set(String key, JsonValue value) {
        FieldInput input = inputs.get(key);
        if (input != null) {
            writing = true;
            try {
                input.write(value);
            } finally {
                writing = false;
            }
            applyVisibility();
        }
    }

    /** The value a field shows now; empty when there is no such field or it is empty. */
    public Optional<JsonValue> value(String key) {
        return Optional.ofNullable(inputs.get(key)).map(FieldInput::read);
    }

    /** The label of a field in the UI's language (for listing conflicts); the key for unknown ones. */
    public String label(String key) {
        FieldDefinition d = definitions.get(key);
        return d == null ? key : d.label().in(getLocale());
    }

    /** What the user changed since {@link #show}, as a merge patch ({@code null}: cleared). Hidden fields are not sent. */
    public JsonObject changes() {
        JsonObjectBuilder b = Jsons.createObjectBuilder();
        inputs.values().forEach(i -> {
            JsonValue now = i.read();
            if (!Objects.equals(now, shown.get(i.key()))) {
                b.add(i.key(), now == null || !i.isVisible() ? JsonValue.NULL : now);
            }
        });
        return b.build();
    }

    public boolean hasChanges() {
        return !changes().isEmpty();
    }

    /** Every visible field's value (for creating a record); empty fields are left out. */
    public JsonObject values() {
        JsonObjectBuilder b = Jsons.createObjectBuilder();
        inputs.values().stream().filter(FieldInput::isVisible).forEach(i -> {
            JsonValue v = i.read();
            if (v != null) {
                b.add(i.key(), v);
            }
        });
        return b.build();
    }

    /**
     * Shows the errors that belong to these fields ({@code fields.<key>}, also {@code fields.<key>.amount}
     * of money) on them, translated; returns the others for the owner to show.
     */
    public List<FieldError> showErrors(List<FieldError> errors) {
        List<FieldError> others = new ArrayList<>();
        for (FieldError e : errors) {
            Optional<FieldInput> input = inputFor(e.field());
            if (input.isPresent() && input.get().isVisible()) {
                input.get().showError(getTranslation(e.code(), e.args().toArray()));
            } else {
                others.add(e);
            }
        }
        return others;
    }

    /** The error shown on a field, if any (for tests and for focusing the first one). */
    public Optional<String> error(String key) {
        return Optional.ofNullable(inputs.get(key)).map(FieldInput::error);
    }

    public void clearErrors() {
        inputs.values().forEach(i -> i.showError(null));
    }

    /** Everything read-only (e.g. while not editing), on top of the status rule. */
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        applyReadOnly();
    }

    /** Called after each change the user makes (the owner marks the record as being edited). */
    public void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    /**
     * Offers to show personal data in clear: only for callers the platform lets reveal, and only
     * when a personal-data field is present. {@code null} removes the offer.
     */
    public void setRevealAction(Runnable action) {
        revealAction = action;
        reveal.setVisible(action != null && definitions.values().stream().anyMatch(FieldDefinition::personalData));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        relabel();
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        relabel();
    }

    private void relabel() {
        inputs.values().forEach(i -> i.relabel(getLocale()));
        reveal.setText(getTranslation("form.reveal"));
    }

    private Optional<FieldInput> inputFor(String path) {
        if (path == null || !path.startsWith("fields.")) {
            return Optional.empty();
        }
        String rest = path.substring("fields.".length());
        FieldInput exact = inputs.get(rest);
        if (exact != null) {
            return Optional.of(exact);
        }
        int dot = rest.indexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(inputs.get(rest.substring(0, dot)));
    }

    private void applyReadOnly() {
        inputs.values().forEach(i -> i.setReadOnly(readOnly || i.definition().isReadOnlyIn(status)));
    }

    /** Shows the fields whose {@code visibleWhen} holds for the values as typed now. */
    private void applyVisibility() {
        Map<String, JsonValue> now = new HashMap<>();
        inputs.values().forEach(i -> {
            JsonValue v = i.read();
            if (v != null) {
                now.put(i.key(), v);
            }
        });
        Set<String> visible = FormValidator.visible(definitions, now);
        inputs.values().forEach(i -> i.setVisible(visible.contains(i.key())));
    }
}
