package io.kefu.ui.ticket;

import java.math.BigDecimal;
import java.util.List;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import io.kefu.platform.json.Jsons;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.ticket.Severity;

/**
 * A complaint's own details (severity, escalation level 一级/二级/三级, root cause, remedy,
 * compensation), edited as the API's {@code complaint} member: sent whole, since the platform
 * replaces all of it. Resolving a complaint needs its root cause, so the agent records it here.
 */
class ComplaintFields extends Composite<FormLayout> {

    private static final String CURRENCY = "CNY";

    private final Select<Severity> severity = new Select<>();
    private final Select<Integer> level = new Select<>();
    private final TextField rootCause = new TextField();
    private final TextArea remedy = new TextArea();
    private final BigDecimalField compensation = new BigDecimalField();
    private String currency = CURRENCY;

    ComplaintFields() {
        severity.setId("complaint-severity");
        severity.setItems(Severity.values());
        severity.setEmptySelectionAllowed(true);
        level.setId("complaint-level");
        level.setItems(1, 2, 3);
        level.setEmptySelectionAllowed(true);
        rootCause.setId("complaint-root-cause");
        rootCause.setPlaceholder("delivery.delay");
        remedy.setId("complaint-remedy");
        compensation.setId("complaint-compensation");
        compensation.setSuffixComponent(new Span(CURRENCY));
        FormLayout layout = getContent();
        layout.add(severity, level, rootCause, compensation, remedy);
        layout.setColspan(remedy, 2);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
    }

    void relabel() {
        severity.setLabel(getTranslation("ticket.complaint.severity"));
        severity.setItemLabelGenerator(s -> s == null ? "—" : getTranslation("ticket.complaint.severity." + s.name()));
        level.setLabel(getTranslation("ticket.complaint.level"));
        level.setItemLabelGenerator(l -> l == null ? "—" : getTranslation("ticket.complaint.level." + l));
        rootCause.setLabel(getTranslation("ticket.complaint.root-cause"));
        rootCause.setHelperText(getTranslation("ticket.complaint.root-cause.helper"));
        remedy.setLabel(getTranslation("ticket.complaint.remedy"));
        compensation.setLabel(getTranslation("ticket.complaint.compensation"));
    }

    /** Shows the ticket's {@code complaint} member (null: not a complaint). */
    void show(JsonObject complaint) {
        JsonObject c = complaint == null ? JsonValue.EMPTY_JSON_OBJECT : complaint;
        severity.setValue(c.get("severity") instanceof JsonString s ? Severity.valueOf(s.getString()) : null);
        level.setValue(c.get("escalationLevel") instanceof JsonNumber n ? n.intValue() : null);
        rootCause.setValue(c.get("rootCause") instanceof JsonString s ? s.getString() : "");
        remedy.setValue(c.get("remedy") instanceof JsonString s ? s.getString() : "");
        if (c.get("compensation") instanceof JsonObject money) {
            compensation.setValue(new BigDecimal(io.kefu.platform.form.FormValidator.text(money.get("amount"))));
            currency = money.getString("currency", CURRENCY);
        } else {
            compensation.setValue(null);
            currency = CURRENCY;
        }
        for (HasValidation f : inputs()) {
            f.setInvalid(false);
        }
    }

    /** The member as the patch sends it: whole. */
    JsonObject value() {
        JsonObjectBuilder b = Jsons.createObjectBuilder();
        if (severity.getValue() == null) {
            b.addNull("severity");
        } else {
            b.add("severity", severity.getValue().name());
        }
        if (level.getValue() == null) {
            b.addNull("escalationLevel");
        } else {
            b.add("escalationLevel", level.getValue());
        }
        putText(b, "rootCause", rootCause.getValue());
        putText(b, "remedy", remedy.getValue());
        if (compensation.getValue() == null) {
            b.addNull("compensation");
        } else {
            b.add("compensation", Jsons.createObjectBuilder().add("amount", compensation.getValue()).add("currency", currency));
        }
        return b.build();
    }

    void setReadOnly(boolean readOnly) {
        severity.setReadOnly(readOnly);
        level.setReadOnly(readOnly);
        rootCause.setReadOnly(readOnly);
        remedy.setReadOnly(readOnly);
        compensation.setReadOnly(readOnly);
    }

    /** Puts {@code complaint.*} errors on their inputs; answers whether it was one of them. */
    boolean showError(FieldError e, String message) {
        HasValidation target = switch (e.field()) {
            case "complaint.severity" -> severity;
            case "complaint.escalationLevel" -> level;
            case "complaint.rootCause" -> rootCause;
            case "complaint.remedy" -> remedy;
            case "complaint.compensation", "complaint.compensation.amount", "complaint.compensation.currency" -> compensation;
            default -> null;
        };
        if (target == null) {
            return false;
        }
        target.setErrorMessage(message);
        target.setInvalid(true);
        return true;
    }

    private List<HasValidation> inputs() {
        return List.of(severity, level, rootCause, remedy, compensation);
    }

    private static void putText(JsonObjectBuilder b, String key, String value) {
        if (value == null || value.isBlank()) {
            b.addNull(key);
        } else {
            b.add(key, value.strip());
        }
    }
}
