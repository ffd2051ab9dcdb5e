package io.kefu.ui.ticket;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.json.JsonValue;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.theme.lumo.LumoUtility;

import io.kefu.platform.form.FormValidator;

/**
 * Someone saved the ticket while the agent was editing it: per field both changed, what the
 * agent typed and what was saved, and the agent keeps theirs or mine. Fields only one side
 * changed are merged without asking. Nothing the agent typed is lost: cancelling returns to the
 * edit as it was.
 */
class MergeDialog extends Dialog {

    private final Map<String, RadioButtonGroup<EditMerge.Keep>> choices = new LinkedHashMap<>();

    /**
     * @param label  the field's name in the UI's language
     * @param save   saves with the choices made
     */
    MergeDialog(String by, List<EditMerge.Conflict> conflicts, Function<String, String> label,
                Consumer<Map<String, EditMerge.Keep>> save) {
        setId("merge-dialog");
        setHeaderTitle(getTranslation("ticket.merge.title"));
        Paragraph intro = new Paragraph(getTranslation("ticket.merge.intro", by));
        Div grid = new Div();
        grid.addClassNames(LumoUtility.Display.GRID, LumoUtility.Gap.MEDIUM);
        grid.getStyle().set("grid-template-columns", "max-content 1fr 1fr max-content");
        grid.add(head(""), head(getTranslation("ticket.merge.mine")), head(getTranslation("ticket.merge.theirs")), head(""));
        for (EditMerge.Conflict c : conflicts) {
            Span name = new Span(label.apply(c.field()));
            name.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
            Span mine = value(c.mine());
            mine.setId("merge-mine-" + c.field());
            Span theirs = value(c.theirs());
            theirs.setId("merge-theirs-" + c.field());
            RadioButtonGroup<EditMerge.Keep> keep = new RadioButtonGroup<>();
            keep.setId("merge-keep-" + c.field());
            keep.setItems(EditMerge.Keep.MINE, EditMerge.Keep.THEIRS);
            keep.setItemLabelGenerator(k -> getTranslation(k == EditMerge.Keep.MINE ? "ticket.merge.keep-mine" : "ticket.merge.keep-theirs"));
            keep.setValue(EditMerge.Keep.MINE);
            choices.put(c.field(), keep);
            grid.add(name, mine, theirs, keep);
        }
        add(intro, grid);
        Button confirm = new Button(getTranslation("ticket.merge.save"), e -> {
            Map<String, EditMerge.Keep> picked = new LinkedHashMap<>();
            choices.forEach((field, group) -> picked.put(field, group.getValue()));
            close();
            save.accept(picked);
        });
        confirm.setId("merge-save");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("ticket.cancel"), e -> close());
        cancel.setId("merge-cancel");
        getFooter().add(cancel, confirm);
    }

    private static Span head(String text) {
        Span s = new Span(text);
        s.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        return s;
    }

    /** A value as text (never markup); an empty value as a dash. */
    private static Span value(JsonValue v) {
        String text = FormValidator.text(v);
        return new Span(text == null ? "—" : text);
    }
}
