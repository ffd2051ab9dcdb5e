package io.kefu.ui.login;

import java.util.List;

import jakarta.inject.Inject;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocapitalize;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.theme.lumo.LumoUtility;

import io.kefu.platform.problem.FieldError;
import io.kefu.platform.security.Authentication;
import io.kefu.platform.security.LoginOutcome;
import io.kefu.ui.i18n.LanguageSelect;
import io.kefu.ui.session.CurrentUser;

/**
 * Tenant code, user name and password. A refusal is shown on the field it names, with
 * everything typed kept (only the password is emptied, and only when the credentials are
 * wrong). A logged-in tenant user coming here is sent home.
 */
@Route("login")
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle, LocaleChangeObserver {

    /**
     * Where a successful login goes: the home view, by a full page load. Within the login
     * request the platform's filter has not bound the new caller's tenant (it ran before the
     * login), so the home view's data could not be read in it; the next request has it.
     * Relative to the app's base URL, whatever the context path.
     */
    public static final String HOME_LOCATION = "./";

    private final Authentication authentication;
    private final CurrentUser currentUser;

    private final H1 productName = new H1();
    private final H2 heading = new H2();
    private final Paragraph intro = new Paragraph();
    private final TextField tenant = new TextField();
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final Button login = new Button();
    private final LanguageSelect language = new LanguageSelect();
    /** The refusal on show, kept to translate it again when the language changes. */
    private FieldError shownError;

    @Inject
    public LoginView(Authentication authentication, CurrentUser currentUser) {
        this.authentication = authentication;
        this.currentUser = currentUser;

        setSizeFull();
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        setAlignItems(FlexComponent.Alignment.CENTER);
        addClassNames(LumoUtility.Background.CONTRAST_5);

        productName.setId("product-name");
        productName.setText("客服 Kefu");
        productName.addClassNames(LumoUtility.FontSize.XXLARGE, LumoUtility.Margin.NONE, LumoUtility.TextColor.PRIMARY);
        HorizontalLayout top = new HorizontalLayout(productName, language);
        top.setWidthFull();
        top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        top.setAlignItems(FlexComponent.Alignment.CENTER);

        heading.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.Top.MEDIUM, LumoUtility.Margin.Bottom.NONE);
        intro.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL, LumoUtility.Margin.Vertical.XSMALL);

        tenant.setId(Authentication.FIELD_TENANT);
        tenant.setAutocomplete(Autocomplete.ORGANIZATION);
        tenant.setAutocapitalize(Autocapitalize.NONE);
        tenant.setAutocorrect(false);
        username.setId(Authentication.FIELD_USERNAME);
        username.setAutocomplete(Autocomplete.USERNAME);
        username.setAutocapitalize(Autocapitalize.NONE);
        username.setAutocorrect(false);
        password.setId(Authentication.FIELD_PASSWORD);
        password.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        for (TextFieldBase<?, String> field : fields()) {
            field.setWidthFull();
            field.setRequiredIndicatorVisible(true);
            // Only the server's verdict marks a field invalid; typing in it clears the mark.
            field.setManualValidation(true);
            field.addValueChangeListener(e -> clearError(field));
        }

        login.setId("login-button");
        login.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        login.setWidthFull();
        login.addClassNames(LumoUtility.Margin.Top.MEDIUM);
        login.addClickShortcut(Key.ENTER);
        login.addClickListener(e -> login());

        Div card = new Div(top, heading, intro, tenant, username, password, login);
        card.setId("login-card");
        card.addClassNames(LumoUtility.Background.BASE, LumoUtility.BorderRadius.LARGE, LumoUtility.BoxShadow.MEDIUM,
                LumoUtility.Padding.LARGE, LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                LumoUtility.BoxSizing.BORDER);
        card.setWidth("24rem");
        card.setMaxWidth("100%");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.tenantUser().isPresent()) {
            // The root route, whichever view holds it (the queues).
            event.forwardTo("");
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.page-title");
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        heading.setText(getTranslation("login.heading"));
        intro.setText(getTranslation("login.intro"));
        tenant.setLabel(getTranslation("login.tenant"));
        tenant.setHelperText(getTranslation("login.tenant.helper"));
        username.setLabel(getTranslation("login.username"));
        password.setLabel(getTranslation("login.password"));
        login.setText(getTranslation("login.submit"));
        if (shownError != null) {
            fieldFor(shownError).setErrorMessage(message(shownError));
        }
        event.getUI().getPage().setTitle(getPageTitle());
    }

    private void login() {
        clearErrors();
        LoginOutcome outcome = authentication.login(
                VaadinServletRequest.getCurrent().getHttpServletRequest(),
                VaadinServletResponse.getCurrent().getHttpServletResponse(),
                tenant.getValue(), username.getValue(), password.getValue());
        if (outcome instanceof LoginOutcome.Refused refused) {
            show(refused.error());
        } else {
            getUI().ifPresent(ui -> ui.getPage().setLocation(HOME_LOCATION));
        }
    }

    private void show(FieldError error) {
        if ("login.failed".equals(error.code())) {
            // Wrong credentials: the password has to be typed again anyway. Emptied before the
            // error is set, as emptying a field clears its error.
            password.clear();
        }
        TextFieldBase<?, String> field = fieldFor(error);
        field.setErrorMessage(message(error));
        field.setInvalid(true);
        field.focus();
        shownError = error;
    }

    private String message(FieldError error) {
        return getTranslation(error.code(), error.args().toArray());
    }

    /** The field a refusal names; one this form does not have is shown on the password. */
    private TextFieldBase<?, String> fieldFor(FieldError error) {
        return switch (error.field()) {
            case Authentication.FIELD_TENANT -> tenant;
            case Authentication.FIELD_USERNAME -> username;
            default -> password;
        };
    }

    private List<TextFieldBase<?, String>> fields() {
        return List.of(tenant, username, password);
    }

    private void clearErrors() {
        fields().forEach(this::clearError);
    }

    private void clearError(HasValidation field) {
        if (field.isInvalid()) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
        if (shownError != null && fieldFor(shownError) == field) {
            shownError = null;
        }
    }
}
