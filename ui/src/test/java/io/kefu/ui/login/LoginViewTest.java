package io.kefu.ui.login;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.ShortcutsKt;
import com.github.mvysny.kaributesting.v10.UtilsKt;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.security.LoginOutcome;
import io.kefu.ui.AbstractViewTest;
import io.kefu.ui.queue.QueuesView;
import io.kefu.ui.i18n.UiLocales;

class LoginViewTest extends AbstractViewTest {

    @BeforeEach
    void openLoginView() {
        UI.getCurrent().navigate("login");
    }

    private static TextField tenantField() {
        return _get(TextField.class, spec -> spec.withId("tenant"));
    }

    private static TextField usernameField() {
        return _get(TextField.class, spec -> spec.withId("username"));
    }

    private static PasswordField passwordField() {
        return _get(PasswordField.class, spec -> spec.withId("password"));
    }

    private static Button loginButton() {
        return _get(Button.class, spec -> spec.withId("login-button"));
    }

    @SuppressWarnings("unchecked")
    private static Select<Locale> languageSelect() {
        return _get(Select.class, spec -> spec.withId("language"));
    }

    private static void type(String tenant, String username, String password) {
        _setValue(tenantField(), tenant);
        _setValue(usernameField(), username);
        _setValue(passwordField(), password);
    }

    @Test
    void loginView_isShownAtLogin_withEnglishLabels() {
        NavigatorKt.expectView(LoginView.class);
        assertEquals("Tenant code", tenantField().getLabel());
        assertEquals("User name", usernameField().getLabel());
        assertEquals("Password", passwordField().getLabel());
        assertEquals("Log in", loginButton().getText());
        assertEquals("Log in · 客服 Kefu", _get(LoginView.class).getPageTitle());
        assertEquals(UiLocales.ENGLISH, languageSelect().getValue());
    }

    @Test
    void invalidTenantCode_errorOnTenantField_everythingTypedKept() {
        authentication.outcome = new LoginOutcome.Refused(FieldError.of("tenant", "tenant.code.invalid", "Bad Code"));
        type("Bad Code", "alice", "secret1");

        _click(loginButton());

        assertEquals(List.of(List.of("Bad Code", "alice", "secret1")), authentication.attempts);
        assertTrue(tenantField().isInvalid());
        assertEquals("'Bad Code' is not a valid tenant code: 3 to 31 lower-case letters, digits or hyphens, starting with a letter.",
                tenantField().getErrorMessage());
        assertFalse(usernameField().isInvalid());
        assertFalse(passwordField().isInvalid());
        assertEquals("Bad Code", tenantField().getValue());
        assertEquals("alice", usernameField().getValue());
        assertEquals("secret1", passwordField().getValue());
        assertTrue(requestedLocation().isEmpty(), "a refused login stays on the page");
    }

    @Test
    void missingUserName_errorOnUsernameField() {
        authentication.outcome = new LoginOutcome.Refused(FieldError.of("username", "field.required"));
        type("sf-demo", "", "secret1");

        _click(loginButton());

        assertTrue(usernameField().isInvalid());
        assertEquals("This field is required.", usernameField().getErrorMessage());
        assertFalse(tenantField().isInvalid());
        assertEquals("sf-demo", tenantField().getValue());
        assertEquals("secret1", passwordField().getValue());
    }

    @Test
    void wrongCredentials_errorOnPassword_tenantAndUsernameKept_passwordEmptied() {
        type("sf-demo", "wxm", "wrong-password");

        _click(loginButton());

        assertTrue(passwordField().isInvalid());
        assertEquals("Tenant, user name or password is wrong.", passwordField().getErrorMessage());
        assertEquals("", passwordField().getValue());
        assertEquals("sf-demo", tenantField().getValue());
        assertEquals("wxm", usernameField().getValue());
        assertFalse(tenantField().isInvalid());
        assertFalse(usernameField().isInvalid());
    }

    @Test
    void typingInTheFieldInError_clearsTheError() {
        authentication.outcome = new LoginOutcome.Refused(FieldError.of("tenant", "tenant.code.invalid", "x"));
        type("x", "wxm", "secret1");
        _click(loginButton());
        assertTrue(tenantField().isInvalid());

        _setValue(tenantField(), "sf-demo");

        assertFalse(tenantField().isInvalid());
    }

    @Test
    void aSecondAttempt_clearsTheFirstError() {
        authentication.outcome = new LoginOutcome.Refused(FieldError.of("tenant", "tenant.code.invalid", "x"));
        type("x", "wxm", "secret1");
        _click(loginButton());

        authentication.outcome = new LoginOutcome.Refused(FieldError.of("username", "field.required"));
        _click(loginButton());

        assertFalse(tenantField().isInvalid());
        assertTrue(usernameField().isInvalid());
    }

    @Test
    void enterKey_submits() {
        type("sf-demo", "wxm", "secret1");

        ShortcutsKt.fireShortcut(Key.ENTER);

        assertEquals(List.of(List.of("sf-demo", "wxm", "secret1")), authentication.attempts);
    }

    @Test
    void success_loadsTheAppsRoot_theQueues() {
        authentication.outcome = new LoginOutcome.Success(SUPERVISOR);
        type("sf-demo", "wxm", "secret1");

        _click(loginButton());

        assertEquals(Optional.of("./"), requestedLocation(), "a full page load of the app's root");
        assertEquals(QueuesView.class, NavigatorKt.resolveRoute(""), "the app's root is the queues");
        assertFalse(passwordField().isInvalid());
    }

    @Test
    void alreadyLoggedIn_isForwardedHome() {
        logIn(SUPERVISOR);

        UI.getCurrent().navigate("login");

        NavigatorKt.expectView(QueuesView.class);
    }

    @Test
    void loggedInOperator_stillSeesTheForm() {
        logIn(new Caller.Operator("root"));

        UI.getCurrent().navigate("login");

        NavigatorKt.expectView(LoginView.class);
    }

    @Test
    void languageSwitch_relabelsTheFormInChinese_andBack() {
        type("sf-demo", "wxm", "");

        _setValue(languageSelect(), UiLocales.CHINESE);

        assertEquals(UiLocales.CHINESE, UI.getCurrent().getLocale());
        assertEquals(UiLocales.CHINESE, VaadinSession.getCurrent().getLocale());
        assertEquals("租户代码", tenantField().getLabel());
        assertEquals("用户名", usernameField().getLabel());
        assertEquals("密码", passwordField().getLabel());
        assertEquals("登录", loginButton().getText());
        assertEquals("登录 · 客服 Kefu", _get(LoginView.class).getPageTitle());
        assertEquals("sf-demo", tenantField().getValue(), "switching language keeps what was typed");
        Cookie cookie = lastLanguageCookie();
        assertNotNull(cookie, "the choice is remembered in a cookie");
        assertEquals("zh-CN", cookie.getValue());
        assertEquals("/", cookie.getPath());
        assertTrue(cookie.getMaxAge() > 0, "the cookie outlives the session");

        _setValue(languageSelect(), UiLocales.ENGLISH);

        assertEquals(UiLocales.ENGLISH, UI.getCurrent().getLocale());
        assertEquals("Tenant code", tenantField().getLabel());
        assertEquals("Log in", loginButton().getText());
        assertEquals("en", lastLanguageCookie().getValue());
    }

    /** Karibu keeps one response for the whole test; the browser would keep the last cookie set. */
    private static Cookie lastLanguageCookie() {
        List<Cookie> set = UtilsKt.getFake(VaadinResponse.getCurrent()).getCookies().stream()
                .filter(c -> UiLocales.COOKIE.equals(c.getName())).toList();
        return set.isEmpty() ? null : set.get(set.size() - 1);
    }

    @Test
    void languageSwitch_translatesTheErrorOnShow() {
        type("sf-demo", "wxm", "wrong-password");
        _click(loginButton());

        _setValue(languageSelect(), UiLocales.CHINESE);

        assertTrue(passwordField().isInvalid());
        assertEquals("租户、用户名或密码错误。", passwordField().getErrorMessage());
    }
}
