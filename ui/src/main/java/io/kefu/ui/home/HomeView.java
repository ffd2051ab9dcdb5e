package io.kefu.ui.home;

import jakarta.inject.Inject;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import io.kefu.ui.i18n.LabelKeys;
import io.kefu.ui.layout.MainLayout;
import io.kefu.ui.session.CurrentUser;
import io.kefu.ui.session.Profile;
import io.kefu.ui.session.Profiles;

/**
 * "About me": who is logged in, with which role, for which tenant. The workspace itself opens
 * on the queues ({@code io.kefu.ui.queue.QueuesView} holds the root route).
 */
@Route(value = "me", layout = MainLayout.class)
public class HomeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle, LocaleChangeObserver {

    private final CurrentUser currentUser;
    private final Profiles profiles;

    private final H2 welcome = new H2();
    private final Paragraph intro = new Paragraph();
    private final Span nameLabel = new Span();
    private final Span name = new Span();
    private final Span usernameLabel = new Span();
    private final Span username = new Span();
    private final Span roleLabel = new Span();
    private final Span role = new Span();
    private final Span tenantLabel = new Span();
    private final Span tenant = new Span();
    private final Span industryLabel = new Span();
    private final Span industry = new Span();
    private Profile profile;

    @Inject
    public HomeView(CurrentUser currentUser, Profiles profiles) {
        this.currentUser = currentUser;
        this.profiles = profiles;

        setPadding(true);
        setMaxWidth("48rem");
        welcome.setId("welcome");
        welcome.addClassNames(LumoUtility.FontSize.XXLARGE, LumoUtility.Margin.Top.LARGE, LumoUtility.Margin.Bottom.NONE);
        intro.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.Top.XSMALL);
        name.setId("current-user");
        username.setId("current-username");
        role.setId("current-role");
        tenant.setId("current-tenant");
        industry.setId("current-industry");

        Div facts = new Div();
        facts.setId("facts");
        facts.addClassNames(LumoUtility.Display.GRID, LumoUtility.Gap.Column.XLARGE, LumoUtility.Gap.Row.SMALL,
                LumoUtility.Background.BASE, LumoUtility.BorderRadius.LARGE, LumoUtility.Padding.LARGE,
                LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10);
        facts.getStyle().set("grid-template-columns", "max-content 1fr");
        for (Span label : new Span[] {nameLabel, usernameLabel, roleLabel, tenantLabel, industryLabel}) {
            label.addClassNames(LumoUtility.TextColor.SECONDARY);
        }
        for (Span value : new Span[] {name, username, role, tenant, industry}) {
            value.addClassNames(LumoUtility.FontWeight.MEDIUM);
        }
        facts.add(nameLabel, name, usernameLabel, username, roleLabel, role, tenantLabel, tenant, industryLabel, industry);
        add(welcome, intro, facts);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // The layout sends anyone else to the login view.
        currentUser.tenantUser().map(profiles::of).ifPresent(p -> {
            profile = p;
            name.setText(p.displayName());
            username.setText(p.username());
            relabel();
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.page-title");
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        relabel();
        event.getUI().getPage().setTitle(getPageTitle());
    }

    private void relabel() {
        intro.setText(getTranslation("home.intro"));
        nameLabel.setText(getTranslation("home.name"));
        usernameLabel.setText(getTranslation("home.username"));
        roleLabel.setText(getTranslation("home.role"));
        tenantLabel.setText(getTranslation("home.tenant"));
        industryLabel.setText(getTranslation("home.industry"));
        if (profile == null) {
            return;
        }
        welcome.setText(getTranslation("home.welcome", profile.displayName()));
        role.setText(getTranslation(LabelKeys.role(profile.role())));
        tenant.setText(getTranslation("home.tenant.value", profile.tenantName(), profile.tenantCode().value()));
        industryLabel.setVisible(profile.knownIndustry().isPresent());
        industry.setVisible(profile.knownIndustry().isPresent());
        profile.knownIndustry().ifPresent(i -> industry.setText(getTranslation(LabelKeys.industry(i))));
    }
}
