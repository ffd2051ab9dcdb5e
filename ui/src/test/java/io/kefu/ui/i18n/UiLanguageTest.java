package io.kefu.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;

import io.kefu.ui.AbstractViewTest;

/** The language a new UI starts in (what {@link LocaleInitializer} applies to each UI). */
class UiLanguageTest extends AbstractViewTest {

    /** The current mocked request, with the given cookies and Accept-Language. */
    private static VaadinRequest request(List<Cookie> cookies, List<Locale> browser) {
        HttpServletRequestWrapper http = new HttpServletRequestWrapper(
                VaadinServletRequest.getCurrent().getHttpServletRequest()) {
            @Override
            public Cookie[] getCookies() {
                return cookies.isEmpty() ? null : cookies.toArray(new Cookie[0]);
            }

            @Override
            public Enumeration<Locale> getLocales() {
                return Collections.enumeration(browser);
            }
        };
        return new VaadinServletRequest(http, (VaadinServletService) VaadinServletService.getCurrent());
    }

    private static void assertLanguage(Locale expected) {
        assertEquals(expected, UI.getCurrent().getLocale());
        assertEquals(expected, VaadinSession.getCurrent().getLocale());
    }

    @Test
    void theCookie_winsOverTheBrowser() {
        UiLanguage.initialize(UI.getCurrent(), request(List.of(new Cookie("kefu-lang", "zh-CN")), List.of(Locale.US)));

        assertLanguage(UiLocales.CHINESE);
    }

    @Test
    void withoutCookie_theBrowsersFirstLanguageOfOurs_wins() {
        UiLanguage.initialize(UI.getCurrent(), request(List.of(), List.of(Locale.FRENCH, Locale.TRADITIONAL_CHINESE, Locale.US)));
        assertLanguage(UiLocales.CHINESE);

        UiLanguage.initialize(UI.getCurrent(), request(List.of(), List.of(Locale.US, Locale.SIMPLIFIED_CHINESE)));
        assertLanguage(UiLocales.ENGLISH);
    }

    @Test
    void aCookieWithAnotherValue_isIgnored() {
        UiLanguage.initialize(UI.getCurrent(), request(List.of(new Cookie("kefu-lang", "fr")), List.of(Locale.SIMPLIFIED_CHINESE)));

        assertLanguage(UiLocales.CHINESE);
    }

    @Test
    void theDocumentsLang_followsTheLanguage() {
        UiLanguage.initialize(UI.getCurrent(), request(List.of(), List.of(Locale.SIMPLIFIED_CHINESE)));

        assertTrue(UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .anyMatch(i -> i.getInvocation().getExpression().contains("'lang'")
                        && i.getInvocation().getParameters().equals(List.of("zh-CN"))));
    }
}
