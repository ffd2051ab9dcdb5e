package io.kefu.ui.shell;

import java.util.Optional;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.avatar.AvatarVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.theme.lumo.LumoUtility;

import io.kefu.platform.identity.Caller;
import io.kefu.ui.i18n.LabelKeys;
import io.kefu.ui.i18n.LanguageSelect;
import io.kefu.ui.session.Profile;

/**
 * The user's corner of the header: avatar and name; on a click who they are (name, role,
 * tenant), the language, light or dark, the shortcuts' help and logging out.
 */
public class UserMenu extends Composite<HorizontalLayout> implements LocaleChangeObserver {

    private final Button opener = new Button();
    private final Avatar avatar = new Avatar();
    private final Span openerName = new Span();
    private final Popover popover = new Popover();
    private final Span name = new Span();
    private final Span role = new Span();
    private final Span tenant = new Span();
    private final LanguageSelect language = new LanguageSelect();
    private final Button theme = new Button();
    private final Button shortcuts = new Button(VaadinIcon.KEYBOARD_O.create());
    private final Button logout = new Button(VaadinIcon.SIGN_OUT.create());
    private Profile profile;
    private Caller.TenantUser user;

    public UserMenu(Runnable onLogout) {
        avatar.addThemeVariants(AvatarVariant.LUMO_SMALL);
        openerName.setId("user-menu-name");
        // The name only where there is room: the avatar says enough on a tablet.
        openerName.addClassNames(LumoUtility.Display.HIDDEN, LumoUtility.Display.Breakpoint.Large.INLINE,
                LumoUtility.Whitespace.NOWRAP);
        HorizontalLayout face = new HorizontalLayout(avatar, openerName);
        face.setSpacing(false);
        face.addClassNames(LumoUtility.Gap.SMALL);
        face.setAlignItems(FlexComponent.Alignment.CENTER);
        opener.setId("user-menu");
        opener.getElement().appendChild(face.getElement());
        opener.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        name.setId("header-user");
        name.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        role.setId("header-role");
        role.getElement().getThemeList().add("badge contrast small");
        tenant.setId("user-menu-tenant");
        tenant.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        language.setWidthFull();
        theme.setId("theme-toggle");
        theme.addClickListener(e -> getUI().ifPresent(ui -> {
            ThemePreference.toggle(ui, user);
            relabelTheme();
        }));
        shortcuts.setId("shortcuts-help-open");
        shortcuts.addClickListener(e -> getUI().ifPresent(ui -> {
            popover.close();
            Shortcuts.showHelp(ui);
        }));
        logout.setId("logout");
        logout.addClickListener(e -> onLogout.run());
        for (Button b : new Button[] {theme, shortcuts, logout}) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            b.getStyle().set("justify-content", "flex-start");
            b.setWidthFull();
        }
        HorizontalLayout who = new HorizontalLayout(name, role);
        who.setAlignItems(FlexComponent.Alignment.CENTER);
        who.addClassNames(LumoUtility.Gap.SMALL);
        who.setSpacing(false);
        VerticalLayout panel = new VerticalLayout(who, tenant, language, theme, shortcuts, logout);
        panel.setPadding(false);
        panel.setSpacing(false);
        panel.addClassNames(LumoUtility.Gap.XSMALL);
        panel.setWidth("16rem");
        popover.setId("user-menu-popover");
        popover.setTarget(opener);
        popover.setPosition(PopoverPosition.BOTTOM_END);
        popover.add(panel);

        HorizontalLayout root = getContent();
        root.setSpacing(false);
        root.add(opener, popover);
    }

    /** Who is logged in. */
    public void show(UI ui, Caller.TenantUser user, Profile profile) {
        this.user = user;
        this.profile = profile;
        avatar.setName(profile.displayName());
        avatar.setAbbreviation(Initials.of(profile.displayName()));
        openerName.setText(profile.displayName());
        name.setText(profile.displayName());
        tenant.setText(profile.tenantName() + " (" + profile.tenantCode().value() + ")");
        relabel();
        ThemePreference.restore(ui, user, this::relabelTheme);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        relabel();
    }

    private void relabel() {
        opener.setAriaLabel(getTranslation("shell.user-menu"));
        opener.setTooltipText(getTranslation("shell.user-menu"));
        shortcuts.setText(getTranslation("shell.shortcuts.open"));
        logout.setText(getTranslation("shell.logout"));
        if (profile != null) {
            role.setText(getTranslation(LabelKeys.role(profile.role())));
        }
        relabelTheme();
    }

    private void relabelTheme() {
        boolean dark = getUI().or(() -> Optional.ofNullable(UI.getCurrent())).map(ThemePreference::isDark).orElse(false);
        theme.setIcon(dark ? VaadinIcon.SUN_O.create() : VaadinIcon.MOON_O.create());
        theme.setText(getTranslation(dark ? "shell.theme.light" : "shell.theme.dark"));
    }
}
