package io.kefu.ui.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

import jakarta.enterprise.context.ApplicationScoped;

import com.vaadin.cdi.annotation.VaadinServiceEnabled;
import com.vaadin.flow.i18n.I18NProvider;

import io.kefu.platform.i18n.Messages;

/**
 * The UI's texts: one pair of bundles per feature, {@code <feature>_en.properties} and
 * {@code <feature>_zh_CN.properties} (UTF-8) in the feature's package, listed in {@link #BUNDLES};
 * a key belongs to exactly one feature (a test checks). A key no bundle knows goes to the
 * platform's {@link Messages}, so a
 * {@link io.kefu.platform.problem.FieldError}'s code can be passed to {@code getTranslation}
 * as it is. vaadin-cdi finds this bean by its {@link VaadinServiceEnabled} qualifier.
 */
@ApplicationScoped
@VaadinServiceEnabled
public class KefuI18NProvider implements I18NProvider {

    /** The shared texts (login, layout, roles, industries), then each feature's own. */
    static final List<String> BUNDLES = List.of(
            "io.kefu.ui.i18n.ui",
            "io.kefu.ui.shell.shell",
            "io.kefu.ui.queue.queue",
            "io.kefu.ui.ticket.ticket",
            "io.kefu.ui.customer.customer",
            "io.kefu.ui.team.team",
            "io.kefu.ui.form.form");

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
        for (String name : BUNDLES) {
            Optional<ResourceBundle> bundle = bundle(name, language);
            if (bundle.isPresent() && bundle.get().containsKey(key)) {
                String pattern = bundle.get().getString(key);
                return params.length == 0 ? pattern : new MessageFormat(pattern, language).format(params);
            }
        }
        return Messages.get(language, key, params);
    }

    /** The feature's bundle in that language; empty for a feature that has no texts (yet). */
    static Optional<ResourceBundle> bundle(String name, Locale language) {
        try {
            // ResourceBundle caches loaded bundles (and misses), so this is a map lookup after the first call.
            return Optional.of(ResourceBundle.getBundle(name, language, KefuI18NProvider.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        } catch (MissingResourceException none) {
            return Optional.empty();
        }
    }
}
