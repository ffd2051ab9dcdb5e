package io.kefu.ui.session;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.VaadinSession;

import elemental.json.JsonType;
import elemental.json.JsonValue;

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

    /** Remembered in the session for a browser that has no value stored: asked once, not per page. */
    private static final String NONE = "\u0000none";

    /**
     * Hands the stored value ({@code null}: none) to {@code then}: at once when the session knows
     * it, else when the browser answers.
     */
    public static void read(UI ui, String name, Caller.TenantUser user, SerializableConsumer<String> then) {
        String key = storageKey(name, user);
        VaadinSession session = ui.getSession();
        Object known = session == null ? null : session.getAttribute(key);
        if (known instanceof String value) {
            then.accept(NONE.equals(value) ? null : value);
            return;
        }
        // Local storage answers null for a key it does not hold: that too is remembered for the
        // session, so a browser with nothing stored is asked once, not on every page.
        ui.getPage().executeJs("return window.localStorage.getItem($0)", key)
                .then(JsonValue.class, stored -> answered(ui, key, stored, then), error -> then.accept(null));
    }

    /** The browser's answer for {@code key}: a string, or null when it holds none. */
    static void answered(UI ui, String key, JsonValue stored, SerializableConsumer<String> then) {
        String value = stored != null && stored.getType() == JsonType.STRING ? stored.asString() : null;
        remember(ui, key, value == null ? NONE : value);
        then.accept(value);
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
