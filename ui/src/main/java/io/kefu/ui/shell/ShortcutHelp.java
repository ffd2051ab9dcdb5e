package io.kefu.ui.shell;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** The list of shortcuts that work now ({@code ?}). */
final class ShortcutHelp extends Dialog {

    ShortcutHelp(List<ShortcutKeys.Entry> shortcuts) {
        setId("shortcuts-help");
        setHeaderTitle(getTranslation("shell.shortcuts.title"));
        Div table = new Div();
        table.setId("shortcuts-list");
        table.addClassNames(LumoUtility.Display.GRID, LumoUtility.Gap.Column.LARGE, LumoUtility.Gap.Row.SMALL,
                LumoUtility.AlignItems.CENTER);
        table.getStyle().set("grid-template-columns", "max-content 1fr");
        for (ShortcutKeys.Entry e : shortcuts) {
            Div keys = new Div();
            keys.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.XSMALL);
            for (String key : e.keys().split(" ")) {
                Span k = new Span(key);
                // A key cap: Lumo's contrast badge in a monospace font.
                k.getElement().getThemeList().add("badge contrast");
                k.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
                k.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
                keys.add(k);
            }
            keys.getElement().setAttribute("data-keys", e.keys());
            table.add(keys, new Span(getTranslation(e.labelKey())));
        }
        add(table);
        Button close = new Button(getTranslation("shell.shortcuts.close"), c -> close());
        close.setId("shortcuts-help-close");
        getFooter().add(close);
        setCloseOnEsc(true);
        setCloseOnOutsideClick(true);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                removeFromParent();
            }
        });
    }
}
