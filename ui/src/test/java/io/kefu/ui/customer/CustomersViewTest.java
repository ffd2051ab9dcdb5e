package io.kefu.ui.customer;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kefu.platform.security.CallerContext;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.ui.live.TicketFeed;
import io.kefu.platform.customer.CustomerDetails;
import io.kefu.platform.customer.CustomerStatus;
import io.kefu.platform.customer.CustomerType;
import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Role;
import io.kefu.ui.AbstractViewTest;
import io.kefu.ui.session.CurrentUser;
import io.kefu.ui.team.FakeTickets;

class CustomersViewTest extends AbstractViewTest {

    private final FakeCustomers customers = new FakeCustomers();

    @BeforeEach
    void views() {
        provide(CustomersView.class, () -> new CustomersView(customers, new CurrentUser()));
        provide(CustomerView.class, () -> new CustomerView(customers, new FakeTickets(), new FakeForms(), TicketFeed.direct(new TenantContext(), new CallerContext()), new CurrentUser()));
    }

    @SuppressWarnings("unchecked")
    private static Grid<CustomerDetails> grid() {
        return _get(Grid.class, spec -> spec.withId("customers-grid"));
    }

    private static TextField field(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static <T> Select<T> select(String id) {
        return _get(Select.class, spec -> spec.withId(id));
    }

    @Test
    void list_showsContactsAsThePlatformMasksThem_andPagesThroughMoreThanOnePlatformPage() {
        for (int i = 0; i < 250; i++) {
            customers.add(String.format("客户 %03d", i), i % 2 == 0 ? "A" : null, CustomerStatus.CURRENT, "13812345678", "li.wei@example.com");
        }
        logIn(SUPERVISOR);
        UI.getCurrent().navigate("customers");

        Grid<CustomerDetails> grid = grid();
        assertEquals("客户 000", GridKt._getFormatted(grid, 0, "name"));
        assertEquals("138****5678", GridKt._getFormatted(grid, 0, "phone"));
        assertEquals("l*****@example.com", GridKt._getFormatted(grid, 0, "email"));
        assertEquals("Person", GridKt._getFormatted(grid, 0, "type"));
        // Rows across the platform's page limit (200) come back in order, from two reads.
        List<String> names = GridKt._fetch(grid, 190, 20).stream().map(CustomerDetails::name).toList();
        assertEquals(20, names.size());
        assertEquals("客户 190", names.get(0));
        assertEquals("客户 209", names.get(19));
        assertEquals(50, GridKt._fetch(grid, 200, 100).size(), "the end of the list");
    }

    @Test
    void filters_reachThePlatformQuery_andNarrowTheGrid() {
        customers.add("李伟", "VIP", CustomerStatus.CURRENT, null, null);
        customers.add("李娜", "B", CustomerStatus.FORMER, null, null);
        customers.add("王芳", "VIP", CustomerStatus.CURRENT, null, null);
        logIn(SUPERVISOR);
        UI.getCurrent().navigate("customers");

        _setValue(field("customer-search"), "李");
        Select<String> grade = select("customer-grade-filter");
        _setValue(grade, "VIP");
        Select<CustomerStatus> status = select("customer-status-filter");
        _setValue(status, CustomerStatus.CURRENT);
        Select<CustomerType> type = select("customer-type-filter");
        _setValue(type, CustomerType.INDIVIDUAL);

        List<String> shown = GridKt._fetch(grid(), 0, 50).stream().map(CustomerDetails::name).toList();
        assertEquals(List.of("李伟"), shown);
        var filter = customers.queries.get(customers.queries.size() - 1).filter();
        assertEquals("李", filter.text());
        assertEquals("VIP", filter.grade());
        assertEquals(CustomerStatus.CURRENT, filter.status());
        assertEquals(CustomerType.INDIVIDUAL, filter.type());
    }

    @Test
    void aSearchThePlatformRefuses_isShownOnTheField_andTheGridKeepsItsRows() {
        customers.add("李伟", null, CustomerStatus.CURRENT, null, null);
        logIn(SUPERVISOR);
        UI.getCurrent().navigate("customers");
        GridKt._fetch(grid(), 0, 50);
        int asked = customers.queries.size();

        _setValue(field("customer-search"), "x".repeat(101));

        TextField search = field("customer-search");
        assertTrue(search.isInvalid());
        assertEquals("The search text can have at most 100 characters.", search.getErrorMessage());
        assertEquals("x".repeat(101), search.getValue(), "nothing typed is lost");
        assertEquals(List.of("李伟"), GridKt._fetch(grid(), 0, 50).stream().map(CustomerDetails::name).toList());
        assertEquals(null, customers.queries.get(customers.queries.size() - 1).filter().text(), "the refused text never reached a query");
        assertTrue(customers.queries.size() > asked);
    }

    @Test
    void creating_showsEachRefusalOnItsField_keepsWhatWasTyped_thenOpensTheNewCustomer() {
        logIn(SUPERVISOR);
        UI.getCurrent().navigate("customers");
        _click(_get(Button.class, spec -> spec.withId("new-customer")));

        _setValue(field("new-customer-phone"), "abc");
        _setValue(_get(EmailField.class, spec -> spec.withId("new-customer-email")), "li@example.com");
        _click(_get(Button.class, spec -> spec.withId("new-customer-save")));

        TextField name = field("new-customer-name");
        assertTrue(name.isInvalid());
        assertEquals("This field is required.", name.getErrorMessage());
        TextField phone = field("new-customer-phone");
        assertTrue(phone.isInvalid());
        assertTrue(phone.getErrorMessage().startsWith("This is not a phone number"), phone.getErrorMessage());
        assertEquals("abc", phone.getValue());
        assertFalse(_get(EmailField.class, spec -> spec.withId("new-customer-email")).isInvalid());

        _setValue(name, "李伟");
        _setValue(phone, "13812345678");
        _setValue(select("new-customer-grade"), "VIP");
        _click(_get(Button.class, spec -> spec.withId("new-customer-save")));

        assertEquals(1, customers.created.size());
        assertEquals("VIP", customers.created.get(0).grade());
        assertEquals(2, customers.created.get(0).contacts().size());
        CustomerDetails made = customers.stored.get(0);
        assertEquals("customers/" + made.id(), UI.getCurrent().getInternals().getActiveViewLocation().getPath());
    }

    @Test
    void agents_createCustomersWithoutAGrade_andSeeTheListInChinese() {
        customers.callerIsAgent = true;
        members.add(member("li", "李丽", Role.AGENT));
        logIn(new Caller.TenantUser(SF, "li", Role.AGENT));
        UI.getCurrent().navigate("customers");
        _setValue(_get(Select.class, spec -> spec.withId("language")), io.kefu.ui.i18n.UiLocales.CHINESE);
        assertEquals("新建客户", _get(Button.class, spec -> spec.withId("new-customer")).getText());

        _click(_get(Button.class, spec -> spec.withId("new-customer")));
        _assertNone(Select.class, spec -> spec.withId("new-customer-grade"));
        _setValue(field("new-customer-name"), "王芳");
        _click(_get(Button.class, spec -> spec.withId("new-customer-save")));

        assertEquals(1, customers.created.size());
        assertEquals(null, customers.created.get(0).grade());
        assertTrue(_find(Div.class, spec -> spec.withId("new-customer-problem")).isEmpty());
    }
}
