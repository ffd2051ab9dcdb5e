package io.kefu.ui.i18n;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;

/**
 * Applies a language to a UI: the UI and its Vaadin session (so a reload and other tabs keep
 * it), {@code <html lang>}, and, when the user chose it, a cookie that outlives the session
 * (logging out invalidates the session; the language stays).
 */
public final class UiLanguage {

    private static final int COOKIE_MAX_AGE = (int) Duration.ofDays(365).toSeconds();

    private UiLanguage() {
    }

    /** The user picked {@code requested}: relabel everything now and remember the choice. */
    public static void switchTo(UI ui, Locale requested) {
        Locale locale = UiLocales.supported(requested);
        apply(ui, locale);
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response != null) {
            response.addCookie(cookie(locale, VaadinRequest.getCurrent()));
        }
    }

    /** A new UI: the cookie's language, else the browser's (see {@link UiLocales#initial}). */
    public static void initialize(UI ui, VaadinRequest request) {
        String chosen = null;
        List<Locale> browser = List.of();
        if (request != null) {
            chosen = cookieValue(request);
            browser = Collections.list(request.getLocales());
        }
        apply(ui, UiLocales.initial(chosen, browser));
    }

    /**
     * Sets the UI's and the session's locale; Vaadin then tells every attached
     * {@link com.vaadin.flow.i18n.LocaleChangeObserver}, which relabels itself.
     */
    static void apply(UI ui, Locale locale) {
        VaadinSession session = ui.getSession();
        if (session != null && !locale.equals(session.getLocale())) {
            session.setLocale(locale);
        }
        ui.setLocale(locale);
        ui.getPage().executeJs("document.documentElement.setAttribute('lang', $0)", UiLocales.tag(locale));
    }

    static Cookie cookie(Locale locale, VaadinRequest request) {
        Cookie cookie = new Cookie(UiLocales.COOKIE, UiLocales.tag(locale));
        String contextPath = request == null ? "" : request.getContextPath();
        cookie.setPath(contextPath == null || contextPath.isEmpty() ? "/" : contextPath);
        cookie.setMaxAge(COOKIE_MAX_AGE);
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    private static String cookieValue(VaadinRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (UiLocales.COOKIE.equals(c.getName())) {
                return c.getValue();
            }
        }
        return null;
    }
}
