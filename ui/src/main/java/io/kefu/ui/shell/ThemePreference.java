package io.kefu.ui.shell;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.theme.lumo.Lumo;

import io.kefu.platform.identity.Caller;
import io.kefu.ui.session.BrowserPreference;

/** Light or dark (Lumo's variants), remembered per user by their browser ({@link BrowserPreference}). */
public final class ThemePreference {

    static final String NAME = "theme";
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
        BrowserPreference.read(ui, NAME, user, stored -> {
            apply(ui, DARK.equals(stored));
            applied.run();
        });
    }

    /** Switches and remembers; returns whether it is dark now. */
    public static boolean toggle(UI ui, Caller.TenantUser user) {
        boolean dark = !isDark(ui);
        apply(ui, dark);
        BrowserPreference.write(ui, NAME, user, dark ? DARK : LIGHT);
        return dark;
    }

    public static boolean isDark(UI ui) {
        return ui.getElement().getThemeList().contains(Lumo.DARK);
    }

    private static void apply(UI ui, boolean dark) {
        ui.getElement().getThemeList().set(Lumo.DARK, dark);
    }
}
