package io.kefu.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.server.AppShellSettings;

/**
 * The page around every view. The {@code <html lang>} attribute follows the UI's language (see
 * {@link io.kefu.ui.i18n.UiLanguage}); views set their own titles.
 *
 * <p>Server push for live views ({@link io.kefu.ui.live.TicketFeed}) goes over a websocket, but
 * the browser's own requests stay plain XHR: only those pass the servlet filter that binds the
 * user's tenant and caller, which a websocket message would not.
 */
@Push(transport = Transport.WEBSOCKET_XHR)
public class KefuAppShell implements AppShellConfigurator {

    /** Shown until a view sets its own title; the same in both languages. */
    static final String DEFAULT_TITLE = "客服 Kefu";

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle(DEFAULT_TITLE);
    }
}
