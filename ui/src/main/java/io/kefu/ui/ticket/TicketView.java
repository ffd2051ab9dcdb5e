package io.kefu.ui.ticket;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.dom.DomListenerRegistration;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;

import io.kefu.platform.attachment.Attachment;
import io.kefu.platform.customer.CustomerDetails;
import io.kefu.platform.form.FieldDefinition;
import io.kefu.platform.identity.Caller;
import io.kefu.platform.json.Jsons;
import io.kefu.platform.plugin.PluginHooks;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.KefuException;
import io.kefu.platform.ticket.Priority;
import io.kefu.platform.ticket.TicketKind;
import io.kefu.platform.ticket.TicketStatus;
import io.kefu.platform.ticket.TransitionRequest;
import io.kefu.plugin.api.SidePanel;
import io.kefu.ui.form.CustomFieldsForm;
import io.kefu.ui.layout.MainLayout;
import io.kefu.ui.live.TicketFeed;
import io.kefu.ui.live.TicketUpdate;
import io.kefu.ui.session.CurrentUser;
import io.kefu.ui.session.Profiles;
import io.kefu.ui.session.Recent;

/**
 * One ticket, for working it: the header with its SLA countdown, its fields (edited and saved with
 * the version the agent saw, merged field by field when someone saved meanwhile), the timeline,
 * the reply and internal-note composer with canned replies, attachments, the lifecycle's moves,
 * and at the side the customer, related tickets and the plugins' panels. Live: another agent's or
 * the API's change reloads what is shown, or, while the agent edits, shows a banner instead.
 *
 * <p>Keys: r reply, n internal note, e edit, Ctrl+Enter send, Esc cancel the edit. Everything
 * typed is put in as text: nothing is ever rendered as HTML.
 */
@Route(value = "tickets/:number", layout = MainLayout.class)
public class TicketView extends VerticalLayout implements BeforeEnterObserver, AfterNavigationObserver, HasDynamicTitle,
        LocaleChangeObserver {

    /** Keys only act outside inputs and without modifiers, so that typing an "r" stays an "r". */
    /** How long a view keeps the tenant's categories and canned replies before reading them again. */
    static final Duration REFERENCE_DATA_AGE = Duration.ofMinutes(1);

    static final String SHORTCUT_FILTER = "['r','n','e'].includes(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey"
            + " && !(event.composedPath()[0].isContentEditable || ['INPUT','TEXTAREA','SELECT']"
            + ".includes(event.composedPath()[0].tagName))";

    private final TicketDesk desk;
    private final TicketFeed feed;
    private final CurrentUser currentUser;
    private final Profiles profiles;

    /** Volatile: the live feed asks whether an update is about this ticket without the UI's lock. */
    private volatile String number;
    /** The ticket as last read (the API's JSON, a few kilobytes). */
    private JsonObject ticket;
    private boolean revealed;
    private boolean customerRevealed;
    private boolean editing;
    /** The editable values when the edit started: what a concurrent change is compared with. */
    private Map<String, JsonValue> editBase = Map.of();
    private boolean internalNote;
    /** For canned replies' {{customer.name}}. */
    private String customerName;

    private final Div error = new Div();
    private final Div banner = new Div();
    private final H2 title = new H2();
    private final Span status = new Span();
    private final Span priority = new Span();
    private final Span kind = new Span();
    private final Span sla = new Span();
    private final Span slaDue = new Span();
    private final HorizontalLayout actions = new HorizontalLayout();
    private final Button edit = new Button(VaadinIcon.EDIT.create());
    private final Button save = new Button();
    private final Button cancelEdit = new Button();
    private final TextField subject = new TextField();
    private final TextArea description = new TextArea();
    private final Select<Priority> prioritySelect = new Select<>();
    private final ComboBox<String> category = new ComboBox<>();
    private final Span facts = new Span();
    private final Div fieldsHolder = new Div();
    private final ComplaintFields complaint = new ComplaintFields();
    private CustomFieldsForm fieldsForm = new CustomFieldsForm(List.of());
    private final Button modeReply = new Button();
    private final Button modeNote = new Button();
    private final TextArea composer = new TextArea();
    private final ComboBox<JsonObject> canned = new ComboBox<>();
    private final Button send = new Button(VaadinIcon.PAPERPLANE.create());
    private final Upload upload = new Upload();
    private final Button uploadButton = new Button(VaadinIcon.UPLOAD.create());
    private Locale uploadLocale;
    private final Div attachmentList = new Div();
    private final Div timeline = new Div();
    private final Div customerPanel = new Div();
    private final Div related = new Div();
    private final Div pluginPanels = new Div();
    private final H3 detailsHeading = new H3();
    private final H3 composerHeading = new H3();
    private final H3 attachmentsHeading = new H3();
    private final H3 timelineHeading = new H3();
    private final VerticalLayout main = new VerticalLayout();
    private final VerticalLayout side = new VerticalLayout();
    private Registration feedRegistration;
    private DomListenerRegistration keys;
    private Registration ticking;

    @Inject
    public TicketView(TicketDesk desk, TicketFeed feed, CurrentUser currentUser, Profiles profiles) {
        this.desk = desk;
        this.feed = feed;
        this.currentUser = currentUser;
        this.profiles = profiles;
        setPadding(true);
        setSpacing(false);
        setId("ticket-view");

        error.setId("ticket-error");
        error.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.Background.ERROR_10, LumoUtility.Padding.SMALL,
                LumoUtility.BorderRadius.MEDIUM);
        error.setVisible(false);
        error.setWidthFull();
        error.addClassNames(LumoUtility.BoxSizing.BORDER);
        banner.setId("ticket-banner");
        banner.addClassNames(LumoUtility.Background.PRIMARY_10, LumoUtility.Padding.SMALL, LumoUtility.BorderRadius.MEDIUM);
        banner.setVisible(false);
        banner.setWidthFull();
        banner.addClassNames(LumoUtility.BoxSizing.BORDER);

        title.setId("ticket-title");
        title.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.Margin.NONE);
        status.setId("ticket-status");
        priority.setId("ticket-priority");
        kind.setId("ticket-kind");
        sla.setId("ticket-sla");
        slaDue.setId("ticket-sla-due");
        slaDue.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        for (Span badge : new Span[] {status, priority, kind}) {
            badge.getElement().getThemeList().add("badge");
        }
        sla.addClassNames(LumoUtility.Padding.Horizontal.SMALL, LumoUtility.BorderRadius.MEDIUM, LumoUtility.FontWeight.SEMIBOLD,
                LumoUtility.FontSize.SMALL);
        HorizontalLayout badges = new HorizontalLayout(status, priority, kind, sla, slaDue);
        badges.setAlignItems(FlexComponent.Alignment.CENTER);
        badges.getStyle().set("flex-wrap", "wrap");

        actions.setId("ticket-actions");
        actions.getStyle().set("flex-wrap", "wrap");
        edit.setId("edit");
        edit.addClickListener(e -> startEdit());
        save.setId("save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> saveEdit());
        cancelEdit.setId("cancel-edit");
        cancelEdit.addClickListener(e -> cancelEdit());

        subject.setId("subject");
        subject.setWidthFull();
        description.setId("description");
        description.setWidthFull();
        prioritySelect.setId("priority");
        prioritySelect.setItems(Priority.values());
        category.setId("category");
        category.setAllowCustomValue(false);
        category.setClearButtonVisible(true);
        facts.setId("ticket-facts");
        facts.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        FormLayout core = new FormLayout(subject, prioritySelect, category, description);
        core.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        core.setColspan(subject, 2);
        core.setColspan(description, 2);
        HorizontalLayout editButtons = new HorizontalLayout(save, cancelEdit);
        complaint.setId("complaint-fields");
        Div details = new Div(detailsHeading, facts, core, complaint, fieldsHolder, editButtons);
        details.setId("ticket-details");
        details.setWidthFull();
        Shortcuts.addShortcutListener(details, this::cancelEdit, Key.ESCAPE).listenOn(details);

        modeReply.setId("mode-reply");
        modeReply.addClickListener(e -> compose(false));
        modeNote.setId("mode-note");
        modeNote.addClickListener(e -> compose(true));
        composer.setId("composer");
        composer.setWidthFull();
        composer.setMinHeight("7rem");
        composer.setMaxLength(io.kefu.platform.ticket.TicketService.BODY_MAX);
        canned.setId("canned");
        canned.setClearButtonVisible(true);
        canned.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                insertCanned(e.getValue());
                canned.clear();
            }
        });
        send.setId("send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> send());
        Shortcuts.addShortcutListener(composer, this::send, Key.ENTER, KeyModifier.CONTROL).listenOn(composer);
        HorizontalLayout modes = new HorizontalLayout(modeReply, modeNote, canned);
        modes.setAlignItems(FlexComponent.Alignment.BASELINE);
        modes.getStyle().set("flex-wrap", "wrap");
        Div composerBox = new Div(composerHeading, modes, composer, send);
        composerBox.setId("ticket-composer");
        composerBox.setWidthFull();

        upload.setId("upload");
        upload.setUploadButton(uploadButton);
        upload.setMaxFiles(1);
        upload.setUploadHandler(uploadHandler());
        attachmentList.setId("attachments");
        Div attachmentsBox = new Div(attachmentsHeading, attachmentList, upload);
        attachmentsBox.setWidthFull();

        timeline.setId("timeline");
        timeline.setWidthFull();
        Div timelineBox = new Div(timelineHeading, timeline);
        timelineBox.setWidthFull();

        main.setPadding(false);
        main.add(actions, details, composerBox, attachmentsBox, timelineBox);
        // Side by side at 1280x800; the side folds under the main column on narrow screens.
        main.getStyle().set("flex", "2 1 36rem").set("min-width", "0");
        side.setPadding(false);
        side.setId("ticket-side");
        side.getStyle().set("flex", "1 1 18rem").set("min-width", "0");
        customerPanel.setId("customer-panel");
        related.setId("related");
        pluginPanels.setId("plugin-panels");
        for (Div box : new Div[] {customerPanel, related, pluginPanels}) {
            box.setWidthFull();
            // Padding and border inside the width: the column never overflows the page.
            box.addClassNames(LumoUtility.BoxSizing.BORDER);
            box.addClassNames(LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10, LumoUtility.BorderRadius.MEDIUM,
                    LumoUtility.Padding.MEDIUM);
        }
        side.add(customerPanel, related, pluginPanels);
        FlexLayout body = new FlexLayout(main, side);
        body.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        body.setWidthFull();
        body.addClassNames(LumoUtility.Gap.LARGE);

        add(error, banner, title, badges, body);
        setEditing(false);
        compose(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        number = event.getRouteParameters().get("number").orElse("");
        revealed = false;
        customerRevealed = false;
        editing = false;
        desk.together(this::load);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        currentUser.tenantUser().ifPresent(user -> feedRegistration = feed.subscribe(this, user,
                update -> update.number().equals(number), this::changedElsewhere));
        keys = attachEvent.getUI().getElement().addEventListener("keydown", e -> shortcut(e.getEventData().getString("event.key")));
        keys.addEventData("event.key").setFilter(SHORTCUT_FILTER);
        ticking = attachEvent.getUI().addPollListener(e -> tick());
    }

    /**
     * The countdown ticks: while a service-standard clock runs, the ticket's {@code sla} is read
     * again every {@link #TICK} (business time needs the server's calendars; warnings and
     * breaches arrive at once through the live feed). Set after navigation, when the view the
     * user left has given up its own polling.
     */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        updateTicking();
    }

    static final Duration TICK = Duration.ofMinutes(1);

    private void updateTicking() {
        getUI().ifPresent(ui -> {
            SlaCountdown.State state = ticket == null ? SlaCountdown.State.NONE : SlaCountdown.of(ticket.get("sla")).state();
            boolean runs = (state == SlaCountdown.State.ON_TRACK || state == SlaCountdown.State.AT_RISK
                    || state == SlaCountdown.State.BREACHED) && !status().isTerminal();
            ui.setPollInterval(runs ? (int) TICK.toMillis() : -1);
        });
    }

    private void tick() {
        if (ticket == null || editing) {
            // An edit keeps the ticket it started from: its save names that version.
            return;
        }
        try {
            desk.together(() -> {
                ticket = desk.ticket(number, revealed, getLocale());
                renderHeader();
            });
        } catch (KefuException e) {
            showError(e);
        }
        updateTicking();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (ticking != null) {
            ticking.remove();
            ticking = null;
            detachEvent.getUI().setPollInterval(-1);
        }
        if (feedRegistration != null) {
            feedRegistration.remove();
            feedRegistration = null;
        }
        if (keys != null) {
            keys.remove();
            keys = null;
        }
    }

    /** r: reply, n: internal note, e: edit (the browser only sends these outside inputs). */
    void shortcut(String key) {
        switch (key) {
            case "r" -> {
                compose(false);
                composer.focus();
            }
            case "n" -> {
                compose(true);
                composer.focus();
            }
            case "e" -> startEdit();
            default -> {
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ticket.page-title", number == null ? "" : number);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        relabel();
        if (ticket != null) {
            render();
        }
    }

    // ---- reading ----

    private void load() {
        try {
            ticket = desk.ticket(number, revealed, getLocale());
        } catch (KefuException e) {
            ticket = null;
            showError(e);
            title.setText(number);
            main.setVisible(false);
            side.setVisible(false);
            return;
        }
        main.setVisible(true);
        side.setVisible(true);
        hideError();
        banner.setVisible(false);
        rebuildFieldsForm();
        render();
        renderSide();
        loadCanned();
    }

    private void render() {
        relabel();
        renderHeader();
        renderDetails();
        renderActions();
        renderTimeline();
        renderAttachments();
    }

    private void renderHeader() {
        title.setText(ticket.getString("number") + " · " + ticket.getString("subject"));
        status.setText(getTranslation(TimelineEntry.statusKey(ticket.getString("status"))));
        priority.setText(getTranslation("ticket.priority." + ticket.getString("priority")));
        priority.getElement().getThemeList().set("error", "URGENT".equals(ticket.getString("priority")));
        kind.setText(getTranslation("ticket.kind." + ticket.getString("kind")));
        SlaCountdown countdown = SlaCountdown.of(ticket.get("sla"));
        sla.getElement().setAttribute("data-state", countdown.state().name());
        sla.removeClassNames(LumoUtility.Background.SUCCESS_10, LumoUtility.TextColor.SUCCESS, LumoUtility.Background.WARNING_10,
                LumoUtility.TextColor.WARNING, LumoUtility.Background.ERROR_10, LumoUtility.TextColor.ERROR,
                LumoUtility.Background.CONTRAST_10, LumoUtility.TextColor.SECONDARY);
        switch (countdown.state()) {
            case ON_TRACK, MET -> sla.addClassNames(LumoUtility.Background.SUCCESS_10, LumoUtility.TextColor.SUCCESS);
            case AT_RISK -> sla.addClassNames(LumoUtility.Background.WARNING_10, LumoUtility.TextColor.WARNING);
            case BREACHED -> sla.addClassNames(LumoUtility.Background.ERROR_10, LumoUtility.TextColor.ERROR);
            default -> sla.addClassNames(LumoUtility.Background.CONTRAST_10, LumoUtility.TextColor.SECONDARY);
        }
        String amount = getTranslation(countdown.amountKey(), countdown.amountArgs());
        String target = countdown.target() == null ? "" : getTranslation("ticket.sla.target." + countdown.target());
        sla.setText(getTranslation(countdown.textKey(), amount, target));
        slaDue.setVisible(countdown.dueAt() != null);
        if (countdown.dueAt() != null) {
            slaDue.setText(getTranslation("ticket.sla.due", format(countdown.dueAt().toString())));
        }
    }

    private void renderDetails() {
        // People by their display names (李客服 Li (agent)), as the rest of the UI shows them; the username where there is none.
        String assignee = text(ticket, "assignee", null);
        String createdBy = text(ticket, "createdBy", null);
        Map<String, String> names = desk.displayNames(Arrays.asList(assignee, createdBy));
        facts.setText(getTranslation("ticket.facts", getTranslation("ticket.channel." + ticket.getString("channel")),
                assignee == null ? "—" : names.getOrDefault(assignee, assignee), format(ticket.getString("createdAt", "")),
                createdBy == null ? "—" : names.getOrDefault(createdBy, createdBy)));
        if (editing) {
            return;
        }
        subject.setValue(ticket.getString("subject"));
        description.setValue(text(ticket, "description", ""));
        prioritySelect.setValue(Priority.valueOf(ticket.getString("priority")));
        String cat = text(ticket, "category", null);
        if (cat != null && !categoryCodes().contains(cat)) {
            List<String> codes = new ArrayList<>(categoryCodes());
            codes.add(cat);
            category.setItems(codes);
        }
        category.setValue(cat);
        fieldsForm.show(ticket.getJsonObject("fields"), status());
        complaint.setVisible(ticket.get("complaint") instanceof JsonObject);
        complaint.show(ticket.get("complaint") instanceof JsonObject c ? c : null);
        subject.setInvalid(false);
        description.setInvalid(false);
        prioritySelect.setInvalid(false);
        category.setInvalid(false);
        setEditing(false);
    }

    private List<String> categoryCodes = List.of();
    private Map<String, String> categoryNames = Map.of();

    private List<String> categoryCodes() {
        return categoryCodes;
    }

    /** The form shown and its definitions (kept while the next ticket has the same). */
    private List<FieldDefinition> fieldsFormDefinitions;
    /** The tenant's categories and canned replies: read once a minute, not for every ticket opened. */
    private final Recent<List<JsonObject>> categories = new Recent<>(REFERENCE_DATA_AGE);
    private final Recent<List<JsonObject>> cannedReplies = new Recent<>(REFERENCE_DATA_AGE);
    private List<JsonObject> shownCanned;

    private void rebuildFieldsForm() {
        TicketKind k = TicketKind.valueOf(ticket.getString("kind"));
        List<FieldDefinition> defs = desk.fields(k, text(ticket, "category", null));
        if (!defs.equals(fieldsFormDefinitions)) {
            // Opening another ticket of the same form keeps the form: showing values is cheaper
            // for the server and the browser than a new set of inputs.
            fieldsForm = new CustomFieldsForm(defs);
            fieldsForm.setId("ticket-fields");
            fieldsFormDefinitions = defs;
            fieldsHolder.removeAll();
            fieldsHolder.add(fieldsForm);
            fieldsHolder.setVisible(!fieldsForm.isEmpty());
        }
        fieldsForm.setRevealAction(desk.mayReveal() && !revealed ? () -> {
            revealed = true;
            desk.together(this::load);
        } : null);
        // The categories that apply to this kind, named in the UI's language.
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonObject c : categories.get(desk::categories)) {
            boolean forKind = !(c.get("kinds") instanceof jakarta.json.JsonArray kinds) || kinds.isEmpty()
                    || kinds.stream().anyMatch(v -> v instanceof JsonString s && s.getString().equals(k.name()));
            if (forKind) {
                names.put(c.getString("code"), CannedReplies.text(c, "name", getLocale(), c.getString("code")));
            }
        }
        categoryNames = names;
        categoryCodes = List.copyOf(names.keySet());
        category.setItems(categoryCodes);
        category.setItemLabelGenerator(code -> categoryNames.getOrDefault(code, code));
    }

    private void renderActions() {
        actions.removeAll();
        TicketStatus current = status();
        if (ticket.get("allowedTransitions") instanceof jakarta.json.JsonArray allowed) {
            for (JsonValue v : allowed) {
                TicketStatus to = TicketStatus.valueOf(((JsonString) v).getString());
                if (to == current && to != TicketStatus.ASSIGNED) {
                    continue;
                }
                Button move = new Button(getTranslation("ticket.action." + to.name()), e -> move(to));
                move.setId("transition-" + to.name());
                if (to == TicketStatus.RESOLVED) {
                    move.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
                } else if (to == TicketStatus.CANCELLED) {
                    move.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                }
                actions.add(move);
            }
        }
        edit.setEnabled(!current.isTerminal());
        actions.add(edit);
    }

    /**
     * The timeline only grows: when what is shown is the start of what is read (same ticket, same
     * language), only the new entries are added. A reply then sends the browser one entry, not
     * the whole history again.
     */
    private List<JsonObject> renderTimeline() {
        List<JsonObject> events = desk.timeline(number);
        List<String> ids = events.stream().map(e -> e.getString("id", "")).toList();
        boolean grows = getLocale().equals(timelineLocale) && ids.size() >= shownEvents.size()
                && ids.subList(0, shownEvents.size()).equals(shownEvents);
        if (!grows) {
            timeline.removeAll();
            shownEvents.clear();
            timelineLocale = getLocale();
        }
        for (JsonObject e : events.subList(shownEvents.size(), events.size())) {
            timeline.add(entry(TimelineEntry.of(e)));
            shownEvents.add(e.getString("id", ""));
        }
        return events;
    }

    /** Ids of the timeline entries shown, in order, and the language they are shown in. */
    private final List<String> shownEvents = new ArrayList<>();
    private Locale timelineLocale;

    private Div entry(TimelineEntry e) {
        Div box = new Div();
        box.setId("event-" + e.id());
        box.addClassNames(LumoUtility.Padding.SMALL, LumoUtility.Margin.Bottom.SMALL, LumoUtility.BorderRadius.MEDIUM,
                "kefu-event-" + e.type().toLowerCase(java.util.Locale.ROOT));
        box.getElement().setAttribute("data-type", e.type());
        if (e.internal()) {
            // Staff-only entries look different from what the customer sees.
            box.addClassNames(LumoUtility.Background.WARNING_10, LumoUtility.Border.LEFT, LumoUtility.BorderColor.WARNING);
        } else if (e.type().equals("REPLY") || e.type().equals("CUSTOMER_MESSAGE")) {
            box.addClassNames(LumoUtility.Background.CONTRAST_5);
        }
        Object[] args = e.headingArgs().stream()
                .map(a -> a instanceof String s && s.startsWith("ticket.") ? getTranslation(s) : a).toArray();
        Span heading = new Span(getTranslation(e.headingKey(), args));
        heading.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.FontSize.SMALL);
        Span when = new Span(e.at() == null ? "" : " · " + format(e.at().toString()));
        when.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        box.add(heading, when);
        if (e.internal()) {
            Span badge = new Span(getTranslation("ticket.timeline.internal"));
            badge.getElement().getThemeList().add("badge contrast small");
            badge.addClassNames(LumoUtility.Margin.Left.SMALL);
            box.add(badge);
        }
        if (e.body() != null) {
            // Text, never HTML: whatever anyone typed is shown as typed, line breaks kept.
            Paragraph body = new Paragraph(e.body());
            body.addClassNames("kefu-event-body", LumoUtility.Margin.Vertical.XSMALL);
            body.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
            box.add(body);
        }
        if (e.attachment() != null) {
            box.add(new Div(download(e.attachment(), getTranslation("ticket.attachments.download"))));
        }
        return box;
    }

    private void renderAttachments() {
        attachmentList.removeAll();
        List<Attachment> files = desk.attachments(number);
        for (Attachment a : files) {
            Anchor link = download(a.id(), a.filename() + " (" + size(a.size()) + ")");
            link.setId("attachment-" + a.id());
            attachmentList.add(new Div(link));
        }
        if (files.isEmpty()) {
            Span none = new Span(getTranslation("ticket.attachments.none"));
            none.addClassNames(LumoUtility.TextColor.SECONDARY);
            attachmentList.add(none);
        }
        upload.setVisible(!status().isTerminal());
    }

    private Anchor download(String id, String text) {
        String ticketNumber = number;
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
            try {
                TicketDesk.Download d = desk.download(ticketNumber, id);
                return new DownloadResponse(d.content(), d.filename(), d.contentType(), d.size());
            } catch (KefuException e) {
                return DownloadResponse.error(404);
            }
        }), text);
        a.getElement().setAttribute("download", true);
        return a;
    }

    private void renderSide() {
        renderCustomer();
        renderPlugins();
    }

    private void renderCustomer() {
        customerPanel.removeAll();
        related.removeAll();
        customerPanel.add(heading("ticket.customer.title"));
        related.add(heading("ticket.related.title"));
        String id = text(ticket, "customer", null);
        CustomerDetails c = id == null ? null : desk.customer(id, customerRevealed).orElse(null);
        customerName = c == null ? null : c.name();
        if (c == null) {
            customerPanel.add(quiet(getTranslation("ticket.customer.none")));
            related.add(quiet(getTranslation("ticket.related.none")));
            return;
        }
        Span name = new Span(c.name());
        name.setId("customer-name");
        name.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        Span grade = new Span(c.grade() == null ? "—" : c.grade());
        grade.setId("customer-grade");
        grade.getElement().getThemeList().add("badge");
        customerPanel.add(new Div(name, new Span(" "), grade));
        for (CustomerDetails.Contact k : c.contacts()) {
            Div line = new Div(new Span(getTranslation("ticket.customer.contact." + k.kind().name()) + ": "), new Span(k.value()));
            line.setId("customer-contact-" + k.id());
            line.addClassNames(LumoUtility.FontSize.SMALL);
            customerPanel.add(line);
        }
        if (!c.contactsRevealed() && desk.mayReveal() && !c.contacts().isEmpty()) {
            Button reveal = new Button(getTranslation("ticket.customer.reveal"), VaadinIcon.EYE.create(), e -> {
                customerRevealed = true;
                renderCustomer();
            });
            reveal.setId("customer-reveal");
            reveal.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            // Why it matters says a line of its own: in the button's label it made the side panel wider than its column.
            Span audited = new Span(getTranslation("ticket.customer.reveal.audited"));
            audited.setId("customer-reveal-audited");
            audited.addClassNames(LumoUtility.Display.BLOCK, LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
            customerPanel.add(reveal, audited);
        }
        List<JsonObject> others = desk.customerTickets(c.id(), getLocale()).stream()
                .filter(t -> !t.getString("number").equals(number)).limit(TicketDesk.RELATED_LIMIT).toList();
        if (others.isEmpty()) {
            related.add(quiet(getTranslation("ticket.related.none")));
        }
        for (JsonObject t : others) {
            // Navigates inside this UI: no page load, no second session state.
            RouterLink link = new RouterLink(t.getString("number") + " · " + t.getString("subject"), TicketView.class,
                    new RouteParameters("number", t.getString("number")));
            link.setId("related-" + t.getString("number"));
            Span st = new Span(getTranslation(TimelineEntry.statusKey(t.getString("status"))));
            st.getElement().getThemeList().add("badge small");
            Div line = new Div(link, new Span(" "), st);
            line.addClassNames(LumoUtility.FontSize.SMALL);
            related.add(line);
        }
    }

    private void renderPlugins() {
        pluginPanels.removeAll();
        List<PluginHooks.Panel> panels = desk.panels(number, getLocale());
        pluginPanels.setVisible(!panels.isEmpty());
        String lang = "zh".equals(getLocale().getLanguage()) ? "zh-CN" : "en";
        for (PluginHooks.Panel p : panels) {
            Div box = new Div();
            box.setId("panel-" + p.pluginId());
            H3 t = new H3(p.panel().title().in(lang));
            t.addClassNames(LumoUtility.FontSize.MEDIUM);
            box.add(t);
            for (SidePanel.Fact f : p.panel().facts()) {
                Div line = new Div(new Span(f.label().in(lang) + ": "), new Span(f.value()),
                        new Span(f.at() == null ? "" : " · " + format(f.at().toString())));
                line.addClassNames(LumoUtility.FontSize.SMALL);
                box.add(line);
            }
            pluginPanels.add(box);
        }
    }

    private void loadCanned() {
        List<JsonObject> replies = cannedReplies.get(desk::cannedReplies);
        if (replies.equals(shownCanned)) {
            return;
        }
        shownCanned = replies;
        canned.setItems(replies);
        canned.setItemLabelGenerator(r -> CannedReplies.title(r, getLocale()));
        canned.setVisible(!replies.isEmpty());
    }

    // ---- editing ----

    private void startEdit() {
        if (ticket == null || status().isTerminal() || editing) {
            return;
        }
        editBase = EditMerge.editable(ticket);
        setEditing(true);
        subject.focus();
    }

    private void cancelEdit() {
        if (!editing) {
            return;
        }
        editing = false;
        renderDetails();
    }

    private void setEditing(boolean on) {
        editing = on;
        subject.setReadOnly(!on);
        description.setReadOnly(!on);
        prioritySelect.setReadOnly(!on);
        category.setReadOnly(!on);
        fieldsForm.setReadOnly(!on);
        complaint.setReadOnly(!on);
        save.setVisible(on);
        cancelEdit.setVisible(on);
        edit.setVisible(!on);
    }

    /** What the agent changed, flat by the patch's names ({@code fields.<key>} for custom fields). */
    private Map<String, JsonValue> mine() {
        Map<String, JsonValue> typed = new LinkedHashMap<>();
        typed.put("subject", subject.getValue().isBlank() ? null : Jsons.createValue(subject.getValue()));
        typed.put("description", description.getValue().isEmpty() ? null : Jsons.createValue(description.getValue()));
        typed.put("priority", prioritySelect.getValue() == null ? null : Jsons.createValue(prioritySelect.getValue().name()));
        typed.put("category", category.getValue() == null ? null : Jsons.createValue(category.getValue()));
        Map<String, JsonValue> changed = new LinkedHashMap<>();
        typed.forEach((k, v) -> {
            if (!Objects.equals(v, editBase.get(k))) {
                // An emptied subject is sent as "", so the platform answers field.required on it.
                changed.put(k, v == null ? (k.equals("subject") ? Jsons.createValue("") : JsonValue.NULL) : v);
            }
        });
        if (complaint.isVisible() && !complaint.value().equals(editBase.get("complaint"))) {
            changed.put("complaint", complaint.value());
        }
        fieldsForm.changes().forEach((k, v) -> changed.put("fields." + k, v));
        return changed;
    }

    private void saveEdit() {
        if (!editing) {
            return;
        }
        Map<String, JsonValue> mine = mine();
        if (mine.isEmpty()) {
            editing = false;
            renderDetails();
            return;
        }
        save(mine, EditMerge.toPatch(mine, ticket.getJsonNumber("version").longValue()));
    }

    private void save(Map<String, JsonValue> mine, JsonObject patch) {
        try {
            ticket = desk.patch(number, patch, getLocale());
            editing = false;
            hideError();
            banner.setVisible(false);
            desk.together(() -> {
                if (mine.containsKey("category")) {
                    rebuildFieldsForm();
                }
                render();
                renderSide();
            });
        } catch (InvalidInputException e) {
            showFieldErrors(e.errors());
        } catch (KefuException e) {
            if ("ticket.version.conflict".equals(e.code())) {
                merge(mine);
            } else {
                showError(e);
            }
        }
    }

    /** Someone saved meanwhile: keep what does not clash, ask about what does. */
    private void merge(Map<String, JsonValue> mine) {
        JsonObject theirs;
        try {
            theirs = desk.ticket(number, revealed, getLocale());
        } catch (KefuException e) {
            showError(e);
            return;
        }
        Map<String, JsonValue> theirValues = EditMerge.editable(theirs);
        List<EditMerge.Conflict> conflicts = EditMerge.conflicts(editBase, theirValues, mine);
        long version = theirs.getJsonNumber("version").longValue();
        ticket = theirs;
        editBase = theirValues;
        renderHeader();
        renderActions();
        List<JsonObject> events = renderTimeline();
        // Whoever wrote the ticket last is whom the agent's edit clashed with.
        String by = events.isEmpty() ? getTranslation("ticket.merge.someone") : events.get(events.size() - 1).getString("actor", "");
        if (conflicts.isEmpty()) {
            save(mine, EditMerge.toPatch(mine, version));
            return;
        }
        new MergeDialog(by, conflicts, this::fieldLabel, choices -> {
            Map<String, JsonValue> kept = new LinkedHashMap<>(mine);
            choices.forEach((field, keep) -> {
                if (keep == EditMerge.Keep.THEIRS) {
                    kept.remove(field);
                    showTheirs(field, theirValues.get(field));
                }
            });
            save(kept, EditMerge.patch(mine, choices, version));
        }).open();
    }

    /** Puts the saved value into the edit form, for a field where the agent kept theirs. */
    private void showTheirs(String field, JsonValue value) {
        String text = value instanceof JsonString s ? s.getString() : null;
        switch (field) {
            case "subject" -> subject.setValue(text == null ? "" : text);
            case "description" -> description.setValue(text == null ? "" : text);
            case "priority" -> prioritySelect.setValue(text == null ? null : Priority.valueOf(text));
            case "category" -> category.setValue(text);
            case "complaint" -> complaint.show(value instanceof JsonObject c ? c : null);
            default -> fieldsForm.set(field.substring("fields.".length()), value);
        }
    }

    private String fieldLabel(String field) {
        return field.startsWith("fields.") ? fieldsForm.label(field.substring("fields.".length()))
                : getTranslation("ticket.field." + field);
    }

    private void showFieldErrors(List<FieldError> errors) {
        List<FieldError> rest = new ArrayList<>();
        for (FieldError e : fieldsForm.showErrors(errors)) {
            String message = getTranslation(e.code(), e.args().toArray());
            switch (e.field()) {
                case "subject" -> invalid(subject, message);
                case "description" -> invalid(description, message);
                case "priority" -> {
                    prioritySelect.setErrorMessage(message);
                    prioritySelect.setInvalid(true);
                }
                case "category" -> invalid(category, message);
                default -> {
                    if (!complaint.showError(e, message)) {
                        rest.add(e);
                    }
                }
            }
        }
        if (rest.isEmpty()) {
            hideError();
        } else {
            showError(rest.stream().map(e -> getTranslation(e.code(), e.args().toArray())).reduce((a, b) -> a + " " + b).orElse(""));
        }
    }

    // ---- moving ----

    private void move(TicketStatus to) {
        if (!TransitionDialog.asksInput(to)) {
            List<FieldError> errors = transition(TransitionRequest.to(to));
            if (!errors.isEmpty()) {
                showError(errors.stream().map(e -> getTranslation(e.code(), e.args().toArray())).reduce((a, b) -> a + " " + b).orElse(""));
            }
            return;
        }
        boolean teamMayChoose = to == TicketStatus.ASSIGNED && text(ticket, "team", null) != null;
        new TransitionDialog(to, teamMayChoose, to == TicketStatus.ASSIGNED ? desk.assignees() : List.of(), this::transition).open();
    }

    /** Makes a move; answers the errors for the dialog (empty when done). */
    private List<FieldError> transition(TransitionRequest move) {
        try {
            ticket = desk.transition(number, move, ticket.getJsonNumber("version").longValue(), getLocale());
            hideError();
            desk.together(this::render);
            return List.of();
        } catch (InvalidInputException e) {
            return e.errors();
        } catch (KefuException e) {
            if ("ticket.version.conflict".equals(e.code())) {
                // Read what is saved now; the agent sees it and may confirm the move again.
                desk.together(this::load);
            }
            return List.of(FieldError.of("", e.code(), e.args().toArray()));
        }
    }

    // ---- composing ----

    private void compose(boolean note) {
        internalNote = note;
        modeReply.setThemeName(note ? "tertiary" : "primary contrast");
        modeNote.setThemeName(note ? "primary contrast" : "tertiary");
        composer.removeClassNames(LumoUtility.Background.WARNING_10);
        if (note) {
            composer.addClassNames(LumoUtility.Background.WARNING_10);
        }
        composer.getElement().setAttribute("data-mode", note ? "note" : "reply");
        relabelComposer();
    }

    private void send() {
        String text = composer.getValue();
        try {
            desk.comment(number, text, internalNote);
            composer.clear();
            composer.setInvalid(false);
            desk.together(() -> {
                ticket = desk.ticket(number, revealed, getLocale());
                render();
            });
        } catch (InvalidInputException e) {
            invalid(composer, e.errors().stream().map(x -> getTranslation(x.code(), x.args().toArray()))
                    .reduce((a, b) -> a + " " + b).orElse(""));
        } catch (KefuException e) {
            invalid(composer, getTranslation(e.code(), e.args().toArray()));
        }
    }

    private void insertCanned(JsonObject reply) {
        Map<String, String> values = new HashMap<>();
        values.put("ticket.number", number);
        values.put("ticket.subject", ticket.getString("subject"));
        currentUser.tenantUser().map(profiles::of).ifPresent(p -> values.put("agent.name", p.displayName()));
        if (customerName != null) {
            values.put("customer.name", customerName);
        }
        if (ticket.get("fields") instanceof JsonObject fields) {
            fields.forEach((k, v) -> values.put("fields." + k, io.kefu.platform.form.FormValidator.text(v)));
        }
        String filled = CannedReplies.fill(reply, getLocale(), values);
        String typed = composer.getValue();
        composer.setValue(typed.isBlank() ? filled : typed + "\n" + filled);
        composer.focus();
    }

    // ---- uploads ----

    private UploadHandler uploadHandler() {
        return event -> {
            UI ui = event.getUI();
            try {
                receive(event.getFileName(), event.getInputStream());
                ui.access(() -> {
                    hideError();
                    upload.clearFileList();
                    ticket = desk.ticket(number, revealed, getLocale());
                    render();
                });
            } catch (KefuException e) {
                ui.access(() -> showError(e));
            }
        };
    }

    /** Stores an uploaded file on this ticket through the platform (type and size checked, audited). */
    void receive(String filename, java.io.InputStream content) {
        desk.attach(number, filename, content);
    }

    // ---- live ----

    private void changedElsewhere(TicketUpdate update) {
        if (ticket == null || !update.number().equals(number)) {
            return;
        }
        // The same user may have changed it elsewhere (another tab, the API): reload then too, without a banner.
        boolean mine = currentUser.tenantUser().map(Caller.TenantUser::username).filter(update.by()::equals).isPresent();
        if (mine && alreadyShown(update)) {
            // This view made the change and has read the ticket since: reading it again shows nothing new.
            return;
        }
        if (editing) {
            if (mine) {
                return;
            }
            // The agent's edit stays; saving it merges with this change.
            banner.removeAll();
            Span text = new Span(getTranslation("ticket.live.changed-while-editing", update.by()));
            banner.add(text);
            banner.setVisible(true);
            return;
        }
        desk.together(() -> {
            ticket = desk.ticket(number, revealed, getLocale());
            render();
            renderSide();
        });
        if (!mine) {
            banner.removeAll();
            banner.add(new Span(getTranslation("ticket.live.changed", update.by())));
            banner.setVisible(true);
        }
    }

    /** The update wrote a version this view already shows. */
    private boolean alreadyShown(TicketUpdate update) {
        return update.version() != null && ticket.get("version") instanceof JsonNumber shown
                && update.version() <= shown.longValue();
    }

    // ---- helpers ----

    private void relabel() {
        edit.setText(getTranslation("ticket.edit"));
        edit.setTooltipText(getTranslation("ticket.edit.key"));
        save.setText(getTranslation("ticket.save"));
        cancelEdit.setText(getTranslation("ticket.cancel"));
        subject.setLabel(getTranslation("ticket.field.subject"));
        description.setLabel(getTranslation("ticket.field.description"));
        prioritySelect.setLabel(getTranslation("ticket.field.priority"));
        prioritySelect.setItemLabelGenerator(p -> getTranslation("ticket.priority." + p.name()));
        category.setLabel(getTranslation("ticket.field.category"));
        complaint.relabel();
        detailsHeading.setText(getTranslation("ticket.details"));
        composerHeading.setText(getTranslation("ticket.composer"));
        attachmentsHeading.setText(getTranslation("ticket.attachments"));
        timelineHeading.setText(getTranslation("ticket.timeline"));
        uploadButton.setText(getTranslation("ticket.attachments.upload"));
        if (!getLocale().equals(uploadLocale)) {
            // Sent to the browser only when the language changed: relabel runs on every render.
            upload.setI18n(UploadTexts.of(this::getTranslation));
            uploadLocale = getLocale();
        }
        for (H3 h : new H3[] {detailsHeading, composerHeading, attachmentsHeading, timelineHeading}) {
            h.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.Top.MEDIUM, LumoUtility.Margin.Bottom.SMALL);
        }
        relabelComposer();
    }

    private void relabelComposer() {
        modeReply.setText(getTranslation("ticket.composer.reply"));
        modeReply.setTooltipText(getTranslation("ticket.composer.reply.key"));
        modeNote.setText(getTranslation("ticket.composer.note"));
        modeNote.setTooltipText(getTranslation("ticket.composer.note.key"));
        composer.setLabel(getTranslation(internalNote ? "ticket.composer.note.label" : "ticket.composer.reply.label"));
        composer.setHelperText(getTranslation("ticket.composer.helper"));
        canned.setPlaceholder(getTranslation("ticket.canned"));
        send.setText(getTranslation(internalNote ? "ticket.composer.send-note" : "ticket.composer.send-reply"));
    }

    private H3 heading(String key) {
        H3 h = new H3(getTranslation(key));
        h.addClassNames(LumoUtility.FontSize.MEDIUM, LumoUtility.Margin.Top.NONE);
        return h;
    }

    private static Span quiet(String text) {
        Span s = new Span(text);
        s.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        return s;
    }

    private TicketStatus status() {
        return TicketStatus.valueOf(ticket.getString("status"));
    }

    private void showError(KefuException e) {
        showError(getTranslation(e.code(), e.args().toArray()));
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private void hideError() {
        error.setVisible(false);
        error.setText("");
    }

    private static void invalid(com.vaadin.flow.component.HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private static String text(JsonObject o, String key, String fallback) {
        return o.get(key) instanceof JsonString s ? s.getString() : fallback;
    }

    /** A stored instant in the tenant's zone, in the UI's language. */
    private String format(String instant) {
        try {
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                    .format(java.time.Instant.parse(instant).atZone(ZONE));
        } catch (RuntimeException unreadable) {
            return instant;
        }
    }

    private static final ZoneId ZONE = CustomFieldsForm.DEFAULT_ZONE;

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? (bytes / 1024) + " KiB" : String.format("%.1f MiB", bytes / 1048576.0);
    }
}
