package io.kefu.ui.shell;

import java.util.Objects;
import java.util.regex.Pattern;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.shared.Registration;

/**
 * Keyboard shortcuts of the workspace: a view registers its own with a label, they work while
 * the view is attached and the help ({@code ?}) lists them with the shell's. Keys are what the
 * user types, outside any text field: one character ({@code c}, {@code /}, {@code ?}) or a
 * sequence of two ({@code g q}: g, then q within a second and a half). A later registration of
 * the same keys wins while it lasts (a view may take over a global key).
 *
 * <pre>{@code Shortcuts.register(this, "r", "ticket.shortcut.reply", replyEditor::focus);}</pre>
 */
public final class Shortcuts {

    /** One or two printable characters separated by a space. */
    private static final Pattern KEYS = Pattern.compile("\\S( \\S)?");

    private Shortcuts() {
    }

    /**
     * Listens for {@code keys} while {@code owner} is attached (also after it is attached again);
     * the registration ends it for good.
     *
     * @param labelKey the bundle key of what the shortcut does, shown in the help
     */
    public static Registration register(Component owner, String keys, String labelKey, Command action) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(labelKey, "labelKey");
        Objects.requireNonNull(action, "action");
        if (keys == null || !KEYS.matcher(keys).matches()) {
            throw new IllegalArgumentException("Keys are one character or two separated by a space: '" + keys + "'");
        }
        ShortcutKeys.Entry entry = new ShortcutKeys.Entry(keys, labelKey, action);
        Registration onAttach = owner.addAttachListener(e -> ShortcutKeys.of(e.getUI()).add(entry));
        Registration onDetach = owner.addDetachListener(e -> ShortcutKeys.of(e.getUI()).remove(entry));
        owner.getUI().ifPresent(ui -> ShortcutKeys.of(ui).add(entry));
        return () -> {
            onAttach.remove();
            onDetach.remove();
            owner.getUI().ifPresent(ui -> ShortcutKeys.of(ui).remove(entry));
        };
    }

    /** Opens the list of every shortcut that works now. */
    public static void showHelp(UI ui) {
        new ShortcutHelp(ShortcutKeys.of(ui).active()).open();
    }

    /** As if the user had typed {@code keys}: true when a shortcut took them (for tests and the help's buttons). */
    public static boolean press(UI ui, String keys) {
        return ShortcutKeys.of(ui).pressed(keys);
    }
}
