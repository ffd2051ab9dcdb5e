package io.kefu.ui.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.Command;

import elemental.json.Json;
import elemental.json.JsonArray;

/**
 * The browser's side of {@link Shortcuts}, one per UI: an invisible element whose script listens
 * to the page's key presses and sends a registered sequence here. Only the keys are sent, and
 * only those registered: typing in fields never reaches the server.
 */
final class ShortcutKeys extends Div {

    /** One registration; identity matters (the same keys may be registered twice). */
    record Entry(String keys, String labelKey, Command action) {
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /**
     * Ignores key presses with Ctrl, Alt or Meta and in anything editable (also inside shadow
     * roots, hence composedPath); waits 1.5 s for the second key of a sequence. One listener per
     * page: a new one (after a reattach) replaces the previous.
     */
    private static final String LISTENER = """
            const hub = $0;
            if (window.__kefuShortcuts) { document.removeEventListener('keydown', window.__kefuShortcuts); }
            let prefix = null, prefixAt = 0;
            window.__kefuShortcuts = e => {
              if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.key.length !== 1) { return; }
              const t = e.composedPath()[0];
              if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) { return; }
              const keys = hub.keys || [];
              let typed = e.key;
              if (prefix && Date.now() - prefixAt < 1500 && keys.includes(prefix + ' ' + e.key)) {
                typed = prefix + ' ' + e.key;
              } else if (keys.some(k => k.startsWith(e.key + ' '))) {
                prefix = e.key; prefixAt = Date.now(); e.preventDefault(); return;
              }
              prefix = null;
              if (!keys.includes(typed)) { return; }
              e.preventDefault();
              hub.$server.pressed(typed);
            };
            document.addEventListener('keydown', window.__kefuShortcuts);
            """;

    private final List<Entry> entries = new ArrayList<>();

    private ShortcutKeys() {
        setId("shortcut-keys");
        getStyle().set("display", "none");
    }

    /** This UI's, added to it on first use. */
    static ShortcutKeys of(UI ui) {
        ShortcutKeys hub = ComponentUtil.getData(ui, ShortcutKeys.class);
        if (hub == null) {
            hub = new ShortcutKeys();
            ComponentUtil.setData(ui, ShortcutKeys.class, hub);
            ui.add(hub);
        }
        return hub;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        attachEvent.getUI().getPage().executeJs(LISTENER, getElement());
    }

    void add(Entry e) {
        if (!entries.contains(e)) {
            entries.add(e);
            publishKeys();
        }
    }

    void remove(Entry e) {
        if (entries.remove(e)) {
            publishKeys();
        }
    }

    /** The shortcut each key sequence runs now (the latest registration), in order of first registration. */
    List<Entry> active() {
        Map<String, Entry> byKeys = new LinkedHashMap<>();
        entries.forEach(e -> byKeys.put(e.keys(), e));
        return List.copyOf(byKeys.values());
    }

    @ClientCallable
    boolean pressed(String keys) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).keys().equals(keys)) {
                entries.get(i).action().execute();
                return true;
            }
        }
        return false;
    }

    private void publishKeys() {
        JsonArray keys = Json.createArray();
        active().forEach(e -> keys.set(keys.length(), e.keys()));
        getElement().setPropertyJson("keys", keys);
    }
}
