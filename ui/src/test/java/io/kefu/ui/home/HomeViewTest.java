package io.kefu.ui.home;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Role;
import io.kefu.platform.tenant.Industry;
import io.kefu.platform.tenant.Tenant;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.ui.AbstractViewTest;
import io.kefu.ui.i18n.UiLocales;

class HomeViewTest extends AbstractViewTest {

    private static Span span(String id) {
        return _get(Span.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static Select<Locale> languageSelect() {
        return _get(Select.class, spec -> spec.withId("language"));
    }

    @Test
    void home_showsWhoIsLoggedIn_inEnglish() {
        logIn(SUPERVISOR);

        UI.getCurrent().navigate("me");

        assertEquals("Welcome, 王小明", _get(H2.class, spec -> spec.withId("welcome")).getText());
        assertEquals("王小明", span("current-user").getText());
        assertEquals("wxm", span("current-username").getText());
        assertEquals("Supervisor", span("current-role").getText());
        assertEquals("顺丰示例 (sf-demo)", span("current-tenant").getText());
        assertEquals("Express delivery", span("current-industry").getText());
        assertEquals("Home · 客服 Kefu", _get(HomeView.class).getPageTitle());
    }

    @Test
    void home_inChinese_translatesRoleIndustryAndLabels() {
        logIn(SUPERVISOR);
        UI.getCurrent().navigate("me");

        _setValue(languageSelect(), UiLocales.CHINESE);

        assertEquals("欢迎，王小明", _get(H2.class, spec -> spec.withId("welcome")).getText());
        assertEquals("主管", span("current-role").getText());
        assertEquals("顺丰示例（sf-demo）", span("current-tenant").getText());
        assertEquals("快递", span("current-industry").getText());
        assertEquals("首页 · 客服 Kefu", _get(HomeView.class).getPageTitle());
    }

    @Test
    void home_showsEachRole() {
        TenantCode hotel = new TenantCode("grand-hotel");
        tenants.add(Tenant.beginProvisioning(hotel, "Grand Hotel", Industry.HOTEL, "basic", "it@grand-hotel.cn"));
        members.add(member("boss", "Li Na", Role.TENANT_ADMIN));
        logIn(new Caller.TenantUser(hotel, "boss", Role.TENANT_ADMIN));

        UI.getCurrent().navigate("me");

        assertEquals("Tenant admin", span("current-role").getText());
        assertEquals("Grand Hotel (grand-hotel)", span("current-tenant").getText());
        assertEquals("Hotel", span("current-industry").getText());
    }

    @Test
    void home_withoutMemberOrTenantRecords_fallsBackToCodes_andHidesTheIndustry() {
        members.clear();
        tenants.clear();
        logIn(new Caller.TenantUser(SF, "agent7", Role.AGENT));

        UI.getCurrent().navigate("me");

        assertEquals("agent7", span("current-user").getText());
        assertEquals("Agent", span("current-role").getText());
        assertEquals("sf-demo (sf-demo)", span("current-tenant").getText());
        _assertNone(Span.class, spec -> spec.withId("current-industry"));
    }
}
