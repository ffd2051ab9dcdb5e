package io.kefu.ui.customer;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;

import io.kefu.platform.customer.CustomerDetails;
import io.kefu.platform.customer.CustomerStatus;
import io.kefu.platform.customer.Customers;
import io.kefu.platform.form.FieldDefinition;
import io.kefu.platform.form.FormDefinitions;
import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Role;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.KefuException;
import io.kefu.platform.problem.NotFoundException;
import io.kefu.platform.ticket.Ticket;
import io.kefu.platform.ticket.TicketQuery;
import io.kefu.platform.ticket.TicketService;
import io.kefu.ui.i18n.LabelKeys;
import io.kefu.ui.layout.MainLayout;
import io.kefu.ui.live.TicketFeed;
import io.kefu.ui.live.TicketUpdate;
import io.kefu.ui.session.CurrentUser;

/**
 * One customer: details to edit against the version the user read (someone else saving first
 * leads to a field-by-field merge, nothing typed is lost), contacts masked as the platform masks
 * them with a reveal for supervisors and admins (audited by the platform), custom fields shown
 * read-only, and the customer's tickets, newest first, kept current as tickets change.
 */
@Route(value = "customers/:id", layout = MainLayout.class)
public class CustomerView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle, LocaleChangeObserver {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Numbers of the tickets read into the history that a live update may concern; bounded. */
    private static final int MAX_SHOWN = 500;

    private final Customers customers;
    private final TicketService tickets;
    private final FormDefinitions forms;
    private final TicketFeed feed;
    private final CurrentUser currentUser;

    private final Anchor back = new Anchor("customers", "");
    private final H2 title = new H2();
    private final Span typeBadge = new Span();
    private final Span gradeBadge = new Span();
    private final Span statusBadge = new Span();
    private final Div problem = new Div();
    private final Div notFound = new Div();

    private final H3 detailsTitle = new H3();
    final TextField name = new TextField();
    final Select<String> grade = new Select<>();
    final Select<CustomerStatus> status = new Select<>();
    final TextField externalId = new TextField();
    private final Button save = new Button();
    private final Button reset = new Button();
    private final Div conflict = new Div();

    private final H3 contactsTitle = new H3();
    private final Div contacts = new Div();
    private final Button reveal = new Button(VaadinIcon.EYE.create());
    private final H3 fieldsTitle = new H3();
    private final Div fields = new Div();

    private final H3 ticketsTitle = new H3();
    private final Grid<Ticket> history = new Grid<>();
    private final Grid.Column<Ticket> numberColumn;
    private final Grid.Column<Ticket> subjectColumn;
    private final Grid.Column<Ticket> statusColumn;
    private final Grid.Column<Ticket> priorityColumn;
    private final Grid.Column<Ticket> createdColumn;
    private final KeysetPages<Ticket, String> historyPages;
    /** Concurrent: the live feed's interest reads it without the UI's lock. */
    private final Set<String> shownNumbers = ConcurrentHashMap.newKeySet();

    private Caller.TenantUser user;
    private String customerId;
    private CustomerDetails customer;
    /** What the user's edit started from: the version and values they saw. */
    private CustomerEdit base;
    private long baseVersion;
    private Registration live;

    @Inject
    public CustomerView(Customers customers, TicketService tickets, FormDefinitions forms, TicketFeed feed, CurrentUser currentUser) {
        this.customers = customers;
        this.tickets = tickets;
        this.forms = forms;
        this.feed = feed;
        this.currentUser = currentUser;
        setPadding(true);
        setMaxWidth("72rem");

        back.setId("back-to-customers");
        back.getElement().setAttribute("router-link", true);
        title.setId("customer-title");
        title.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.Margin.NONE);
        typeBadge.setId("customer-type");
        gradeBadge.setId("customer-grade");
        statusBadge.setId("customer-status");
        for (Span badge : new Span[] {typeBadge, gradeBadge, statusBadge}) {
            badge.getElement().getThemeList().add("badge");
        }
        HorizontalLayout header = new HorizontalLayout(title, typeBadge, gradeBadge, statusBadge);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.getStyle().set("flex-wrap", "wrap");
        problem.setId("customer-problem");
        problem.addClassNames(LumoUtility.TextColor.ERROR);
        problem.setVisible(false);
        notFound.setId("customer-not-found");
        notFound.setVisible(false);

        name.setId("customer-name");
        grade.setId("customer-grade-field");
        grade.setEmptySelectionAllowed(true);
        status.setId("customer-status-field");
        status.setItems(CustomerStatus.values());
        externalId.setId("customer-external-id");
        FormLayout form = new FormLayout(name, grade, status, externalId);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        save.setId("customer-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        reset.setId("customer-reset");
        reset.addClickListener(e -> load(false));
        conflict.setId("customer-conflict");
        conflict.addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.MEDIUM, LumoUtility.Background.CONTRAST_5,
                LumoUtility.Border.ALL, LumoUtility.BorderColor.ERROR);
        conflict.setVisible(false);

        contacts.setId("customer-contacts");
        contacts.addClassNames(LumoUtility.Display.GRID, LumoUtility.Gap.Column.LARGE, LumoUtility.Gap.Row.XSMALL);
        contacts.getStyle().set("grid-template-columns", "max-content 1fr");
        reveal.setId("reveal-contacts");
        reveal.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        reveal.addClickListener(e -> revealContacts());
        fields.setId("customer-fields");
        fields.addClassNames(LumoUtility.Display.GRID, LumoUtility.Gap.Column.LARGE, LumoUtility.Gap.Row.XSMALL);
        fields.getStyle().set("grid-template-columns", "max-content 1fr");

        history.setId("customer-tickets");
        numberColumn = history.addComponentColumn(t -> {
            Anchor link = new Anchor("tickets/" + t.number(), t.number());
            link.getElement().setAttribute("router-link", true);
            return link;
        }).setKey("number").setAutoWidth(true);
        subjectColumn = history.addColumn(Ticket::subject).setKey("subject").setFlexGrow(2);
        statusColumn = history.addColumn(t -> getTranslation(LabelKeys.ticketStatus(t.status()))).setKey("status").setAutoWidth(true);
        priorityColumn = history.addColumn(t -> getTranslation(LabelKeys.priority(t.priority()))).setKey("priority").setAutoWidth(true);
        createdColumn = history.addColumn(t -> WHEN.format(t.createdAt().atZoneSameInstant(ZoneId.systemDefault())))
                .setKey("created").setAutoWidth(true);
        historyPages = new KeysetPages<>(TicketQuery.MAX_LIMIT, this::readHistory);
        history.setItems(q -> historyPages.fetch(q.getOffset(), q.getLimit()));
        history.setHeight("24rem");

        add(back, header, problem, notFound, detailsTitle, form, new HorizontalLayout(save, reset), conflict,
                new HorizontalLayout(contactsTitle, reveal), contacts, fieldsTitle, fields, ticketsTitle, history);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        user = currentUser.tenantUser().orElse(null);
        customerId = event.getRouteParameters().get("id").orElse("");
        relabel();
        if (user == null) {
            return;
        }
        grade.setItems(customers.grades().codes());
        load(false);
        // The same view may be reused for another customer: its history starts over.
        refreshHistory();
        if (live == null) {
            // A change to a ticket shown, or one that may have made a ticket this customer's.
            live = feed.subscribe(history, user, update -> shownNumbers.contains(update.number())
                    || update.change().equals("CREATED") || update.change().equals("MATCHED_FIELDS"), this::onTicketUpdate);
        }
    }

    /** Reads the customer (in clear when {@code revealed}) and shows it; the form starts over from it. */
    private void load(boolean revealed) {
        problem.setVisible(false);
        conflict.setVisible(false);
        try {
            customer = customers.get(customerId, revealed);
        } catch (NotFoundException e) {
            showNotFound();
            return;
        }
        base = CustomerEdit.of(customer);
        baseVersion = customer.version();
        fill(base);
        showCustomer();
    }

    private void showNotFound() {
        customer = null;
        notFound.setText(getTranslation("customer.detail.not-found"));
        notFound.setVisible(true);
        for (Component c : new Component[] {title, typeBadge, gradeBadge, statusBadge, detailsTitle, name, grade, status, externalId,
                save, reset, contactsTitle, reveal, contacts, fieldsTitle, fields, ticketsTitle, history}) {
            c.setVisible(false);
        }
    }

    private void fill(CustomerEdit e) {
        clearFieldErrors();
        name.setValue(e.name());
        grade.setValue(e.grade());
        status.setValue(e.status());
        externalId.setValue(e.externalId() == null ? "" : e.externalId());
    }

    private CustomerEdit typed() {
        return new CustomerEdit(name.getValue(), grade.getValue(), status.getValue(), externalId.getValue());
    }

    private void showCustomer() {
        title.setText(customer.erased() ? getTranslation("customer.erased.name") : customer.name());
        typeBadge.setText(getTranslation(CustomersView.typeKey(customer.type())));
        gradeBadge.setText(customer.grade() == null ? getTranslation("customer.grade.none") : customer.grade());
        statusBadge.setText(getTranslation(CustomersView.statusKey(customer.status())));
        boolean editable = !customer.erased();
        name.setReadOnly(!editable);
        status.setReadOnly(!editable);
        externalId.setReadOnly(!editable);
        // Agents may not change a grade (the platform refuses it); they see it.
        grade.setReadOnly(!editable || !maySupervise());
        save.setEnabled(editable);
        showContacts();
        showFields();
    }

    private void showContacts() {
        contacts.removeAll();
        if (customer.contacts().isEmpty()) {
            contacts.add(new Span(getTranslation("customer.contacts.none")));
        }
        int i = 0;
        for (CustomerDetails.Contact c : customer.contacts()) {
            Span kind = new Span(getTranslation("customer.contact." + c.kind().name())
                    + (c.label() == null ? "" : " (" + c.label() + ")"));
            kind.addClassNames(LumoUtility.TextColor.SECONDARY);
            Span value = new Span(c.value() + (c.primary() ? " ★" : ""));
            value.setId("contact-" + i++);
            contacts.add(kind, value);
        }
        reveal.setVisible(maySupervise() && !customer.contactsRevealed() && !customer.contacts().isEmpty());
    }

    private void showFields() {
        fields.removeAll();
        JsonObject values = customer.fields() == null ? null : customer.fields().fields();
        boolean any = values != null && !values.isEmpty();
        fieldsTitle.setVisible(any);
        fields.setVisible(any);
        if (!any) {
            return;
        }
        Map<String, FieldDefinition> defs = forms.customerFields().stream()
                .collect(Collectors.toMap(FieldDefinition::key, d -> d, (a, b) -> a, LinkedHashMap::new));
        for (Map.Entry<String, JsonValue> e : values.entrySet()) {
            FieldDefinition d = defs.get(e.getKey());
            Span label = new Span(d == null ? e.getKey() : d.label().in(getLocale()));
            label.addClassNames(LumoUtility.TextColor.SECONDARY);
            Span value = new Span(display(d, e.getValue(), getLocale()));
            value.setId("field-" + e.getKey());
            fields.add(label, value);
        }
    }

    /** A stored value as text: an option by its label, a list joined, an amount with its currency. */
    static String display(FieldDefinition d, JsonValue v, Locale locale) {
        return switch (v.getValueType()) {
            case STRING -> {
                String s = ((JsonString) v).getString();
                yield d == null ? s : d.option(s).map(o -> o.label().in(locale)).orElse(s);
            }
            case ARRAY -> ((JsonArray) v).stream().map(x -> display(d, x, locale)).collect(Collectors.joining(", "));
            case OBJECT -> ((JsonObject) v).values().stream().map(x -> display(null, x, locale)).collect(Collectors.joining(" "));
            case NULL -> "";
            default -> v.toString();
        };
    }

    private void revealContacts() {
        try {
            CustomerDetails clear = customers.get(customerId, true);
            // Only the contacts and personal fields change: the form keeps what the user typed.
            customer = clear;
            showContacts();
            showFields();
        } catch (KefuException e) {
            showProblem(e);
        }
    }

    void save() {
        problem.setVisible(false);
        clearFieldErrors();
        CustomerEdit mine = typed();
        try {
            customer = customers.change(customerId, mine.changesFrom(base, baseVersion));
            base = CustomerEdit.of(customer);
            baseVersion = customer.version();
            conflict.setVisible(false);
            fill(base);
            showCustomer();
        } catch (InvalidInputException e) {
            for (FieldError error : e.errors()) {
                HasValidation field = field(error.field());
                String message = getTranslation(error.code(), error.args().toArray());
                if (field == null) {
                    problem.setText(message);
                    problem.setVisible(true);
                } else {
                    field.setErrorMessage(message);
                    field.setInvalid(true);
                }
            }
        } catch (KefuException e) {
            switch (e.code()) {
                case "customer.version.conflict" -> showConflict(mine);
                case "customer.external-id.taken" -> {
                    externalId.setErrorMessage(getTranslation(e.code(), e.args().toArray()));
                    externalId.setInvalid(true);
                }
                default -> showProblem(e);
            }
        }
    }

    /**
     * Someone saved first: the form takes what only they changed, keeps what only this user
     * changed, and asks about each field both changed. The next save goes against their version.
     */
    private void showConflict(CustomerEdit mine) {
        CustomerDetails theirs;
        try {
            theirs = customers.get(customerId, customer != null && customer.contactsRevealed());
        } catch (KefuException e) {
            showProblem(e);
            return;
        }
        CustomerEdit theirEdit = CustomerEdit.of(theirs);
        CustomerEdit.Merge merge = CustomerEdit.merge(base, mine, theirEdit);
        customer = theirs;
        base = theirEdit;
        baseVersion = theirs.version();
        fill(merge.merged());
        showCustomer();

        conflict.removeAll();
        conflict.add(new Div(getTranslation("customer.conflict.intro")));
        if (!merge.takenFromTheirs().isEmpty()) {
            Div taken = new Div(getTranslation("customer.conflict.taken",
                    merge.takenFromTheirs().stream().map(this::fieldLabel).collect(Collectors.joining(", "))));
            taken.setId("customer-conflict-taken");
            conflict.add(taken);
        }
        for (CustomerEdit.Field f : merge.conflicts()) {
            RadioButtonGroup<Boolean> choice = new RadioButtonGroup<>();
            choice.setId("conflict-" + f.path);
            choice.setLabel(fieldLabel(f));
            choice.setItems(true, false);
            Object my = mine.get(f);
            Object their = theirEdit.get(f);
            choice.setItemLabelGenerator(keepMine -> getTranslation(keepMine ? "customer.conflict.mine" : "customer.conflict.theirs",
                    shown(f, keepMine ? my : their)));
            choice.setValue(true);
            choice.addValueChangeListener(e -> applyChoice(f, e.getValue() ? my : their));
            conflict.add(choice);
        }
        if (merge.conflicts().isEmpty()) {
            conflict.add(new Div(getTranslation("customer.conflict.no-overlap")));
        }
        conflict.setVisible(true);
    }

    private void applyChoice(CustomerEdit.Field f, Object value) {
        fill(typed().with(f, value));
    }

    private String shown(CustomerEdit.Field f, Object value) {
        if (value == null) {
            return "—";
        }
        return f == CustomerEdit.Field.STATUS ? getTranslation(CustomersView.statusKey((CustomerStatus) value)) : value.toString();
    }

    private String fieldLabel(CustomerEdit.Field f) {
        return getTranslation(switch (f) {
            case NAME -> "customer.field.name";
            case GRADE -> "customer.field.grade";
            case STATUS -> "customer.field.status";
            case EXTERNAL_ID -> "customer.field.external-id";
        });
    }

    private HasValidation field(String path) {
        return switch (path) {
            case "name" -> name;
            case "grade" -> grade;
            case "status" -> status;
            case "externalId" -> externalId;
            default -> null;
        };
    }

    private void clearFieldErrors() {
        for (HasValidation f : new HasValidation[] {name, grade, status, externalId}) {
            f.setInvalid(false);
        }
    }

    private void showProblem(KefuException e) {
        problem.setText(getTranslation(e.code(), e.args().toArray()));
        problem.setVisible(true);
    }

    private boolean maySupervise() {
        return user != null && user.role() != Role.AGENT;
    }

    private KeysetPages.Page<Ticket, String> readHistory(String after, int limit) {
        if (customer == null) {
            return new KeysetPages.Page<>(List.of(), null);
        }
        TicketService.Page page = tickets.list(TicketQuery.parse(null, null, null, null, null, customerId, null, null, null, null,
                "-createdAt", after, limit, null));
        for (Ticket t : page.items()) {
            if (shownNumbers.size() < MAX_SHOWN) {
                shownNumbers.add(t.number());
            }
        }
        return new KeysetPages.Page<>(page.items(), page.nextCursor());
    }

    /**
     * A ticket of this customer changed, or a ticket may have become this customer's (created,
     * or its customer changed): the history is read again. Other tickets cost one lookup at most.
     */
    private void onTicketUpdate(TicketUpdate update) {
        if (customer == null) {
            return;
        }
        boolean concerned = shownNumbers.contains(update.number());
        if (!concerned && (update.change().equals("CREATED") || update.change().equals("MATCHED_FIELDS"))) {
            try {
                concerned = customerId.equals(tickets.get(update.number()).customerId());
            } catch (NotFoundException gone) {
                concerned = false;
            }
        }
        if (concerned) {
            refreshHistory();
        }
    }

    private void refreshHistory() {
        shownNumbers.clear();
        historyPages.reset();
        history.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return customer == null || customer.erased() ? getTranslation("customer.detail.page-title")
                : getTranslation("customer.detail.page-title.named", customer.name());
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        relabel();
        if (customer != null) {
            showCustomer();
        }
        history.getDataProvider().refreshAll();
        event.getUI().getPage().setTitle(getPageTitle());
    }

    private void relabel() {
        back.setText("← " + getTranslation("customer.detail.back"));
        detailsTitle.setText(getTranslation("customer.detail.details"));
        name.setLabel(getTranslation("customer.field.name"));
        grade.setLabel(getTranslation("customer.field.grade"));
        grade.setEmptySelectionCaption(getTranslation("customer.grade.none"));
        status.setLabel(getTranslation("customer.field.status"));
        status.setItemLabelGenerator(s -> getTranslation(CustomersView.statusKey(s)));
        externalId.setLabel(getTranslation("customer.field.external-id"));
        save.setText(getTranslation("customer.detail.save"));
        reset.setText(getTranslation("customer.detail.reset"));
        contactsTitle.setText(getTranslation("customer.detail.contacts"));
        reveal.setText(getTranslation("customer.detail.reveal"));
        fieldsTitle.setText(getTranslation("customer.detail.fields"));
        ticketsTitle.setText(getTranslation("customer.detail.tickets"));
        numberColumn.setHeader(getTranslation("customer.ticket.number"));
        subjectColumn.setHeader(getTranslation("customer.ticket.subject"));
        statusColumn.setHeader(getTranslation("customer.ticket.status"));
        priorityColumn.setHeader(getTranslation("customer.ticket.priority"));
        createdColumn.setHeader(getTranslation("customer.ticket.created"));
    }
}
