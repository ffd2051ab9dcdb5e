package io.kefu.ui.layout;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.theme.lumo.Lumo;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Role;
import io.kefu.ui.AbstractViewTest;
import io.kefu.ui.queue.QueuesView;
import io.kefu.ui.i18n.UiLocales;
import io.kefu.ui.login.LoginView;

class MainLayoutTest extends AbstractViewTest {

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }

    @SuppressWarnings("unchecked")
    private static Select<Locale> languageSelect() {
        return _get(Select.class, spec -> spec.withId("language"));
    }

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
    void aTenantUser_seesTheHeader_withTenantUserAndRole() {
        logIn(SUPERVISOR);

        UI.getCurrent().navigate("");

        NavigatorKt.expectView(QueuesView.class);
        assertEquals("客服 Kefu", text("app-name"));
        assertEquals("顺丰示例", text("header-tenant"));
        assertEquals("王小明", text("header-user"));
        assertEquals("Supervisor", text("header-role"));
        assertEquals("Log out", _get(Button.class, spec -> spec.withId("logout")).getText());
    }

    @Test
    void languageSwitch_relabelsTheHeader() {
        logIn(SUPERVISOR);
        UI.getCurrent().navigate("");

        _setValue(languageSelect(), UiLocales.CHINESE);

        assertEquals("主管", text("header-role"));
        assertEquals("退出登录", _get(Button.class, spec -> spec.withId("logout")).getText());
    }

    @Test
    void logout_endsTheSessionsLogin_andLoadsTheLoginPage() {
        logIn(SUPERVISOR);
        UI.getCurrent().navigate("");

        _click(_get(Button.class, spec -> spec.withId("logout")));

        assertEquals(1, authentication.logouts);
        assertTrue(currentUser.caller().isEmpty());
        assertEquals(Optional.of("login"), requestedLocation());
        assertEquals(LoginView.class, NavigatorKt.resolveRoute("login"));
    }

    @Test
    void drawer_linksTheWorkspace_andTheTeamBoardOnlyForSupervisors() {
        logIn(SUPERVISOR);
        UI.getCurrent().navigate("");

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
        members.add(member("li", "李四", Role.AGENT));
        logIn(new Caller.TenantUser(SF, "li", Role.AGENT));
        UI.getCurrent().navigate("");

        _assertNone(SideNavItem.class, spec -> spec.withId("nav-team"));
        _get(SideNavItem.class, spec -> spec.withId("nav-queues"));
    }

    @Test
    void themeToggle_switchesLumosDarkVariantOnAndOff() {
        logIn(SUPERVISOR);
        UI.getCurrent().navigate("");
        Button toggle = _get(Button.class, spec -> spec.withId("theme-toggle"));

        _click(toggle);
        assertTrue(UI.getCurrent().getElement().getThemeList().contains(Lumo.DARK));
        _click(toggle);
        assertFalse(UI.getCurrent().getElement().getThemeList().contains(Lumo.DARK));
    }
}
