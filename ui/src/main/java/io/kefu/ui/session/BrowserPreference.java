package io.kefu.ui.session;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.VaadinSession;

import io.kefu.platform.identity.Caller;

/**
 * A user's choice remembered by their browser: in its local storage under
 * {@code kefu.<name>.<tenant>/<user>} (it outlives the session, and two people sharing a browser
 * keep their own), and in the Vaadin session so that a new tab or a reload in the same session
 * needs no round trip to the browser. Only for choices of how things look: nothing the server
 * relies on, since the browser may forget or change it.
 */
public final class BrowserPreference {

    private BrowserPreference() {
    }

    /**
     * Hands the stored value ({@code null}: none) to {@code then}: at once when the session knows
     * it, else when the browser answers.
     */
    public static void read(UI ui, String name, Caller.TenantUser user, SerializableConsumer<String> then) {
        String key = storageKey(name, user);
        VaadinSession session = ui.getSession();
        Object known = session == null ? null : session.getAttribute(key);
        if (known instanceof String value) {
            then.accept(value);
            return;
        }
        ui.getPage().executeJs("return window.localStorage.getItem($0)", key).then(String.class, stored -> {
            remember(ui, key, stored);
            then.accept(stored);
        }, error -> then.accept(null));
    }

    /** Stores {@code value} in the session and the browser. */
    public static void write(UI ui, String name, Caller.TenantUser user, String value) {
        String key = storageKey(name, user);
        remember(ui, key, value);
        ui.getPage().executeJs("window.localStorage.setItem($0, $1)", key, value);
    }

    public static String storageKey(String name, Caller.TenantUser user) {
        return "kefu." + name + "." + user.principalName();
    }

    private static void remember(UI ui, String key, String value) {
        VaadinSession session = ui.getSession();
        if (session != null && value != null) {
            session.setAttribute(key, value);
        }
    }
}
