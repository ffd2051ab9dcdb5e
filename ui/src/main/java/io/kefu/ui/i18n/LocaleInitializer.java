package io.kefu.ui.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;

/**
 * Gives every new UI its language before any view is shown (vaadin-cdi fires
 * {@link ServiceInitEvent} as a CDI event). Vaadin's own choice prefers an exact match anywhere in
 * the browser's list over the browser's order; {@link UiLocales#initial} keeps the order and
 * honours the language the user chose before.
 */
@ApplicationScoped
public class LocaleInitializer {

    void onServiceInit(@Observes ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> UiLanguage.initialize(e.getUI(), VaadinRequest.getCurrent()));
    }
}
