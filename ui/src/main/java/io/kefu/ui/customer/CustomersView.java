package io.kefu.ui.customer;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;


import jakarta.inject.Inject;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import io.kefu.platform.customer.ContactKind;
import io.kefu.platform.customer.CustomerDetails;
import io.kefu.platform.customer.CustomerFilter;
import io.kefu.platform.customer.CustomerPage;
import io.kefu.platform.customer.CustomerQuery;
import io.kefu.platform.customer.CustomerStatus;
import io.kefu.platform.customer.CustomerType;
import io.kefu.platform.customer.Customers;
import io.kefu.platform.customer.PageCursor;
import io.kefu.platform.identity.Role;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.ui.layout.MainLayout;
import io.kefu.ui.session.CurrentUser;

/**
 * The tenant's customers: a lazy grid over the platform's list (creation order, contacts masked
 * as the platform masks them for everyone), narrowed by text (name or external id, as the
 * platform searches), grade, type and status; a dialog to create one; a row opens its page.
 */
@Route(value = "customers", layout = MainLayout.class)
public class CustomersView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle, LocaleChangeObserver {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Customers customers;
    private final CurrentUser currentUser;

    private final H2 title = new H2();
    private final Button create = new Button(VaadinIcon.PLUS.create());
    private final TextField search = new TextField();
    private final Select<String> grade = new Select<>();
    private final Select<CustomerType> type = new Select<>();
    private final Select<CustomerStatus> status = new Select<>();
    private final Grid<CustomerDetails> grid = new Grid<>();
    private final Grid.Column<CustomerDetails> nameColumn;
    private final Grid.Column<CustomerDetails> typeColumn;
    private final Grid.Column<CustomerDetails> gradeColumn;
    private final Grid.Column<CustomerDetails> statusColumn;
    private final Grid.Column<CustomerDetails> phoneColumn;
    private final Grid.Column<CustomerDetails> emailColumn;
    private final Grid.Column<CustomerDetails> externalIdColumn;
    private final Grid.Column<CustomerDetails> createdColumn;
    private final KeysetPages<CustomerDetails, String> pages;
    /** The checked filter the grid shows; replaced only by a filter the platform accepts. */
    private CustomerQuery filter = new CustomerQuery(CustomerFilter.ALL, null, CustomerQuery.MAX_LIMIT);

    @Inject
    public CustomersView(Customers customers, CurrentUser currentUser) {
        this.customers = customers;
        this.currentUser = currentUser;
        setSizeFull();
        setPadding(true);

        title.setId("customers-title");
        title.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.Margin.NONE);
        create.setId("new-customer");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openCreateDialog());
        HorizontalLayout header = new HorizontalLayout(title, create);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(title);

        search.setId("customer-search");
        search.setClearButtonVisible(true);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMinWidth("16rem");
        search.addValueChangeListener(e -> applyFilter());
        grade.setId("customer-grade-filter");
        grade.setEmptySelectionAllowed(true);
        grade.addValueChangeListener(e -> applyFilter());
        type.setId("customer-type-filter");
        type.setEmptySelectionAllowed(true);
        type.setItems(CustomerType.values());
        type.addValueChangeListener(e -> applyFilter());
        status.setId("customer-status-filter");
        status.setEmptySelectionAllowed(true);
        status.setItems(CustomerStatus.values());
        status.addValueChangeListener(e -> applyFilter());
        FlexLayout filters = new FlexLayout(search, grade, type, status);
        filters.setId("customer-filters");
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassNames(LumoUtility.Gap.MEDIUM, LumoUtility.AlignItems.BASELINE);

        grid.setId("customers-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        nameColumn = grid.addColumn(c -> c.erased() ? getTranslation("customer.erased.name") : c.name()).setFlexGrow(2).setKey("name");
        typeColumn = grid.addColumn(c -> getTranslation(typeKey(c.type()))).setKey("type").setAutoWidth(true);
        gradeColumn = grid.addColumn(c -> c.grade() == null ? "" : c.grade()).setKey("grade").setAutoWidth(true);
        statusColumn = grid.addColumn(c -> getTranslation(statusKey(c.status()))).setKey("status").setAutoWidth(true);
        phoneColumn = grid.addColumn(c -> primary(c, ContactKind.PHONE)).setKey("phone").setAutoWidth(true);
        emailColumn = grid.addColumn(c -> primary(c, ContactKind.EMAIL)).setKey("email").setAutoWidth(true);
        externalIdColumn = grid.addColumn(c -> c.externalId() == null ? "" : c.externalId()).setKey("externalId").setAutoWidth(true);
        createdColumn = grid.addColumn(c -> DATE.format(c.createdAt().atZoneSameInstant(ZoneId.systemDefault())))
                .setKey("created").setAutoWidth(true);
        grid.addItemClickListener(e -> grid.getUI().ifPresent(ui -> ui.navigate("customers/" + e.getItem().id())));
        pages = new KeysetPages<>(CustomerQuery.MAX_LIMIT, this::read);
        // No count: the platform pages by cursor, the grid grows as it scrolls.
        grid.setItems(q -> pages.fetch(q.getOffset(), q.getLimit()));
        grid.setSizeFull();

        add(header, filters, grid);
        expand(grid);
    }

    /** Cursors are kept as the platform's opaque text, as an API client keeps them. */
    private KeysetPages.Page<CustomerDetails, String> read(String after, int limit) {
        CustomerPage page = customers.list(new CustomerQuery(filter.filter(), PageCursor.decode(after, "cursor"), limit));
        return new KeysetPages.Page<>(page.items(), page.next() == null ? null : page.next().encode());
    }

    /** The filter as the platform reads it; a refused one keeps the grid as it is, the error on its field. */
    private void applyFilter() {
        search.setInvalid(false);
        grade.setInvalid(false);
        try {
            filter = CustomerQuery.parse(search.getValue(), grade.getValue(), status.getValue() == null ? null : status.getValue().name(),
                    type.getValue() == null ? null : type.getValue().name(), null, String.valueOf(CustomerQuery.MAX_LIMIT));
        } catch (InvalidInputException e) {
            for (FieldError error : e.errors()) {
                if (error.field().equals("grade")) {
                    grade.setErrorMessage(getTranslation(error.code(), error.args().toArray()));
                    grade.setInvalid(true);
                } else {
                    search.setErrorMessage(getTranslation(error.code(), error.args().toArray()));
                    search.setInvalid(true);
                }
            }
            return;
        }
        pages.reset();
        grid.getDataProvider().refreshAll();
    }

    private void openCreateDialog() {
        boolean mayGrade = currentUser.tenantUser().map(u -> u.role() != Role.AGENT).orElse(false);
        new NewCustomerDialog(customers, mayGrade, grades(),
                created -> getUI().ifPresent(ui -> ui.navigate("customers/" + created.id()))).open();
    }

    private List<String> grades() {
        return customers.grades().codes();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        grade.setItems(grades());
        relabel();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("customer.list.page-title");
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        relabel();
        grid.getDataProvider().refreshAll();
        event.getUI().getPage().setTitle(getPageTitle());
    }

    private void relabel() {
        title.setText(getTranslation("customer.list.title"));
        create.setText(getTranslation("customer.list.new"));
        search.setLabel(getTranslation("customer.list.search"));
        search.setPlaceholder(getTranslation("customer.list.search.placeholder"));
        grade.setLabel(getTranslation("customer.field.grade"));
        grade.setEmptySelectionCaption(getTranslation("customer.list.any"));
        type.setLabel(getTranslation("customer.field.type"));
        type.setEmptySelectionCaption(getTranslation("customer.list.any"));
        type.setItemLabelGenerator(t -> t == null ? getTranslation("customer.list.any") : getTranslation(typeKey(t)));
        status.setLabel(getTranslation("customer.field.status"));
        status.setEmptySelectionCaption(getTranslation("customer.list.any"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("customer.list.any") : getTranslation(statusKey(s)));
        nameColumn.setHeader(getTranslation("customer.field.name"));
        typeColumn.setHeader(getTranslation("customer.field.type"));
        gradeColumn.setHeader(getTranslation("customer.field.grade"));
        statusColumn.setHeader(getTranslation("customer.field.status"));
        phoneColumn.setHeader(getTranslation("customer.contact.PHONE"));
        emailColumn.setHeader(getTranslation("customer.contact.EMAIL"));
        externalIdColumn.setHeader(getTranslation("customer.field.external-id"));
        createdColumn.setHeader(getTranslation("customer.field.created"));
    }

    /** The primary contact of a kind as the platform returned it (masked in lists). */
    static String primary(CustomerDetails c, ContactKind kind) {
        return c.contacts().stream().filter(k -> k.kind() == kind && k.primary()).map(CustomerDetails.Contact::value)
                .findFirst().orElse("");
    }

    static String typeKey(CustomerType type) {
        return "customer.type." + type.name();
    }

    static String statusKey(CustomerStatus status) {
        return "customer.status." + status.name();
    }
}
