package io.kefu.ui.customer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.theme.lumo.LumoUtility;

import io.kefu.platform.customer.ContactKind;
import io.kefu.platform.customer.CustomerDetails;
import io.kefu.platform.customer.CustomerStatus;
import io.kefu.platform.customer.CustomerType;
import io.kefu.platform.customer.Customers;
import io.kefu.platform.customer.NewContact;
import io.kefu.platform.customer.NewCustomer;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.KefuException;

/**
 * Creates a customer through the platform's one create path (same checks, same audit). Each
 * refusal is shown on its field, the rest in a banner; what was typed stays. One
 * Idempotency-Key per dialog: a double click or a retry after a lost answer creates one customer.
 */
class NewCustomerDialog extends Dialog {

    private final Customers customers;
    private final SerializableConsumer<CustomerDetails> onCreated;
    private final String idempotencyKey = UUID.randomUUID().toString();

    final TextField name = new TextField();
    final Select<CustomerType> type = new Select<>();
    final Select<String> grade = new Select<>();
    final Select<CustomerStatus> status = new Select<>();
    final TextField externalId = new TextField();
    final TextField phone = new TextField();
    final EmailField email = new EmailField();
    final Div problem = new Div();
    private final Button save = new Button();
    private final Button cancel = new Button();

    NewCustomerDialog(Customers customers, boolean mayGrade, List<String> grades, SerializableConsumer<CustomerDetails> onCreated) {
        this.customers = customers;
        this.onCreated = onCreated;
        setId("new-customer-dialog");
        setHeaderTitle(getTranslation("customer.new.title"));
        name.setId("new-customer-name");
        name.setLabel(getTranslation("customer.field.name"));
        name.setRequiredIndicatorVisible(true);
        type.setId("new-customer-type");
        type.setLabel(getTranslation("customer.field.type"));
        type.setItems(CustomerType.values());
        type.setItemLabelGenerator(t -> getTranslation(CustomersView.typeKey(t)));
        type.setValue(CustomerType.INDIVIDUAL);
        grade.setId("new-customer-grade");
        grade.setLabel(getTranslation("customer.field.grade"));
        grade.setItems(grades);
        grade.setEmptySelectionAllowed(true);
        grade.setEmptySelectionCaption(getTranslation("customer.grade.none"));
        // Agents may not grade customers (the platform refuses it): the field is not offered.
        grade.setVisible(mayGrade);
        status.setId("new-customer-status");
        status.setLabel(getTranslation("customer.field.status"));
        status.setItems(CustomerStatus.values());
        status.setItemLabelGenerator(s -> getTranslation(CustomersView.statusKey(s)));
        status.setValue(CustomerStatus.CURRENT);
        externalId.setId("new-customer-external-id");
        externalId.setLabel(getTranslation("customer.field.external-id"));
        phone.setId("new-customer-phone");
        phone.setLabel(getTranslation("customer.contact.PHONE"));
        email.setId("new-customer-email");
        email.setLabel(getTranslation("customer.contact.EMAIL"));
        problem.setId("new-customer-problem");
        problem.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL);
        problem.setVisible(false);

        FormLayout form = new FormLayout(name, type, grade, status, externalId, phone, email);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        add(form, problem);

        save.setId("new-customer-save");
        save.setText(getTranslation("customer.new.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        cancel.setId("new-customer-cancel");
        cancel.setText(getTranslation("customer.cancel"));
        cancel.addClickListener(e -> close());
        getFooter().add(cancel, save);
        setWidth("min(40rem, 95vw)");
    }

    void save() {
        clearErrors();
        List<NewContact> contacts = new ArrayList<>();
        Map<String, HasValidation> contactFields = new HashMap<>();
        if (!phone.getValue().isBlank()) {
            contactFields.put("contacts[" + contacts.size() + "]", phone);
            contacts.add(new NewContact(ContactKind.PHONE.name(), phone.getValue(), null, true, null));
        }
        if (!email.getValue().isBlank()) {
            contactFields.put("contacts[" + contacts.size() + "]", email);
            contacts.add(new NewContact(ContactKind.EMAIL.name(), email.getValue(), null, true, null));
        }
        NewCustomer in = new NewCustomer(type.getValue() == null ? null : type.getValue().name(), name.getValue(),
                grade.isVisible() ? grade.getValue() : null, status.getValue() == null ? null : status.getValue().name(),
                externalId.getValue(), contacts, null);
        try {
            CustomerDetails created = customers.create(in, idempotencyKey).customer();
            close();
            onCreated.accept(created);
        } catch (InvalidInputException e) {
            List<String> elsewhere = new ArrayList<>();
            for (FieldError error : e.errors()) {
                String message = getTranslation(error.code(), error.args().toArray());
                HasValidation field = field(error.field(), contactFields);
                if (field == null) {
                    elsewhere.add(error.field() + ": " + message);
                } else {
                    field.setErrorMessage(message);
                    field.setInvalid(true);
                }
            }
            if (!elsewhere.isEmpty()) {
                showProblem(String.join(" · ", elsewhere));
            }
        } catch (KefuException e) {
            String message = getTranslation(e.code(), e.args().toArray());
            if (e.code().equals("customer.external-id.taken")) {
                externalId.setErrorMessage(message);
                externalId.setInvalid(true);
            } else {
                showProblem(message);
            }
        }
    }

    private HasValidation field(String path, Map<String, HasValidation> contactFields) {
        return switch (path) {
            case "name" -> name;
            case "type" -> type;
            case "grade" -> grade;
            case "status" -> status;
            case "externalId" -> externalId;
            default -> path.startsWith("contacts[") && path.contains("]")
                    ? contactFields.get(path.substring(0, path.indexOf(']') + 1)) : null;
        };
    }

    private void showProblem(String message) {
        problem.setText(message);
        problem.setVisible(true);
    }

    private void clearErrors() {
        for (HasValidation f : new HasValidation[] {name, type, grade, status, externalId, phone, email}) {
            f.setInvalid(false);
        }
        problem.setVisible(false);
    }
}
