package io.kefu.ui.layout;

import java.util.Optional;

import jakarta.inject.Inject;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.dom.ThemeList;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.theme.lumo.LumoUtility;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Role;
import io.kefu.platform.security.Authentication;
import io.kefu.ui.i18n.LabelKeys;
import io.kefu.ui.i18n.LanguageSelect;
import io.kefu.ui.login.LoginView;
import io.kefu.ui.session.CurrentUser;
import io.kefu.ui.session.Profile;
import io.kefu.ui.session.Profiles;

/**
 * Header with the app's name, the tenant, the user and their role, the language switch, the
 * theme and logging out; a drawer with the workspace's places, linked by path so that this
 * layout does not depend on the views inside it. Nobody logged in as a tenant user (an
 * operator included) is forwarded to the login view before any view inside this layout is shown.
 */
public class MainLayout extends AppLayout implements BeforeEnterObserver, LocaleChangeObserver {

    /** Where logging out goes, by a full page load (the session is gone). */
    public static final String LOGIN_LOCATION = "login";

    private final Authentication authentication;
    private final CurrentUser currentUser;
    private final Profiles profiles;

    private final Span appName = new Span("客服 Kefu");
    private final Span tenant = new Span();
    private final Span user = new Span();
    private final Span role = new Span();
    private final LanguageSelect language = new LanguageSelect();
    private final Button logout = new Button(VaadinIcon.SIGN_OUT.create());
    private final Button theme = new Button(VaadinIcon.ADJUST.create());
    private final SideNav nav = new SideNav();
    private final SideNavItem queues = new SideNavItem("", "queues", VaadinIcon.INBOX.create());
    private final SideNavItem newTicket = new SideNavItem("", "tickets/new", VaadinIcon.PLUS.create());
    private final SideNavItem customers = new SideNavItem("", "customers", VaadinIcon.USERS.create());
    private final SideNavItem teamBoard = new SideNavItem("", "team", VaadinIcon.GROUP.create());
    private Profile profile;

    @Inject
    public MainLayout(Authentication authentication, CurrentUser currentUser, Profiles profiles) {
        this.authentication = authentication;
        this.currentUser = currentUser;
        this.profiles = profiles;

        appName.setId("app-name");
        appName.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.FontWeight.SEMIBOLD, LumoUtility.TextColor.PRIMARY,
                LumoUtility.Whitespace.NOWRAP);
        tenant.setId("header-tenant");
        tenant.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Overflow.HIDDEN, LumoUtility.TextOverflow.ELLIPSIS,
                LumoUtility.Whitespace.NOWRAP);
        tenant.getStyle().set("min-width", "0");
        user.setId("header-user");
        user.addClassNames(LumoUtility.FontWeight.MEDIUM, LumoUtility.Whitespace.NOWRAP);
        role.setId("header-role");
        role.getElement().getThemeList().add("badge contrast small");
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.addClickListener(e -> logout());

        HorizontalLayout who = new HorizontalLayout(user, role);
        who.setSpacing(false);
        who.addClassNames(LumoUtility.Gap.SMALL);
        who.setAlignItems(FlexComponent.Alignment.CENTER);

        theme.setId("theme-toggle");
        theme.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        theme.addClickListener(e -> toggleTheme());

        DrawerToggle toggle = new DrawerToggle();
        toggle.setId("drawer-toggle");
        HorizontalLayout header = new HorizontalLayout(toggle, appName, tenant, who, language, theme, logout);
        header.setId("header");
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.addClassNames(LumoUtility.Padding.Horizontal.MEDIUM, LumoUtility.Gap.MEDIUM);
        // The user block and what follows sit at the right.
        header.expand(tenant);
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
    }

    /** Lumo's dark variant on the whole page, for this UI. */
    private void toggleTheme() {
        getUI().ifPresent(ui -> {
            ThemeList page = ui.getElement().getThemeList();
            if (page.contains(Lumo.DARK)) {
                page.remove(Lumo.DARK);
            } else {
                page.add(Lumo.DARK);
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Caller.TenantUser> caller = currentUser.tenantUser();
        if (caller.isEmpty()) {
            // Forwarded, not rerouted: the address bar then says /login too.
            event.forwardTo(LoginView.class);
            return;
        }
        profile = profiles.of(caller.get());
        tenant.setText(profile.tenantName());
        user.setText(profile.displayName());
        // The board is the supervisors' (and admins'); an agent is not shown a door they cannot open.
        teamBoard.setVisible(profile.role() != Role.AGENT);
        relabel();
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        relabel();
    }

    private void relabel() {
        logout.setText(getTranslation("layout.logout"));
        theme.setAriaLabel(getTranslation("layout.theme"));
        theme.setTooltipText(getTranslation("layout.theme"));
        queues.setLabel(getTranslation("layout.nav.queues"));
        newTicket.setLabel(getTranslation("layout.nav.new-ticket"));
        customers.setLabel(getTranslation("layout.nav.customers"));
        teamBoard.setLabel(getTranslation("layout.nav.team"));
        if (profile != null) {
            role.setText(getTranslation(LabelKeys.role(profile.role())));
        }
    }

    private void logout() {
        // Vaadin's advice: ask for the new page first, then end the session.
        getUI().ifPresent(ui -> ui.getPage().setLocation(LOGIN_LOCATION));
        authentication.logout(VaadinServletRequest.getCurrent().getHttpServletRequest());
    }
}
