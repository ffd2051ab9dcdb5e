package io.kefu.ui.customer;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import jakarta.json.Json;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kefu.platform.security.CallerContext;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.platform.customer.CustomerChanges;
import io.kefu.platform.customer.CustomerDetails;
import io.kefu.platform.customer.CustomerStatus;
import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Role;
import io.kefu.platform.ticket.Priority;
import io.kefu.platform.ticket.Ticket;
import io.kefu.platform.ticket.TicketFixture;
import io.kefu.platform.ticket.TicketStatus;
import io.kefu.ui.AbstractViewTest;
import io.kefu.ui.live.TicketFeed;
import io.kefu.ui.live.TicketUpdate;
import io.kefu.ui.session.CurrentUser;
import io.kefu.ui.team.FakeTickets;

class CustomerViewTest extends AbstractViewTest {

    private static final Caller.TenantUser AGENT = new Caller.TenantUser(SF, "li", Role.AGENT);

    private final FakeCustomers customers = new FakeCustomers();
    private final FakeTickets tickets = new FakeTickets();
    private final TicketFeed feed = TicketFeed.direct(new TenantContext(), new CallerContext());
    private CustomerDetails liWei;

    @BeforeEach
    void views() {
        provide(CustomerView.class, () -> new CustomerView(customers, tickets, new FakeForms(), feed, new CurrentUser()));
        members.add(member("li", "李丽", Role.AGENT));
        liWei = customers.add("李伟", "A", CustomerStatus.CURRENT, "13812345678", "li.wei@example.com");
    }

    private void open(Caller caller) {
        logIn(caller);
        UI.getCurrent().navigate("customers/" + liWei.id());
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }

    private static TextField field(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static <T> Select<T> select(String id) {
        return _get(Select.class, spec -> spec.withId(id));
    }

    @Test
    void agents_seeContactsMasked_andAreNotOfferedTheRevealNorTheGrade() {
        open(AGENT);

        assertEquals("138****5678 ★", text("contact-0"));
        assertEquals("l*****@example.com ★", text("contact-1"));
        _assertNone(Button.class, spec -> spec.withId("reveal-contacts"));
        assertTrue(select("customer-grade-field").isReadOnly());
        assertEquals("A", text("customer-grade"));
        assertEquals(List.of(), customers.reveals);
    }

    @Test
    void supervisors_revealContactsThroughThePlatform_andKeepWhatTheyTyped() {
        open(SUPERVISOR);
        _setValue(field("customer-name"), "李伟（新）");

        _click(_get(Button.class, spec -> spec.withId("reveal-contacts")));

        assertEquals("13812345678 ★", text("contact-0"));
        assertEquals("li.wei@example.com ★", text("contact-1"));
        assertEquals(List.of(liWei.id()), customers.reveals, "the platform was asked, so it audits the reveal");
        assertEquals("李伟（新）", field("customer-name").getValue());
        _assertNone(Button.class, spec -> spec.withId("reveal-contacts"));
    }

    @Test
    void customFields_areShownReadOnly_withTheirLabelsAndOptionLabels() {
        customers.fields(liWei.id(), Json.createObjectBuilder().add("level", "gold").add("memberNo", "M-0042").build());
        open(SUPERVISOR);

        assertEquals("Gold", text("field-level"));
        assertEquals("M-0042", text("field-memberNo"));
        assertTrue(_get(Div.class, spec -> spec.withId("customer-fields")).getElement().getTextRecursively().contains("Membership level"));
    }

    @Test
    void saving_sendsOnlyWhatChanged_withTheVersionTheUserRead() {
        open(SUPERVISOR);
        _setValue(field("customer-name"), "李伟伟");
        _setValue(select("customer-status-field"), CustomerStatus.FORMER);

        _click(_get(Button.class, spec -> spec.withId("customer-save")));

        CustomerChanges sent = customers.changes.get(0);
        assertEquals(1L, sent.version());
        assertEquals("李伟伟", sent.name().value());
        assertEquals("FORMER", sent.status().value());
        assertNull(sent.grade());
        assertNull(sent.externalId());
        assertEquals("李伟伟", _get(com.vaadin.flow.component.html.H2.class, spec -> spec.withId("customer-title")).getText());
        assertEquals("Former", text("customer-status"));
    }

    @Test
    void aRefusedSave_showsTheErrorOnTheField_andKeepsTheInput() {
        open(SUPERVISOR);
        _setValue(field("customer-name"), "   ");
        _setValue(field("customer-external-id"), "CRM-7");

        _click(_get(Button.class, spec -> spec.withId("customer-save")));

        assertTrue(field("customer-name").isInvalid());
        assertEquals("This field is required.", field("customer-name").getErrorMessage());
        assertEquals("CRM-7", field("customer-external-id").getValue());
    }

    @Test
    void whenSomeoneElseSavedFirst_theirOtherChangesAreTaken_andEachOverlapIsTheUsersChoice() {
        open(SUPERVISOR);
        _setValue(field("customer-name"), "李伟（我的）");
        _setValue(select("customer-status-field"), CustomerStatus.FORMER);
        customers.changedElsewhere(liWei.id(), "李伟（他们的）", "VIP", CustomerStatus.CURRENT);

        _click(_get(Button.class, spec -> spec.withId("customer-save")));

        assertTrue(_get(Div.class, spec -> spec.withId("customer-conflict")).isVisible());
        assertEquals("Their change taken over (you had not changed it): Grade.",
                _get(Div.class, spec -> spec.withId("customer-conflict-taken")).getText());
        assertEquals("VIP", select("customer-grade-field").getValue());
        assertEquals("李伟（我的）", field("customer-name").getValue(), "the user's typing is kept until they choose");
        assertEquals(CustomerStatus.FORMER, select("customer-status-field").getValue(), "only the user changed the status");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> nameChoice = _get(RadioButtonGroup.class, spec -> spec.withId("conflict-name"));
        assertEquals("Take theirs: 李伟（他们的）", nameChoice.getItemLabelGenerator().apply(false));
        _assertNone(RadioButtonGroup.class, spec -> spec.withId("conflict-status"));

        _setValue(nameChoice, false);
        _click(_get(Button.class, spec -> spec.withId("customer-save")));

        CustomerChanges sent = customers.changes.get(0);
        assertEquals(2L, sent.version(), "saved against their version");
        assertNull(sent.name(), "their name was chosen: nothing to send");
        assertEquals("FORMER", sent.status().value());
        CustomerDetails now = customers.find(liWei.id());
        assertEquals("李伟（他们的）", now.name());
        assertEquals("VIP", now.grade());
        assertEquals(CustomerStatus.FORMER, now.status());
        _assertNone(Div.class, spec -> spec.withId("customer-conflict"));
    }

    @Test
    void theCustomersTickets_newestFirst_linkToTheirPages_andFollowLiveChanges() {
        Instant t0 = Instant.parse("2026-11-30T08:00:00Z");
        tickets.stored.add(TicketFixture.ticket("KF-1", "快递延误", Priority.HIGH, TicketStatus.IN_PROGRESS, "li", null, liWei.id(), t0));
        tickets.stored.add(TicketFixture.ticket("KF-2", "发票", Priority.LOW, TicketStatus.CLOSED, null, null, liWei.id(), t0.plusSeconds(60)));
        tickets.stored.add(TicketFixture.ticket("KF-3", "别人的", Priority.LOW, TicketStatus.NEW, null, null, "someone-else", t0));
        open(SUPERVISOR);

        @SuppressWarnings("unchecked")
        Grid<Ticket> history = _get(Grid.class, spec -> spec.withId("customer-tickets"));
        assertEquals(List.of("KF-2", "KF-1"), GridKt._fetch(history, 0, 50).stream().map(Ticket::number).toList());
        assertEquals(liWei.id(), tickets.queries.get(tickets.queries.size() - 1).customer());
        Anchor link = (Anchor) GridKt._getCellComponent(history, 0, "number");
        assertEquals("tickets/KF-2", link.getHref());
        assertEquals("Closed", GridKt._getFormatted(history, 0, "status"));
        assertEquals("Low", GridKt._getFormatted(history, 0, "priority"));

        int queriesBefore = tickets.queries.size();
        feed.publish(new TicketUpdate(SF, "KF-99", "INTERNAL_NOTE", "api", Instant.now()));
        MockVaadin.clientRoundtrip();
        assertEquals(queriesBefore, tickets.queries.size(), "a note on a ticket not shown: the history is not read again");

        tickets.stored.add(TicketFixture.ticket("KF-4", "新的投诉", Priority.URGENT, TicketStatus.NEW, null, null, liWei.id(), t0.plusSeconds(120)));
        feed.publish(new TicketUpdate(SF, "KF-4", "CREATED", "api", Instant.now()));
        MockVaadin.clientRoundtrip();

        assertEquals(List.of("KF-4", "KF-2", "KF-1"), GridKt._fetch(history, 0, 50).stream().map(Ticket::number).toList());
    }

    @Test
    void anUnknownCustomer_isANotFoundMessage_notAnError() {
        logIn(SUPERVISOR);
        UI.getCurrent().navigate("customers/00000000-0000-0000-0000-000000000000");

        assertTrue(_get(Div.class, spec -> spec.withId("customer-not-found")).getText().startsWith("There is no such customer"));
        _assertNone(Button.class, spec -> spec.withId("customer-save"));
    }
}
