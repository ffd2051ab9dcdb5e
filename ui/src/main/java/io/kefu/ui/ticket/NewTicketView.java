package io.kefu.ui.ticket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import io.kefu.platform.customer.CustomerDetails;
import io.kefu.platform.form.FieldDefinition;
import io.kefu.platform.json.Jsons;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.KefuException;
import io.kefu.platform.ticket.Channel;
import io.kefu.platform.ticket.Priority;
import io.kefu.platform.ticket.TicketKind;
import io.kefu.ui.form.CustomFieldsForm;
import io.kefu.ui.layout.MainLayout;

/**
 * Records a new ticket: kind, subject, description, customer (found by name or phone), category,
 * priority, channel, and the custom fields of the forms that apply to the kind and category,
 * which follow those choices without losing what was typed. Created through the same path as
 * {@code POST /v1/tickets}; errors land on their fields; on success the new ticket opens.
 */
@Route(value = "tickets/new", layout = MainLayout.class)
public class NewTicketView extends VerticalLayout implements HasDynamicTitle, LocaleChangeObserver {

    private final TicketDesk desk;

    private final H2 heading = new H2();
    private final Div error = new Div();
    private final Select<TicketKind> kind = new Select<>();
    private final TextField subject = new TextField();
    private final TextArea description = new TextArea();
    private final ComboBox<CustomerDetails> customer = new ComboBox<>();
    private final ComboBox<String> category = new ComboBox<>();
    private final Select<Priority> priority = new Select<>();
    private final Select<Channel> channel = new Select<>();
    private final Div fieldsHolder = new Div();
    private CustomFieldsForm fields = new CustomFieldsForm(List.of());
    private final Button create = new Button();
    private List<JsonObject> categories = List.of();

    @Inject
    public NewTicketView(TicketDesk desk) {
        this.desk = desk;
        setId("new-ticket-view");
        setMaxWidth("56rem");
        heading.addClassNames(LumoUtility.FontSize.XLARGE);
        error.setId("new-error");
        error.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.Background.ERROR_10, LumoUtility.Padding.SMALL,
                LumoUtility.BorderRadius.MEDIUM);
        error.setVisible(false);
        error.setWidthFull();
        error.addClassNames(LumoUtility.BoxSizing.BORDER);

        kind.setId("new-kind");
        kind.setItems(TicketKind.values());
        kind.setValue(TicketKind.INQUIRY);
        kind.addValueChangeListener(e -> {
            filterCategories();
            rebuildFields();
        });
        subject.setId("new-subject");
        subject.setRequired(true);
        subject.setMaxLength(io.kefu.platform.ticket.TicketRequests.SUBJECT_MAX);
        description.setId("new-description");
        description.setMinHeight("8rem");
        customer.setId("new-customer");
        customer.setClearButtonVisible(true);
        customer.setItems(query -> query.getOffset() > 0 ? java.util.stream.Stream.empty()
                : desk.findCustomers(query.getFilter().orElse("").strip()).stream().limit(query.getLimit()));
        customer.setItemLabelGenerator(c -> c.grade() == null ? c.name() : c.name() + " · " + c.grade());
        category.setId("new-category");
        category.setClearButtonVisible(true);
        category.addValueChangeListener(e -> rebuildFields());
        priority.setId("new-priority");
        priority.setItems(Priority.values());
        priority.setValue(Priority.NORMAL);
        channel.setId("new-channel");
        channel.setItems(Channel.values());
        channel.setValue(Channel.PHONE);
        create.setId("create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> create());

        FormLayout form = new FormLayout(kind, category, subject, customer, priority, channel, description);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        form.setColspan(subject, 2);
        form.setColspan(description, 2);
        fieldsHolder.setWidthFull();
        add(heading, error, form, fieldsHolder, create);

        categories = desk.categories();
        filterCategories();
        rebuildFields();
        relabel();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ticket.new.page-title");
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        relabel();
    }

    private void filterCategories() {
        TicketKind k = kind.getValue();
        List<String> codes = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonObject c : categories) {
            boolean forKind = !(c.get("kinds") instanceof jakarta.json.JsonArray kinds) || kinds.isEmpty()
                    || kinds.stream().anyMatch(v -> v instanceof JsonString s && k != null && s.getString().equals(k.name()));
            if (forKind) {
                codes.add(c.getString("code"));
                names.put(c.getString("code"), CannedReplies.text(c, "name", getLocale(), c.getString("code")));
            }
        }
        String picked = category.getValue();
        category.setItems(codes);
        category.setItemLabelGenerator(code -> names.getOrDefault(code, code));
        category.setValue(codes.contains(picked) ? picked : null);
    }

    /** The forms that apply to the kind and category now; values typed so far stay where the field stays. */
    private void rebuildFields() {
        JsonObject typed = fields.values();
        List<FieldDefinition> defs = kind.getValue() == null ? List.of() : desk.fields(kind.getValue(), category.getValue());
        fields = new CustomFieldsForm(defs);
        fields.setId("new-fields");
        JsonObjectBuilder kept = Jsons.createObjectBuilder();
        defs.forEach(d -> {
            if (typed.containsKey(d.key())) {
                kept.add(d.key(), typed.get(d.key()));
            }
        });
        fields.show(kept.build(), null);
        fieldsHolder.removeAll();
        fieldsHolder.add(fields);
        fieldsHolder.setVisible(!fields.isEmpty());
    }

    /** The same JSON as {@code POST /v1/tickets}. */
    JsonObject body() {
        JsonObjectBuilder b = Jsons.createObjectBuilder();
        if (kind.getValue() != null) {
            b.add("kind", kind.getValue().name());
        }
        b.add("subject", subject.getValue());
        if (!description.getValue().isBlank()) {
            b.add("description", description.getValue());
        }
        if (customer.getValue() != null) {
            b.add("customer", customer.getValue().id());
        }
        if (category.getValue() != null) {
            b.add("category", category.getValue());
        }
        if (priority.getValue() != null) {
            b.add("priority", priority.getValue().name());
        }
        if (channel.getValue() != null) {
            b.add("channel", channel.getValue().name());
        }
        JsonObject values = fields.values();
        if (!values.isEmpty()) {
            b.add("fields", values);
        }
        return b.build();
    }

    private void create() {
        clearErrors();
        try {
            String number = desk.create(body());
            getUI().ifPresent(ui -> ui.navigate("tickets/" + number));
        } catch (InvalidInputException e) {
            List<String> others = new ArrayList<>();
            for (FieldError f : fields.showErrors(e.errors())) {
                String message = getTranslation(f.code(), f.args().toArray());
                HasValidation target = switch (f.field()) {
                    case "kind" -> kind;
                    case "subject" -> subject;
                    case "description" -> description;
                    case "customer" -> customer;
                    case "category" -> category;
                    case "priority" -> priority;
                    case "channel" -> channel;
                    default -> null;
                };
                if (target == null) {
                    others.add(message);
                } else {
                    target.setErrorMessage(message);
                    target.setInvalid(true);
                }
            }
            showError(String.join(" ", others));
        } catch (KefuException e) {
            showError(getTranslation(e.code(), e.args().toArray()));
        }
    }

    private void clearErrors() {
        for (HasValidation f : new HasValidation[] {kind, subject, description, customer, category, priority, channel}) {
            f.setInvalid(false);
        }
        fields.clearErrors();
        showError("");
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(!message.isBlank());
    }

    private void relabel() {
        heading.setText(getTranslation("ticket.new.heading"));
        kind.setLabel(getTranslation("ticket.field.kind"));
        kind.setItemLabelGenerator(k -> getTranslation("ticket.kind." + k.name()));
        subject.setLabel(getTranslation("ticket.field.subject"));
        description.setLabel(getTranslation("ticket.field.description"));
        customer.setLabel(getTranslation("ticket.field.customer"));
        customer.setHelperText(getTranslation("ticket.new.customer.helper"));
        category.setLabel(getTranslation("ticket.field.category"));
        priority.setLabel(getTranslation("ticket.field.priority"));
        priority.setItemLabelGenerator(p -> getTranslation("ticket.priority." + p.name()));
        channel.setLabel(getTranslation("ticket.field.channel"));
        channel.setItemLabelGenerator(c -> getTranslation("ticket.channel." + c.name()));
        create.setText(getTranslation("ticket.new.create"));
    }
}
