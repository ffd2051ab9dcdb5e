package io.kefu.ui.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import jakarta.enterprise.context.ApplicationScoped;

import com.vaadin.cdi.annotation.VaadinServiceEnabled;
import com.vaadin.flow.i18n.I18NProvider;

import io.kefu.platform.i18n.Messages;

/**
 * The UI's texts: {@code io/kefu/ui/i18n/ui_en.properties} and {@code ui_zh_CN.properties}
 * (UTF-8). A key neither bundle knows goes to the platform's {@link Messages}, so a
 * {@link io.kefu.platform.problem.FieldError}'s code can be passed to {@code getTranslation}
 * as it is. vaadin-cdi finds this bean by its {@link VaadinServiceEnabled} qualifier.
 */
@ApplicationScoped
@VaadinServiceEnabled
public class KefuI18NProvider implements I18NProvider {

    static final String BUNDLE = "io.kefu.ui.i18n.ui";

    /**
     * English first: Vaadin falls back to the first provided locale for a browser that asks for
     * neither language (each new UI then gets its language from {@link UiLocales#initial}).
     */
    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(UiLocales.ENGLISH, UiLocales.CHINESE);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        if (key == null) {
            return "";
        }
        Locale language = UiLocales.supported(locale);
        ResourceBundle bundle = bundle(language);
        if (!bundle.containsKey(key)) {
            return Messages.get(language, key, params);
        }
        String pattern = bundle.getString(key);
        return params.length == 0 ? pattern : new MessageFormat(pattern, language).format(params);
    }

    static ResourceBundle bundle(Locale language) {
        return ResourceBundle.getBundle(BUNDLE, language, KefuI18NProvider.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
