package io.kefu.ui.shell;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.theme.lumo.Lumo;

import io.kefu.platform.identity.Caller;

/**
 * Light or dark (Lumo's variants), remembered per user: in the browser's local storage, keyed by
 * tenant and user name (it outlives the session, and two people sharing a browser keep their
 * own), and in the Vaadin session so that a new tab or a reload in the same session needs no
 * round trip to the browser.
 */
public final class ThemePreference {

    static final String STORAGE_PREFIX = "kefu.theme.";
    static final String DARK = "dark";
    static final String LIGHT = "light";

    /** Marks a UI whose theme was restored (once per UI, not on every navigation). */
    private record Restored() {
    }

    private ThemePreference() {
    }

    /** The user's theme on a new UI: the session's if known, else the browser's (asynchronously); then {@code applied}. */
    public static void restore(UI ui, Caller.TenantUser user, Runnable applied) {
        if (ComponentUtil.getData(ui, Restored.class) != null) {
            return;
        }
        ComponentUtil.setData(ui, Restored.class, new Restored());
        Object known = session(ui) == null ? null : session(ui).getAttribute(storageKey(user));
        if (known instanceof String theme) {
            apply(ui, DARK.equals(theme));
            applied.run();
            return;
        }
        ui.getPage().executeJs("return window.localStorage.getItem($0)", storageKey(user)).then(String.class, stored -> {
            boolean dark = DARK.equals(stored);
            apply(ui, dark);
            remember(ui, user, dark);
            applied.run();
        });
    }

    /** Switches and remembers; returns whether it is dark now. */
    public static boolean toggle(UI ui, Caller.TenantUser user) {
        boolean dark = !isDark(ui);
        apply(ui, dark);
        remember(ui, user, dark);
        ui.getPage().executeJs("window.localStorage.setItem($0, $1)", storageKey(user), dark ? DARK : LIGHT);
        return dark;
    }

    public static boolean isDark(UI ui) {
        return ui.getElement().getThemeList().contains(Lumo.DARK);
    }

    static String storageKey(Caller.TenantUser user) {
        return STORAGE_PREFIX + user.principalName();
    }

    private static void apply(UI ui, boolean dark) {
        ui.getElement().getThemeList().set(Lumo.DARK, dark);
    }

    private static void remember(UI ui, Caller.TenantUser user, boolean dark) {
        VaadinSession session = session(ui);
        if (session != null) {
            session.setAttribute(storageKey(user), dark ? DARK : LIGHT);
        }
    }

    private static VaadinSession session(UI ui) {
        return ui.getSession();
    }
}
