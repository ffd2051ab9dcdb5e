package io.kefu.ui.queue;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

import jakarta.json.Json;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import io.kefu.db.testing.MutableClock;
import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Role;
import io.kefu.platform.queue.QueueFilter;
import io.kefu.platform.queue.QueueRow;
import io.kefu.platform.ticket.Priority;
import io.kefu.platform.ticket.TicketKind;
import io.kefu.platform.ticket.TicketStatus;
import io.kefu.ui.AbstractViewTest;
import io.kefu.ui.i18n.UiLocales;
import io.kefu.ui.live.TicketUpdate;

class QueuesViewTest extends AbstractViewTest {

    private final QueueFakes fakes = new QueueFakes();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));

    @BeforeEach
    void wire() {
        provide(QueuesView.class, () -> fakes.view(currentUser, clock));
        fakes.members.people.add(member("wxm", "王小明", Role.SUPERVISOR));
        fakes.members.people.add(member("li", "李四", Role.AGENT));
        FakeData.standard(fakes.queues);
        logIn(SUPERVISOR);
    }

    /** Eight tickets across the queues; wxm is in team-a. */
    static final class FakeData {
        static void standard(QueueFakes.FakeQueues q) {
            q.add("T-001", TicketStatus.ASSIGNED, Priority.HIGH, "wxm");
            q.add("T-002", TicketStatus.IN_PROGRESS, Priority.NORMAL, "wxm");
            q.add("T-003", TicketStatus.RESOLVED, Priority.NORMAL, "wxm");
            q.add("T-004", TicketStatus.NEW, Priority.URGENT, null);
            q.add(new QueueFakes.T("T-005", "投诉：快递延误", TicketKind.COMPLAINT, TicketStatus.IN_PROGRESS, Priority.HIGH, "li",
                    "team-a", "AT_RISK", Json.createObjectBuilder().build(), 7));
            q.add(new QueueFakes.T("T-006", "Parcel lost", TicketKind.SERVICE_REQUEST, TicketStatus.ASSIGNED, Priority.LOW, "li",
                    "team-b", "BREACHED", Json.createObjectBuilder().build(), 2));
            q.add("T-007", TicketStatus.PENDING_CUSTOMER, Priority.NORMAL, "wxm");
            q.add("T-008", TicketStatus.CANCELLED, Priority.NORMAL, null);
        }
    }

    /** Opens the queues page with one query parameter, as a link would. */
    private static void go(String key, String value) {
        UI.getCurrent().navigate("queues", com.vaadin.flow.router.QueryParameters.of(key, value));
    }

    @SuppressWarnings("unchecked")
    private static Grid<QueueRow> grid() {
        return _get(Grid.class, spec -> spec.withId("queue-grid"));
    }

    private static List<String> numbers() {
        Grid<QueueRow> g = grid();
        return GridKt._fetch(g, 0, GridKt._size(g)).stream().map(QueueRow::number).toList();
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    private static String title() {
        return _get(H3.class, spec -> spec.withId("queue-title")).getText();
    }

    @Test
    void theRoot_landsOnMyOpenTickets_withCountsForEveryQueue() {
        UI.getCurrent().navigate("");

        NavigatorKt.expectView(QueuesView.class);
        assertEquals("My tickets", title());
        assertEquals(List.of("T-007", "T-002", "T-001"), numbers(), "open, mine, newest first");
        assertEquals("3", text("queue-count-mine"));
        assertEquals("1", text("queue-count-team"));
        assertEquals("1", text("queue-count-unassigned"));
        assertEquals("1", text("queue-count-at-risk"));
        assertEquals("1", text("queue-count-breached"));
        assertEquals("1", text("queue-count-complaints"));
        assertEquals("1", text("queue-count-pending-customer"));
        assertEquals("3 tickets", text("queue-total"));
        assertEquals("Queues · 客服 Kefu", _get(QueuesView.class).getPageTitle());
    }

    @Test
    void clickingAQueue_showsItsTickets_andPutsItInTheAddress() {
        UI.getCurrent().navigate("queues");

        _click(button("queue-unassigned"));
        assertEquals("queues?queue=unassigned", UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters());
        assertEquals("Unassigned", title());
        assertEquals(List.of("T-004"), numbers());

        _click(button("queue-at-risk"));
        assertEquals(List.of("T-005"), numbers());
        _click(button("queue-breached"));
        assertEquals(List.of("T-006"), numbers());
        _click(button("queue-team"));
        assertEquals(List.of("T-005"), numbers());
        _click(button("queue-complaints"));
        assertEquals(List.of("T-005"), numbers());
        _click(button("queue-pending-customer"));
        assertEquals(List.of("T-007"), numbers());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFilterBar_narrowsTheQueue_andAContradictionSaysSo() {
        go("queue", "mine");

        _setValue(_get(Select.class, spec -> spec.withId("filter-priority")), Priority.HIGH);
        assertEquals(List.of("T-001"), numbers());

        _setValue(_get(Select.class, spec -> spec.withId("filter-priority")), null);
        _setValue(_get(MultiSelectComboBox.class, spec -> spec.withId("filter-status")), Set.of(TicketStatus.RESOLVED));
        assertEquals(List.of(), numbers(), "resolved tickets are not in an open queue");
        assertTrue(_get(Span.class, spec -> spec.withId("queue-contradiction")).isVisible());

        _click(button("filter-clear"));
        assertEquals(3, numbers().size());
        com.github.mvysny.kaributesting.v10.LocatorJ._assertNone(Span.class, spec -> spec.withId("queue-contradiction"));
    }

    @Test
    void theGlobalSearch_listsAllTicketsMatchingTheText() {
        go("q", "Parcel");

        assertEquals("Search: Parcel", title());
        assertEquals("Parcel", _get(TextField.class, spec -> spec.withId("filter-text")).getValue());
        assertEquals(List.of("T-008", "T-007", "T-006", "T-004", "T-003", "T-002", "T-001"), numbers(),
                "every status: a search finds closed work too");
    }

    @Test
    void scrollingDown_continuesFromThePreviousPagesCursor_andAJumpSkipsFromTheNearestOne() {
        IntStream.range(0, 500).forEach(i -> fakes.queues.add(String.format("U-%04d", i), TicketStatus.NEW, Priority.NORMAL, null));
        go("queue", "unassigned");
        Grid<QueueRow> g = grid();
        fakes.queues.reads.clear();

        GridKt._fetch(g, 0, 50);
        GridKt._fetch(g, 50, 50);
        GridKt._fetch(g, 100, 50);
        GridKt._fetch(g, 420, 50);
        GridKt._fetch(g, 470, 31);

        assertEquals(List.of("null/0/50", "pos:50/0/50", "pos:100/0/50", "pos:150/270/50", "pos:470/0/31"), fakes.queues.reads);
        assertEquals("U-0499", GridKt._get(g, 0).number());
        assertEquals(501, GridKt._size(g));
    }

    @Test
    void theSlaColumn_showsTimeLeftOrOverdue_coloredByRisk() {
        go("queue", "at-risk");
        Span atRisk = (Span) GridKt._getCellComponent(grid(), 0, "sla");
        assertEquals("1h 35m left", atRisk.getText());
        assertEquals("badge small", atRisk.getElement().getAttribute("theme"));

        go("queue", "breached");
        Span breached = (Span) GridKt._getCellComponent(grid(), 0, "sla");
        assertEquals("Overdue", breached.getText());
        assertEquals("badge error small", breached.getElement().getAttribute("theme"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void customFieldColumns_areTheUsersChoice() {
        UI.getCurrent().navigate("queues");
        MultiSelectComboBox<String> columns = _get(MultiSelectComboBox.class, spec -> spec.withId("columns"));

        _setValue(columns, Set.of("tracking_no"));

        Grid.Column<QueueRow> c = grid().getColumnByKey("field.tracking_no");
        assertEquals("field.tracking_no", c.getSortOrder(com.vaadin.flow.data.provider.SortDirection.ASCENDING)
                .findFirst().orElseThrow().getSorted(), "the platform sorts by custom fields");
        assertEquals("SFT-007", GridKt._getFormatted(grid(), 0, "field.tracking_no"));

        _setValue(columns, Set.of());
        assertEquals(null, grid().getColumnByKey("field.tracking_no"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theColumnChoice_isRememberedForTheUser() {
        UI.getCurrent().navigate("queues");
        _setValue(_get(MultiSelectComboBox.class, spec -> spec.withId("columns")), Set.of("tracking_no"));

        assertEquals("tracking_no", VaadinSession.getCurrent().getAttribute("kefu.queue-columns." + SUPERVISOR.principalName()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRememberedColumns_areShownOnTheNextVisit_withoutFieldsTheFormsDropped() {
        VaadinSession.getCurrent().setAttribute("kefu.queue-columns." + SUPERVISOR.principalName(), "tracking_no,no_such_field");

        UI.getCurrent().navigate("queues");

        assertEquals(Set.of("tracking_no"), _get(MultiSelectComboBox.class, spec -> spec.withId("columns")).getValue());
        assertEquals("SFT-007", GridKt._getFormatted(grid(), 0, "field.tracking_no"));
    }

    @Test
    void bulkPriority_changesEachTicketAgainstItsShownVersion_andListsTheRefusedOnes() {
        fakes.tickets.stale.add("T-002");
        UI.getCurrent().navigate("queues");
        Grid<QueueRow> g = grid();
        GridKt._fetch(g, 0, 3).forEach(g::select);
        assertEquals("3 selected", text("bulk-selected"));

        _click(button("bulk-priority"));
        _setValue(_get(Select.class, spec -> spec.withId("bulk-priority-value")), Priority.URGENT);
        _click(button("bulk-priority-apply"));

        assertEquals(List.of("T-007 patch {\"version\":3,\"priority\":\"URGENT\"}", "T-001 patch {\"version\":3,\"priority\":\"URGENT\"}"),
                fakes.tickets.changes);
        NotificationsKt.expectNotifications("2 of 3 tickets changed.");
        assertTrue(_get(Div.class, spec -> spec.withId("bulk-outcome")).isVisible());
        assertTrue(_get(ListItem.class, spec -> spec.withId("bulk-failure-T-002")).getText()
                .startsWith("T-002: "), "the refused ticket is named with the platform's reason");
        assertEquals("0 selected", text("bulk-selected"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void bulkTransition_asksForWhatTheTargetStatusRequires() {
        UI.getCurrent().navigate("queues");
        Grid<QueueRow> g = grid();
        g.select(GridKt._get(g, 1));

        _click(button("bulk-transition"));
        _setValue(_get(Select.class, spec -> spec.withId("bulk-transition-to")), TicketStatus.RESOLVED);
        TextArea resolution = _get(TextArea.class, spec -> spec.withId("bulk-transition-resolution"));
        assertTrue(resolution.isVisible());
        _click(button("bulk-transition-apply"));
        assertTrue(resolution.isInvalid(), "a resolution is required to resolve");
        assertEquals(List.of(), fakes.tickets.changes);

        _setValue(resolution, "已补发");
        _click(button("bulk-transition-apply"));
        assertEquals(List.of("T-002 to RESOLVED resolved 已补发 @3"), fakes.tickets.changes);
    }

    @Test
    @SuppressWarnings("unchecked")
    void bulkAssign_takesAnAgentOrATeam_notBothNorNeither() {
        go("queue", "unassigned");
        Grid<QueueRow> g = grid();
        g.select(GridKt._get(g, 0));

        _click(button("bulk-assign"));
        _click(button("bulk-assign-apply"));
        assertTrue(_get(ComboBox.class, spec -> spec.withId("bulk-assign-agent")).isInvalid());

        _setValue(_get(ComboBox.class, spec -> spec.withId("bulk-assign-agent")), "li");
        _click(button("bulk-assign-apply"));
        assertEquals(List.of("T-004 to ASSIGNED li @3"), fakes.tickets.changes);

        g.select(GridKt._get(g, 0));
        _click(button("bulk-assign"));
        _setValue(_get(Select.class, spec -> spec.withId("bulk-assign-team")), "team-b");
        _click(button("bulk-assign-apply"));
        assertEquals("T-004 patch {\"version\":3,\"team\":\"team-b\"}", fakes.tickets.changes.get(1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void savingTheFilterBar_sharesItWithATeam_andOpensIt() {
        go("queue", "mine");
        _setValue(_get(Select.class, spec -> spec.withId("filter-priority")), Priority.HIGH);

        _click(button("save-filter"));
        _setValue(_get(TextField.class, spec -> spec.withId("save-filter-name")), "紧急件");
        _setValue(_get(Select.class, spec -> spec.withId("save-filter-team")), "team-a");
        _click(button("save-filter-apply"));

        assertEquals(List.of("create 紧急件 {\"status\":[],\"priority\":\"HIGH\",\"assignee\":null,\"q\":null} team=team-a"),
                fakes.saved.actions);
        assertEquals("紧急件", title());
        assertEquals(List.of("T-005", "T-001"), numbers(), "a saved filter spans all tickets, not only mine");
        assertEquals(Priority.HIGH, _get(Select.class, spec -> spec.withId("filter-priority")).getValue());
    }

    @Test
    void aTakenName_isShownOnTheNameField_andTheDialogKeepsWhatWasTyped() {
        fakes.saved.add("Mine high", new QueueFilter(Set.of(), Priority.HIGH, "me", null), null, "wxm", true);
        UI.getCurrent().navigate("queues");

        _click(button("save-filter"));
        TextField name = _get(TextField.class, spec -> spec.withId("save-filter-name"));
        _setValue(name, "Mine high");
        _click(button("save-filter-apply"));

        assertTrue(name.isInvalid());
        assertEquals("You already have a saved filter named 'Mine high' there.", name.getErrorMessage());
        assertEquals("Mine high", name.getValue());
        assertTrue(fakes.saved.actions.isEmpty());
    }

    @Test
    void savedFilters_areRenamedAndDeleted_onlyWhereTheUserMayChangeThem() {
        var own = fakes.saved.add("Urgent", new QueueFilter(Set.of(), Priority.URGENT, null, null), null, "wxm", true);
        var shared = fakes.saved.add("Team view", QueueFilter.NONE, "team-a", "li", false);
        go("filter", own.filter().id());
        assertEquals(List.of("T-004"), numbers());
        com.github.mvysny.kaributesting.v10.LocatorJ._assertNone(Button.class, spec -> spec.withId("rename-filter-" + shared.filter().id()));

        _click(button("rename-filter-" + own.filter().id()));
        _setValue(_get(TextField.class, spec -> spec.withId("rename-filter-name")), "Urgent now");
        _click(button("rename-filter-apply"));
        assertEquals("Urgent now", title());

        _click(button("delete-filter-" + fakes.saved.all.get(0).filter().id()));
        _click(button("delete-filter-confirm"));
        assertEquals(List.of("rename Urgent to Urgent now", "delete Urgent now"), fakes.saved.actions);
        assertEquals("My tickets", title(), "the deleted filter's page falls back to my tickets");
    }

    @Test
    void aFilterThatIsGone_fallsBackToMyTickets_andSaysWhy() {
        go("filter", "no-such-id");

        assertEquals("My tickets", title());
        NotificationsKt.expectNotifications("There is no saved filter 'no-such-id'.");
    }

    @Test
    void liveChanges_refreshCountsAndRows_onTheNextPoll_atMostOncePerSecond() {
        go("queue", "unassigned");
        int before = fakes.queues.countsCalls;
        fakes.queues.add("T-009", TicketStatus.NEW, Priority.HIGH, null);

        fakes.feed.publish(new TicketUpdate(SF, "T-009", "CREATED", "api", clock.instant()));
        MockVaadin.clientRoundtrip();
        assertEquals(before, fakes.queues.countsCalls, "not from the feed's thread: on the next poll");
        assertEquals(1000, UI.getCurrent().getPollInterval());

        poll();
        assertEquals(before, fakes.queues.countsCalls, "within a second of the page's own load: wait");
        clock.advance(Duration.ofMillis(1100));
        poll();
        assertEquals(before + 1, fakes.queues.countsCalls);
        assertEquals("2", text("queue-count-unassigned"));
        assertEquals(List.of("T-009", "T-004"), numbers());
        assertEquals(-1, UI.getCurrent().getPollInterval(), "nothing pending: no more polling");

        clock.advance(Duration.ofSeconds(2));
        fakes.feed.publish(new TicketUpdate(SF, "T-004", "STATUS", "li", clock.instant()));
        fakes.feed.publish(new TicketUpdate(SF, "T-009", "STATUS", "li", clock.instant()));
        MockVaadin.clientRoundtrip();
        poll();
        assertEquals(before + 2, fakes.queues.countsCalls, "two changes after a quiet second: one refresh");
    }

    @Test
    void aLiveRefresh_readsCountsAndTheShownRows_inOneTransaction() {
        go("queue", "unassigned");
        MockVaadin.clientRoundtrip();
        assertEquals(List.of("T-004"), numbers());
        int groups = fakes.queues.togetherCalls;
        int reads = fakes.queues.reads.size();
        int alone = fakes.queues.readsAlone.size();
        clock.advance(Duration.ofSeconds(2));
        fakes.queues.add("T-009", TicketStatus.NEW, Priority.HIGH, null);

        fakes.feed.publish(new TicketUpdate(SF, "T-009", "CREATED", "api", clock.instant()));
        MockVaadin.clientRoundtrip();
        poll();
        MockVaadin.clientRoundtrip();

        assertEquals(groups + 1, fakes.queues.togetherCalls);
        assertEquals(reads + 1, fakes.queues.reads.size(), "the shown page, read again once: " + fakes.queues.reads);
        assertEquals(alone, fakes.queues.readsAlone.size(), "the grid took the refresh's rows");
        assertEquals(List.of("T-009", "T-004"), numbers());
        assertEquals("2", text("queue-count-unassigned"));
    }

    @Test
    void myTickets_areNotReadAgain_forAChangeThatNeverConcernedMe_butTheTenantsCountsAre() {
        UI.getCurrent().navigate("queues");
        MockVaadin.clientRoundtrip();
        assertEquals(List.of("T-007", "T-002", "T-001"), numbers());
        int mineCounts = fakes.queues.countsCalls;
        int reads = fakes.queues.reads.size();
        clock.advance(Duration.ofSeconds(2));

        // An unassigned ticket goes to li: my queue cannot have changed, the unassigned queue has.
        assign("T-004", "li");
        fakes.feed.publish(new TicketUpdate(SF, "T-004", "STATUS", "li", clock.instant(), "li", 2L,
                new TicketUpdate.Moves(null, null, null)));
        MockVaadin.clientRoundtrip();
        poll();
        MockVaadin.clientRoundtrip();

        assertEquals("0", text("queue-count-unassigned"));
        assertEquals("3", text("queue-count-mine"));
        assertEquals(mineCounts, fakes.queues.countsCalls, "my count was not read again");
        assertEquals(reads, fakes.queues.reads.size(), "nor my rows");

        // One of mine goes to li: both are read again.
        clock.advance(Duration.ofSeconds(2));
        assign("T-002", "li");
        fakes.feed.publish(new TicketUpdate(SF, "T-002", "ASSIGNMENT", "wxm", clock.instant(), "li", 3L,
                new TicketUpdate.Moves("wxm", null, null)));
        MockVaadin.clientRoundtrip();
        poll();
        MockVaadin.clientRoundtrip();

        assertEquals("2", text("queue-count-mine"));
        assertEquals(List.of("T-007", "T-001"), numbers());
    }

    @Test
    void aChangeThatDoesNotSayWhereTheTicketWas_refreshesMyTicketsToo() {
        UI.getCurrent().navigate("queues");
        MockVaadin.clientRoundtrip();
        int mineCounts = fakes.queues.countsCalls;
        clock.advance(Duration.ofSeconds(2));

        assign("T-004", "wxm");
        fakes.feed.publish(new TicketUpdate(SF, "T-004", "STATUS", "api", clock.instant()));
        MockVaadin.clientRoundtrip();
        poll();
        MockVaadin.clientRoundtrip();

        assertEquals(mineCounts + 1, fakes.queues.countsCalls);
        assertEquals("4", text("queue-count-mine"));
    }

    /** Gives a ticket of the fake list to {@code assignee} (status ASSIGNED, version + 1). */
    private void assign(String number, String assignee) {
        List<QueueFakes.T> all = fakes.queues.tickets;
        for (int i = 0; i < all.size(); i++) {
            QueueFakes.T t = all.get(i);
            if (t.number().equals(number)) {
                all.set(i, new QueueFakes.T(t.number(), t.subject(), t.kind(), TicketStatus.ASSIGNED, t.priority(), assignee,
                        t.teamId(), t.risk(), t.fields(), t.version() + 1));
            }
        }
    }

    @Test
    void viewsOfOneTenant_shareTheCounts_untilTheNextChange() {
        try (var bound = fakes.tenants.bind(SF)) {
            go("queue", "unassigned");
            int rounds = fakes.queues.countsCalls;
            go("queue", "complaints");
            assertEquals(rounds, fakes.queues.countsCalls, "no change since: the same counts");
            assertEquals("1", text("queue-count-unassigned"));

            fakes.queues.add("T-009", TicketStatus.NEW, Priority.HIGH, null);
            fakes.feed.publish(new TicketUpdate(SF, "T-009", "CREATED", "api", clock.instant()));
            go("queue", "unassigned");
            assertEquals(rounds + 1, fakes.queues.countsCalls, "a change was heard: counted again");
            assertEquals("2", text("queue-count-unassigned"));
        }
    }

    private static void poll() {
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
    }

    @Test
    void anotherTenantsChanges_areNotHeard() {
        UI.getCurrent().navigate("queues");
        int before = fakes.queues.countsCalls;
        clock.advance(Duration.ofSeconds(5));

        fakes.feed.publish(new TicketUpdate(new io.kefu.platform.tenant.TenantCode("other-co"), "T-001", "STATUS", "x", clock.instant()));
        MockVaadin.clientRoundtrip();

        assertEquals(before, fakes.queues.countsCalls);
    }

    /** Stands in for the ticket view (another feature's) so that opening a ticket can be observed. */
    @com.vaadin.flow.router.PageTitle("ticket")
    public static final class TicketStub extends Div {
    }

    @Test
    void keyboard_jAndKMove_xSelects_andEnterOpens() {
        com.vaadin.flow.router.RouteConfiguration.forSessionScope().setRoute("tickets/:number", TicketStub.class);
        UI.getCurrent().navigate("queues");
        Grid<QueueRow> g = grid();

        com.github.mvysny.kaributesting.v10.ShortcutsKt._fireShortcut(g, Key.KEY_J);
        com.github.mvysny.kaributesting.v10.ShortcutsKt._fireShortcut(g, Key.KEY_J);
        com.github.mvysny.kaributesting.v10.ShortcutsKt._fireShortcut(g, Key.KEY_K);
        com.github.mvysny.kaributesting.v10.ShortcutsKt._fireShortcut(g, Key.KEY_J);
        com.github.mvysny.kaributesting.v10.ShortcutsKt._fireShortcut(g, Key.KEY_X);
        assertEquals(Set.of("T-002"), g.getSelectedItems().stream().map(QueueRow::number).collect(java.util.stream.Collectors.toSet()));
        assertEquals("kefu-cursor", g.getPartNameGenerator().apply(GridKt._get(g, 1)));

        com.github.mvysny.kaributesting.v10.ShortcutsKt._fireShortcut(g, Key.KEY_X);
        assertTrue(g.getSelectedItems().isEmpty());

        com.github.mvysny.kaributesting.v10.ShortcutsKt._fireShortcut(g, Key.ENTER);
        assertEquals("tickets/T-002", UI.getCurrent().getInternals().getActiveViewLocation().getPath());
        NavigatorKt.expectView(TicketStub.class);
    }

    @Test
    void theAssigneeColumnNamesPeopleByTheirDisplayNames() {
        UI.getCurrent().navigate("queues");
        assertEquals("王小明", GridKt._getFormatted(grid(), 0, "assignee"), "wxm's own queue, by name");
        go("queue", "at-risk");
        assertEquals("T-005", GridKt._get(grid(), 0).number());
        assertEquals("李四", GridKt._getFormatted(grid(), 0, "assignee"));
        go("queue", "unassigned");
        assertEquals("T-004", GridKt._get(grid(), 0).number());
        assertEquals("", GridKt._getFormatted(grid(), 0, "assignee"), "unassigned: empty");
    }

    @Test
    @SuppressWarnings("unchecked")
    void inChinese_everythingIsRelabelled() {
        UI.getCurrent().navigate("queues");

        _setValue(_get(Select.class, spec -> spec.withId("language")), UiLocales.CHINESE);

        assertEquals("我的工单", title());
        assertEquals("即将超时", button("queue-at-risk").getText());
        assertEquals("工单号", grid().getColumnByKey("number").getHeaderText());
        assertEquals("处理中", GridKt._getFormatted(grid(), 1, "status"));
        assertEquals("共 3 张工单", text("queue-total"));
        assertEquals("工单队列 · 客服 Kefu", _get(QueuesView.class).getPageTitle());
        assertEquals(Locale.SIMPLIFIED_CHINESE.getLanguage(), UI.getCurrent().getLocale().getLanguage());
    }

    @Test
    void anAgentWithoutTeams_seesAnEmptyTeamQueue_andCanShareWithNobody() {
        fakes.queues.myTeams.clear();
        fakes.queues.me = "li";
        logIn(new Caller.TenantUser(SF, "li", Role.AGENT));
        members.add(member("li", "李四", Role.AGENT));
        go("queue", "team");

        assertEquals(List.of(), numbers());
        assertEquals("0", text("queue-count-team"));
        _click(button("save-filter"));
        com.github.mvysny.kaributesting.v10.LocatorJ._assertNone(Select.class, spec -> spec.withId("save-filter-team"));
    }
}
