package io.kefu.ui.shell;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;

/**
 * The search box in the header (see {@link SearchTarget}): Enter opens a ticket by its number or
 * searches the queues; for what looks like a phone number or an e-mail address a button offers
 * the customers too. What was typed stays in the box.
 */
public class GlobalSearch extends Composite<TextField> implements LocaleChangeObserver {

    private final Button customers = new Button(VaadinIcon.USERS.create());

    public GlobalSearch() {
        TextField field = getContent();
        field.setId("global-search");
        field.setClearButtonVisible(true);
        field.setPrefixComponent(VaadinIcon.SEARCH.create());
        field.addThemeVariants(TextFieldVariant.LUMO_SMALL);
        field.setMaxLength(SearchTarget.MAX_LENGTH);
        field.setWidthFull();
        field.setMaxWidth("26rem");
        field.setMinWidth("8rem");
        // Eager enough to show the customers' button while typing, without a request per key.
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.addValueChangeListener(e -> customers.setVisible(SearchTarget.customers(e.getValue()).isPresent()));
        field.addKeyPressListener(Key.ENTER, e -> go());

        customers.setId("global-search-customers");
        customers.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        customers.setVisible(false);
        customers.addClickListener(e -> SearchTarget.customers(field.getValue()).ifPresent(this::navigate));
        field.setSuffixComponent(customers);
    }

    /** Goes where the current text leads; nothing for blank text. */
    public void go() {
        SearchTarget.of(getContent().getValue()).ifPresent(this::navigate);
    }

    public void focus() {
        getContent().focus();
    }

    private void navigate(SearchTarget target) {
        getUI().ifPresent(ui -> ui.navigate(target.path(), target.query()));
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        getContent().setPlaceholder(getTranslation("shell.search.placeholder"));
        getContent().setAriaLabel(getTranslation("shell.search.label"));
        customers.setText(getTranslation("shell.search.customers"));
        customers.setTooltipText(getTranslation("shell.search.customers.tooltip"));
    }
}
