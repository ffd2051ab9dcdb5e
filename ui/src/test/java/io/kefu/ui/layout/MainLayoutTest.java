package io.kefu.ui.layout;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyPressEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.theme.lumo.Lumo;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Role;
import io.kefu.ui.AbstractViewTest;
import io.kefu.ui.home.HomeView;
import io.kefu.ui.i18n.UiLocales;
import io.kefu.ui.live.TicketUpdate;
import io.kefu.ui.login.LoginView;
import io.kefu.ui.shell.InboxItem;
import io.kefu.ui.shell.Shortcuts;

class MainLayoutTest extends AbstractViewTest {

    private static final Caller.TenantUser AGENT = new Caller.TenantUser(SF, "li", Role.AGENT);

    /** Stand-ins for the feature views the drawer, the search and the shortcuts lead to. */
    public static class QueuesStub extends Div {
    }

    public static class TicketStub extends Div {
    }

    public static class NewTicketStub extends Div {
    }

    public static class CustomersStub extends Div {
    }

    @BeforeEach
    void stubFeatureRoutes() {
        members.add(member("li", "李四", Role.AGENT));
        RouteConfiguration routes = RouteConfiguration.forApplicationScope();
        stub(routes, "queues", QueuesStub.class);
        stub(routes, "tickets/new", NewTicketStub.class);
        stub(routes, "tickets/:number", TicketStub.class);
        stub(routes, "customers", CustomersStub.class);
    }

    private static void stub(RouteConfiguration routes, String path, Class<? extends Component> view) {
        // Whatever the real feature registered (after merging), the layout's tests only need where it leads.
        if (routes.isPathAvailable(path)) {
            routes.removeRoute(path);
        }
        routes.setRoute(path, view, MainLayout.class);
    }

    /** By id, visible or not (Karibu's locators only see visible components). */
    private static <T extends Component> T any(Class<T> type, String id) {
        return walk(UI.getCurrent()).filter(type::isInstance).map(type::cast)
                .filter(c -> c.getId().filter(id::equals).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " #" + id));
    }

    private static java.util.stream.Stream<Component> walk(Component c) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(c), c.getChildren().flatMap(MainLayoutTest::walk));
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static Select<Locale> languageSelect() {
        return _get(Select.class, spec -> spec.withId("language"));
    }

    private static String location() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
    }

    private static List<String> pendingJs() {
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(PendingJavaScriptInvocation::getInvocation)
                .map(i -> i.getExpression() + " " + i.getParameters()).toList();
    }

    private static InboxItem note(String id, String kind, String number, boolean read) {
        return new InboxItem(id, kind, number, "快递延误 " + number, "firstResponse", Instant.now().minusSeconds(600), read);
    }

    private void enter(Caller.TenantUser who) {
        logIn(who);
        // The user's own page: a view inside the layout that needs no feature's fakes.
        UI.getCurrent().navigate("me");
        NavigatorKt.expectView(HomeView.class);
    }

    // ---- the guard and the header ----

    @Test
    void nobodyLoggedIn_theHomeRoute_forwardsToLogin() {
        UI.getCurrent().navigate("");

        NavigatorKt.expectView(LoginView.class);
        assertEquals("login", NavigatorKt.getCurrentPath(), "the address bar says login too");
    }

    @Test
    void anOperator_isNotAUiUser_andIsSentToLogin() {
        logIn(new Caller.Operator("root"));

        UI.getCurrent().navigate("");

        NavigatorKt.expectView(LoginView.class);
    }

    @Test
    void aTenantUser_seesTheHeader_withTenant_andTheUserMenu_withNameAndRole() {
        enter(SUPERVISOR);

        assertEquals("客服 Kefu", text("app-name"));
        assertEquals("顺丰示例", text("header-tenant"));
        assertEquals("王小明", text("user-menu-name"));
        assertEquals("王", _find(com.vaadin.flow.component.avatar.Avatar.class).get(0).getAbbreviation(),
                "the avatar shows the surname, not the first character of every word");
        assertEquals("王小明", text("header-user"));
        assertEquals("Supervisor", text("header-role"));
        assertEquals("顺丰示例 (sf-demo)", text("user-menu-tenant"));
        assertEquals("Log out", button("logout").getText());
    }

    @Test
    void languageSwitch_relabelsTheShell() {
        enter(SUPERVISOR);

        _setValue(languageSelect(), UiLocales.CHINESE);

        assertEquals("主管", text("header-role"));
        assertEquals("退出登录", button("logout").getText());
        assertEquals("工单号或搜索内容", _get(TextField.class, spec -> spec.withId("global-search")).getPlaceholder());
        assertEquals("深色主题", button("theme-toggle").getText());
    }

    @Test
    void logout_endsTheSessionsLogin_andLoadsTheLoginPage() {
        enter(SUPERVISOR);

        _click(button("logout"));

        assertEquals(1, authentication.logouts);
        assertTrue(currentUser.caller().isEmpty());
        assertEquals(Optional.of("login"), requestedLocation());
        assertEquals(LoginView.class, NavigatorKt.resolveRoute("login"));
    }

    // ---- navigation ----

    @Test
    void drawer_linksTheWorkspace_andTheTeamBoardOnlyForSupervisors() {
        enter(SUPERVISOR);

        SideNavItem queues = _get(SideNavItem.class, spec -> spec.withId("nav-queues"));
        assertEquals("queues", queues.getPath());
        assertEquals("Queues", queues.getLabel());
        assertEquals("tickets/new", _get(SideNavItem.class, spec -> spec.withId("nav-new-ticket")).getPath());
        assertEquals("customers", _get(SideNavItem.class, spec -> spec.withId("nav-customers")).getPath());
        assertTrue(_get(SideNavItem.class, spec -> spec.withId("nav-team")).isVisible());

        _setValue(languageSelect(), UiLocales.CHINESE);
        assertEquals("工单队列", queues.getLabel());
    }

    @Test
    void anAgent_isNotShownTheTeamBoard() {
        enter(AGENT);

        _assertNone(SideNavItem.class, spec -> spec.withId("nav-team"));
        _get(SideNavItem.class, spec -> spec.withId("nav-queues"));
    }

    // ---- global search ----

    private static void search(String typed) {
        TextField field = _get(TextField.class, spec -> spec.withId("global-search"));
        _setValue(field, typed);
        ComponentUtil.fireEvent(field, new KeyPressEvent(field, Key.ENTER.getKeys().get(0)));
    }

    @Test
    void search_aTicketNumber_opensTheTicket() {
        enter(AGENT);

        search("  kf-2026-000042 ");

        NavigatorKt.expectView(TicketStub.class);
        assertEquals("tickets/KF-2026-000042", location());
    }

    @Test
    void search_otherText_searchesTheQueues_andKeepsWhatWasTyped() {
        enter(AGENT);

        search("顺丰 破损");

        NavigatorKt.expectView(QueuesStub.class);
        assertEquals("queues?q=%E9%A1%BA%E4%B8%B0%20%E7%A0%B4%E6%8D%9F", location());
        assertEquals("顺丰 破损", _get(TextField.class, spec -> spec.withId("global-search")).getValue());
    }

    @Test
    void search_aPhoneNumber_offersTheCustomers() {
        enter(AGENT);
        Button customers = any(Button.class, "global-search-customers");
        assertFalse(customers.isVisible());

        _setValue(_get(TextField.class, spec -> spec.withId("global-search")), "138 0013 8000");
        assertTrue(customers.isVisible());
        _click(customers);

        NavigatorKt.expectView(CustomersStub.class);
        assertEquals("customers?q=138%200013%208000", location());
    }

    // ---- notifications ----

    @Test
    void bell_countsUnread_listsTheLatest_andOpeningOneMarksItReadAndOpensTheTicket() {
        inbox.add("wxm", note("n1", "sla.warning", "KF-2026-000001", true));
        inbox.add("wxm", note("n2", "sla.breach", "KF-2026-000002", false));
        inbox.add("wxm", note("n3", "sla.warning", "KF-2026-000003", false));
        enter(SUPERVISOR);

        Span count = any(Span.class, "notifications-count");
        assertEquals("2", count.getText());
        assertEquals("2 unread notifications", button("notifications").getAriaLabel().orElseThrow());

        _click(button("notifications"));
        List<Div> rows = _find(Div.class, spec -> spec.withId("notification-n2"));
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).getElement().getTextRecursively().contains("KF-2026-000002 missed its first response target"),
                rows.get(0).getElement().getTextRecursively());
        assertTrue(_get(Div.class, spec -> spec.withId("notification-n3")).getElement().getTextRecursively()
                .contains("will soon miss its first response target"));
        assertTrue(rows.get(0).getElement().getTextRecursively().contains("10 min ago"));

        _click(rows.get(0));

        NavigatorKt.expectView(TicketStub.class);
        assertEquals("tickets/KF-2026-000002", location());
        assertEquals("1", count.getText());
        assertTrue(inbox.latest(SUPERVISOR).stream().filter(i -> i.id().equals("n2")).findFirst().orElseThrow().read());
    }

    @Test
    void bell_markAllRead_hidesTheCount() {
        inbox.add("wxm", note("n2", "sla.breach", "KF-2026-000002", false));
        enter(SUPERVISOR);
        _click(button("notifications"));

        _click(button("notifications-read-all"));

        assertFalse(any(Span.class, "notifications-count").isVisible());
        assertTrue(inbox.latest(SUPERVISOR).get(0).read());
    }

    @Test
    void bell_withNothing_saysSo_inChineseToo() {
        enter(AGENT);
        _setValue(languageSelect(), UiLocales.CHINESE);

        _click(button("notifications"));

        assertEquals("暂无通知。", text("notifications-none"));
        assertFalse(any(Span.class, "notifications-count").isVisible());
    }

    @Test
    void bell_recounts_whenTheFeedSaysABreachFired_forItsSupervisor() {
        enter(SUPERVISOR);
        assertFalse(any(Span.class, "notifications-count").isVisible());

        inbox.add("wxm", note("n9", "sla.breach", "KF-2026-000009", false));
        feed.publish(new TicketUpdate(SF, "KF-2026-000009", "SERVICE_STANDARD", "system", Instant.now(), "li"));
        MockVaadin.clientRoundtrip();

        assertEquals("1", _get(Span.class, spec -> spec.withId("notifications-count")).getText());
    }

    // ---- live notices ----

    @Test
    void aChangeBySomeoneElse_toMyTicket_isANotice_thatOpensIt() {
        enter(AGENT);

        feed.publish(new TicketUpdate(SF, "KF-2026-000007", "CUSTOMER_MESSAGE", "wechat-bot", Instant.now(), "li"));
        MockVaadin.clientRoundtrip();

        List<Notification> shown = NotificationsKt.getNotifications();
        assertEquals(1, shown.size());
        assertEquals("ticket-news", shown.get(0).getId().orElseThrow());
        assertTrue(shown.get(0).getElement().getTextRecursively().contains("KF-2026-000007: message from the customer relayed by wechat-bot"),
                shown.get(0).getElement().getTextRecursively());
        _click(button("ticket-news-open"));
        assertEquals("tickets/KF-2026-000007", location());
    }

    @Test
    void myOwnChanges_othersTickets_andTheTicketOnScreen_areNoNotice() {
        enter(AGENT);

        feed.publish(new TicketUpdate(SF, "KF-2026-000007", "FIELDS", "li", Instant.now(), "li"));
        feed.publish(new TicketUpdate(SF, "KF-2026-000008", "STATUS", "wxm", Instant.now(), "zhang"));
        UI.getCurrent().navigate("tickets/KF-2026-000005");
        feed.publish(new TicketUpdate(SF, "KF-2026-000005", "STATUS", "wxm", Instant.now(), "li"));
        MockVaadin.clientRoundtrip();

        NotificationsKt.expectNoNotifications();
        _assertNone(Notification.class, spec -> spec.withId("ticket-news"));
    }

    // ---- theme ----

    @Test
    void themeToggle_switchesLumosDarkVariant_andRemembersItForTheUser() {
        enter(SUPERVISOR);
        pendingJs();
        Button toggle = button("theme-toggle");
        assertEquals("Dark theme", toggle.getText());

        _click(toggle);

        assertTrue(UI.getCurrent().getElement().getThemeList().contains(Lumo.DARK));
        assertEquals("Light theme", toggle.getText());
        assertEquals("dark", VaadinSession.getCurrent().getAttribute("kefu.theme.sf-demo/wxm"));
        assertTrue(pendingJs().stream().anyMatch(js -> js.contains("localStorage.setItem") && js.contains("kefu.theme.sf-demo/wxm")
                && js.contains("dark")), "kept in the browser too");

        _click(toggle);
        assertFalse(UI.getCurrent().getElement().getThemeList().contains(Lumo.DARK));
        assertEquals("light", VaadinSession.getCurrent().getAttribute("kefu.theme.sf-demo/wxm"));
    }

    @Test
    void aNewUiOfTheSession_startsInTheRememberedTheme() {
        VaadinSession.getCurrent().setAttribute("kefu.theme.sf-demo/wxm", "dark");

        enter(SUPERVISOR);

        assertTrue(UI.getCurrent().getElement().getThemeList().contains(Lumo.DARK));
        assertEquals("Light theme", button("theme-toggle").getText());
    }

    @Test
    void aFreshSession_asksTheBrowserForTheTheme_ofThisUser() {
        enter(SUPERVISOR);

        assertTrue(pendingJs().stream().anyMatch(js -> js.contains("localStorage.getItem") && js.contains("kefu.theme.sf-demo/wxm")));
    }

    // ---- shortcuts ----

    @Test
    void shortcuts_goToQueuesCustomersAndNewTicket() {
        enter(AGENT);

        assertTrue(Shortcuts.press(UI.getCurrent(), "g q"));
        NavigatorKt.expectView(QueuesStub.class);
        Shortcuts.press(UI.getCurrent(), "g c");
        NavigatorKt.expectView(CustomersStub.class);
        Shortcuts.press(UI.getCurrent(), "c");
        NavigatorKt.expectView(NewTicketStub.class);
        assertFalse(Shortcuts.press(UI.getCurrent(), "x"), "an unregistered key does nothing");
    }

    @Test
    void questionMark_listsEveryShortcut_includingAViewsOwn_whileTheViewIsShown() {
        enter(AGENT);
        HomeView home = _get(HomeView.class);
        Shortcuts.register(home, "r", "shell.shortcut.search", () -> { });

        Shortcuts.press(UI.getCurrent(), "?");

        Dialog help = _get(Dialog.class, spec -> spec.withId("shortcuts-help"));
        String listed = help.getElement().getTextRecursively();
        for (String label : List.of("Search", "Go to the queues", "Go to the customers", "Create a ticket", "Show these shortcuts")) {
            assertTrue(listed.contains(label), label + " in " + listed);
        }
        assertEquals(6, _find(Div.class).stream().filter(d -> d.getElement().hasAttribute("data-keys")).count());
        _click(button("shortcuts-help-close"));

        UI.getCurrent().navigate("queues");
        assertFalse(Shortcuts.press(UI.getCurrent(), "r"), "the view's shortcut left with the view");
    }

    @Test
    void aViewsShortcut_takesOverAGlobalKey_whileItIsShown() {
        enter(AGENT);
        HomeView home = _get(HomeView.class);
        int[] pressed = {0};
        Shortcuts.register(home, "c", "shell.shortcut.new-ticket", () -> pressed[0]++);

        Shortcuts.press(UI.getCurrent(), "c");

        assertEquals(1, pressed[0]);
        NavigatorKt.expectView(HomeView.class);
    }

    @Test
    void shortcuts_areOneKeyOrTwo() {
        enter(AGENT);
        Div view = new Div();

        assertThrows(IllegalArgumentException.class, () -> Shortcuts.register(view, "ctrl+s", "shell.shortcut.search", () -> { }));
        assertThrows(IllegalArgumentException.class,
                () -> Shortcuts.register(view, "", "shell.shortcut.search", () -> { }));
    }
}
