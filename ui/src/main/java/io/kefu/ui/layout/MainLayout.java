package io.kefu.ui.layout;

import java.util.Optional;

import jakarta.inject.Inject;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Role;
import io.kefu.platform.security.Authentication;
import io.kefu.ui.live.TicketFeed;
import io.kefu.ui.live.TicketUpdate;
import io.kefu.ui.login.LoginView;
import io.kefu.ui.session.CurrentUser;
import io.kefu.ui.session.Profile;
import io.kefu.ui.session.Profiles;
import io.kefu.ui.shell.GlobalSearch;
import io.kefu.ui.shell.Inbox;
import io.kefu.ui.shell.NotificationBell;
import io.kefu.ui.shell.Shortcuts;
import io.kefu.ui.shell.TicketNews;
import io.kefu.ui.shell.UserMenu;

/**
 * The app shell: a header with the app's name, the tenant, the global search, the notifications
 * bell and the user menu (language, theme, shortcuts, logging out); a drawer with the
 * workspace's places, linked by path so that this layout does not depend on the views inside
 * it (on narrow screens the drawer overlays the view); the global keyboard shortcuts; notices of
 * changes others make to the user's own tickets. Nobody logged in as a tenant user (an operator
 * included) is forwarded to the login view before any view inside this layout is shown.
 */
public class MainLayout extends AppLayout implements BeforeEnterObserver, AfterNavigationObserver, LocaleChangeObserver {

    /** Where logging out goes, by a full page load (the session is gone). */
    public static final String LOGIN_LOCATION = "login";

    private final Authentication authentication;
    private final CurrentUser currentUser;
    private final Profiles profiles;
    private final TicketFeed feed;

    private final Span appName = new Span("客服 Kefu");
    private final Span tenant = new Span();
    private final GlobalSearch search = new GlobalSearch();
    private final NotificationBell bell;
    private final UserMenu userMenu = new UserMenu(this::logout);
    private final SideNav nav = new SideNav();
    private final SideNavItem queues = new SideNavItem("", "queues", VaadinIcon.INBOX.create());
    private final SideNavItem newTicket = new SideNavItem("", "tickets/new", VaadinIcon.PLUS.create());
    private final SideNavItem customers = new SideNavItem("", "customers", VaadinIcon.USERS.create());
    private final SideNavItem teamBoard = new SideNavItem("", "team", VaadinIcon.GROUP.create());
    private Caller.TenantUser user;
    private Profile profile;
    /** The path shown now, so that a notice is not shown about the ticket on screen. */
    /** Volatile: the live feed reads it without the UI's lock. */
    private volatile String viewing = "";
    private Registration live;

    @Inject
    public MainLayout(Authentication authentication, CurrentUser currentUser, Profiles profiles, Inbox inbox, TicketFeed feed) {
        this.authentication = authentication;
        this.currentUser = currentUser;
        this.profiles = profiles;
        this.feed = feed;
        this.bell = new NotificationBell(inbox);

        appName.setId("app-name");
        appName.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.FontWeight.SEMIBOLD, LumoUtility.TextColor.PRIMARY,
                LumoUtility.Whitespace.NOWRAP);
        tenant.setId("header-tenant");
        // The tenant's name where there is room; the user menu names it on a tablet.
        tenant.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Overflow.HIDDEN, LumoUtility.TextOverflow.ELLIPSIS,
                LumoUtility.Whitespace.NOWRAP, LumoUtility.Display.HIDDEN, LumoUtility.Display.Breakpoint.Large.BLOCK);
        tenant.getStyle().set("min-width", "0").set("max-width", "14rem");

        DrawerToggle toggle = new DrawerToggle();
        toggle.setId("drawer-toggle");
        Div room = new Div();
        HorizontalLayout header = new HorizontalLayout(toggle, appName, tenant, search, room, bell, userMenu);
        header.setId("header");
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.addClassNames(LumoUtility.Padding.Horizontal.SMALL, LumoUtility.Gap.SMALL);
        header.setSpacing(false);
        // The search takes the middle (up to its maximum width); bell and user menu sit at the right.
        header.setFlexGrow(1, search, room);
        addToNavbar(header);

        nav.setId("nav");
        queues.setId("nav-queues");
        newTicket.setId("nav-new-ticket");
        customers.setId("nav-customers");
        teamBoard.setId("nav-team");
        nav.addItem(queues, newTicket, customers, teamBoard);
        nav.addClassNames(LumoUtility.Padding.SMALL);
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);

        Shortcuts.register(this, "/", "shell.shortcut.search", search::focus);
        Shortcuts.register(this, "g q", "shell.shortcut.queues", () -> go("queues"));
        Shortcuts.register(this, "g c", "shell.shortcut.customers", () -> go("customers"));
        Shortcuts.register(this, "c", "shell.shortcut.new-ticket", () -> go("tickets/new"));
        Shortcuts.register(this, "?", "shell.shortcut.help", () -> getUI().ifPresent(Shortcuts::showHelp));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Caller.TenantUser> caller = currentUser.tenantUser();
        if (caller.isEmpty()) {
            // Forwarded, not rerouted: the address bar then says /login too.
            event.forwardTo(LoginView.class);
            return;
        }
        boolean someoneElse = user != null && !user.equals(caller.get());
        user = caller.get();
        if (someoneElse || profile == null) {
            // Read once per user and page: names are not edited from the workspace, and the
            // role comes with the login. Navigating between views then costs no read for it.
            profile = profiles.of(user);
            tenant.setText(profile.tenantName());
            userMenu.show(event.getUI(), user, profile);
        }
        bell.show(user);
        // The board is the supervisors' (and admins'); an agent is not shown a door they cannot open.
        teamBoard.setVisible(profile.role() != Role.AGENT);
        if (someoneElse || live == null) {
            listen();
        }
        relabel();
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        viewing = event.getLocation().getPath();
    }

    /**
     * Live: the bell's count when a warning or breach may concern the user, a notice for their
     * own tickets. The feed listens while this layout is attached.
     */
    private void listen() {
        stopListening();
        Caller.TenantUser listener = user;
        live = feed.subscribe(this, listener,
                update -> TicketNews.mayNotify(update, listener) || TicketNews.isNews(update, listener, viewing),
                update -> heard(listener, update));
    }

    private void stopListening() {
        if (live != null) {
            live.remove();
            live = null;
        }
    }

    void heard(Caller.TenantUser listener, TicketUpdate update) {
        if (TicketNews.mayNotify(update, listener)) {
            bell.refreshCount();
        }
        if (TicketNews.isNews(update, listener, viewing)) {
            notice(update);
        }
    }

    private void notice(TicketUpdate update) {
        Span text = new Span(getTranslation("shell.news", update.number(), getTranslation(TicketNews.changeKey(update.change())),
                update.by()));
        Button open = new Button(getTranslation("shell.news.open"));
        open.setId("ticket-news-open");
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        Notification n = new Notification();
        n.setId("ticket-news");
        open.addClickListener(e -> {
            n.close();
            go("tickets/" + update.number());
        });
        HorizontalLayout content = new HorizontalLayout(text, open);
        content.setAlignItems(FlexComponent.Alignment.CENTER);
        n.add(content);
        n.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
        n.setPosition(Notification.Position.BOTTOM_END);
        n.setDuration(6000);
        n.open();
    }

    private void go(String path) {
        getUI().ifPresent(ui -> ui.navigate(path));
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        relabel();
    }

    private void relabel() {
        queues.setLabel(getTranslation("shell.nav.queues"));
        newTicket.setLabel(getTranslation("shell.nav.new-ticket"));
        customers.setLabel(getTranslation("shell.nav.customers"));
        teamBoard.setLabel(getTranslation("shell.nav.team"));
    }

    private void logout() {
        stopListening();
        // Vaadin's advice: ask for the new page first, then end the session.
        getUI().ifPresent(ui -> ui.getPage().setLocation(LOGIN_LOCATION));
        authentication.logout(VaadinServletRequest.getCurrent().getHttpServletRequest());
    }

}
