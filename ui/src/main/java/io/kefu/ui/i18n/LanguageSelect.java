package io.kefu.ui.i18n;

import java.util.Locale;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.select.SelectVariant;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;

/**
 * 中文 / English. Picking one switches the whole UI at once (see {@link UiLanguage#switchTo}).
 * Each language is named in itself, so the switch reads the same whatever the current language.
 */
public class LanguageSelect extends Select<Locale> implements LocaleChangeObserver {

    public static final String ID = "language";

    public LanguageSelect() {
        setId(ID);
        setItems(UiLocales.SUPPORTED);
        setItemLabelGenerator(UiLocales::nativeName);
        setPrefixComponent(VaadinIcon.GLOBE_WIRE.create());
        addThemeVariants(SelectVariant.LUMO_SMALL);
        setWidth("9.5em");
        addValueChangeListener(e -> {
            Locale chosen = e.getValue();
            // Also fires when localeChange below follows a switch made elsewhere: nothing to do then.
            getUI().filter(ui -> chosen != null && !UiLocales.supported(chosen).equals(UiLocales.supported(ui.getLocale())))
                    .ifPresent(ui -> UiLanguage.switchTo(ui, chosen));
        });
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        setValue(UiLocales.supported(event.getLocale()));
        setAriaLabel(getTranslation("language.label"));
    }
}
