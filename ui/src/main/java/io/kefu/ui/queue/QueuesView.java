package io.kefu.ui.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.dataview.GridLazyDataView;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.theme.lumo.LumoUtility;

import io.kefu.platform.form.FieldDefinition;
import io.kefu.platform.form.Form;
import io.kefu.platform.form.FormDefinitions;
import io.kefu.platform.form.FormTarget;
import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Member;
import io.kefu.platform.identity.Members;
import io.kefu.platform.identity.Role;
import io.kefu.platform.problem.ConflictException;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.KefuException;
import io.kefu.platform.queue.Queue;
import io.kefu.platform.queue.QueueFilter;
import io.kefu.platform.queue.QueueQuery;
import io.kefu.platform.queue.QueueRow;
import io.kefu.platform.queue.Queues;
import io.kefu.platform.queue.SavedFilters;
import io.kefu.platform.ticket.Lifecycle;
import io.kefu.platform.ticket.Priority;
import io.kefu.platform.ticket.TicketQuery;
import io.kefu.platform.ticket.TicketStatus;
import io.kefu.platform.ticket.TransitionRequest;
import io.kefu.ui.layout.MainLayout;
import io.kefu.ui.live.LiveRefresh;
import io.kefu.ui.live.TicketUpdate;
import io.kefu.ui.live.TicketFeed;
import io.kefu.ui.session.BrowserPreference;
import io.kefu.ui.session.CurrentUser;
import io.kefu.ui.session.Recent;

/**
 * The agent's workspace landing page. Left: the queues with live counts, then saved filters
 * (own, and shared with the user's teams). Right: a filter bar, bulk actions and a lazy grid
 * of the chosen queue or filter. Query parameters: {@code queue=<id>}, {@code filter=<saved
 * filter id>}, {@code q=<text>} (the global search: all tickets matching the text).
 *
 * <p>Keyboard (in the grid): j / k or ↓ / ↑ move, Enter opens, x selects; see the help button.
 * The view keeps only the current choice, a bounded cursor index and the rows the grid shows.
 */
@Route(value = "queues", layout = MainLayout.class)
@RouteAlias(value = "", layout = MainLayout.class)
@StyleSheet("context://styles/queues.css")
public class QueuesView extends HorizontalLayout implements BeforeEnterObserver, HasDynamicTitle, LocaleChangeObserver {

    /** Rows per page the grid asks for; the platform's page limit is 200. */
    static final int PAGE = 50;
    static final String ROUTE = "queues";

    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Queues queues;
    private final QueueCounts counts;
    private final SavedFilters savedFilters;
    private final BulkActions bulk;
    private final Members members;
    private final FormDefinitions forms;
    private final TicketFeed feed;
    private final CurrentUser currentUser;

    // ---- left: queues and saved filters
    private final H3 queuesHeading = new H3();
    private final Map<Queue, Button> queueButtons = new EnumMap<>(Queue.class);
    private final Map<Queue, Span> queueCounts = new EnumMap<>(Queue.class);
    private final H3 savedHeading = new H3();
    private final VerticalLayout savedList = new VerticalLayout();
    private final Button saveFilter = new Button(VaadinIcon.PLUS.create());

    // ---- right: title, filter bar, bulk bar, grid
    private final H3 title = new H3();
    private final Span total = new Span();
    private final MultiSelectComboBox<TicketStatus> statusFilter = new MultiSelectComboBox<>();
    private final Select<Priority> priorityFilter = new Select<>();
    private final ComboBox<String> assigneeFilter = new ComboBox<>();
    private final TextField textFilter = new TextField();
    private final Button clearFilter = new Button();
    private final MultiSelectComboBox<String> columnChooser = new MultiSelectComboBox<>();
    private final Button help = new Button(VaadinIcon.QUESTION_CIRCLE_O.create());
    private final Span selectedCount = new Span();
    private final Button bulkAssign = new Button();
    private final Button bulkPriority = new Button();
    private final Button bulkTransition = new Button();
    private final Div outcome = new Div();
    private final Span emptyNote = new Span();
    private final Grid<QueueRow> grid = new Grid<>(QueueRow.class, false);
    private final GridLazyDataView<QueueRow> rows;
    private final List<Grid.Column<QueueRow>> fixedColumns = new ArrayList<>();
    private final Map<String, Grid.Column<QueueRow>> fieldColumns = new LinkedHashMap<>();

    // ---- state (small: no lists of tickets)
    private Caller.TenantUser user;
    /** The custom-field columns a user chose ({@link BrowserPreference}: comma-separated field keys). */
    static final String COLUMNS_PREFERENCE = "queue-columns";
    private Queue queue = Queue.MINE;
    private SavedFilters.Visible saved;
    private String search;
    private QueueFilter filter = QueueFilter.NONE;
    private final CursorIndex cursors = new CursorIndex();
    private String cursorSort;
    private final Clock clock;
    private int cursorRow = -1;
    private String cursorNumber;
    private QueueRow cursorItem;
    /** Field keys and labels of the tenant's ticket forms, for the column chooser (a few dozen at most). */
    private final Map<String, FieldDefinition> fieldChoices = new LinkedHashMap<>();
    private boolean applying;
    private LiveRefresh live;
    /**
     * The counts read in this round trip, until the grid asks for its size: an unfiltered queue's
     * size is its count, and need not be read twice.
     */
    private Map<Queue, Long> justCounted;
    /** Who asks (name and teams), read at most once per {@link #ASKER_MAX_AGE}: every query needs it. */
    private final Recent<QueueQuery.Asker> asker;
    /** The grid's last read, and the rows a live refresh read again for it in its transaction. */
    private Fetch lastFetch;
    private Prefetched prefetched;

    /** The counts shown now. */
    private Map<Queue, Long> shownCounts;
    /** What the changes heard since the last refresh concerned: set on the feed's thread. */
    private final AtomicInteger concerned = new AtomicInteger();
    private static final int CONCERNS_ME = 1;
    private static final int CONCERNS_MY_TEAMS = 2;
    /** Who asks, for the feed's thread (which must not read the view's state under no lock). */
    private volatile QueueQuery.Asker heardFor;

    /** Team memberships change rarely; a new one shows in "my team's" within this. */
    static final Duration ASKER_MAX_AGE = Duration.ofSeconds(30);

    private record Fetch(int offset, int limit, String sort) {
    }

    /** Rows read from {@code fetch}'s offset: all there are from there when fewer than asked for. */
    private record Prefetched(Fetch fetch, List<QueueRow> rows) {
        /** The rows {@code wanted} asks for, if these hold them. */
        Optional<List<QueueRow>> serve(Fetch wanted) {
            int from = wanted.offset() - fetch.offset();
            boolean toTheEnd = rows.size() < fetch.limit();
            if (!wanted.sort().equals(fetch.sort()) || from < 0 || (!toTheEnd && from + wanted.limit() > rows.size())) {
                return Optional.empty();
            }
            return Optional.of(rows.subList(Math.min(from, rows.size()), Math.min(from + wanted.limit(), rows.size())));
        }
    }

    @Inject
    public QueuesView(Queues queues, QueueCounts counts, SavedFilters savedFilters, BulkActions bulk, Members members,
                      FormDefinitions forms, TicketFeed feed, CurrentUser currentUser) {
        this(queues, counts, savedFilters, bulk, members, forms, feed, currentUser, Clock.systemUTC());
    }

    QueuesView(Queues queues, QueueCounts counts, SavedFilters savedFilters, BulkActions bulk, Members members,
               FormDefinitions forms, TicketFeed feed, CurrentUser currentUser, Clock clock) {
        this.queues = queues;
        this.counts = counts;
        this.savedFilters = savedFilters;
        this.bulk = bulk;
        this.members = members;
        this.forms = forms;
        this.feed = feed;
        this.currentUser = currentUser;
        this.clock = clock;
        this.asker = new Recent<>(ASKER_MAX_AGE, clock);

        setSizeFull();
        setSpacing(false);
        setId("queues-view");
        add(sidebar(), main());
        rows = grid.setItems(this::fetch, this::count);
        // Rows are one ticket each: selection and refreshes follow the number, not the row's content.
        rows.setIdentifierProvider(QueueRow::number);
    }

    // =================================================================== layout

    private VerticalLayout sidebar() {
        VerticalLayout side = new VerticalLayout();
        side.setId("queue-sidebar");
        side.setWidth("16rem");
        side.setMinWidth("12rem");
        side.setPadding(true);
        side.setSpacing(false);
        side.addClassNames(LumoUtility.Border.RIGHT, LumoUtility.BorderColor.CONTRAST_10, LumoUtility.Overflow.AUTO);
        queuesHeading.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.Top.NONE);
        side.add(queuesHeading);
        for (Queue q : Queue.values()) {
            Span count = new Span("–");
            count.setId("queue-count-" + q.id());
            count.getElement().getThemeList().add("badge pill small contrast");
            Button b = new Button();
            b.setId("queue-" + q.id());
            b.setSuffixComponent(count);
            b.setWidthFull();
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            b.getStyle().set("justify-content", "space-between");
            b.addClickListener(e -> UI.getCurrent().navigate(ROUTE, QueryParameters.of("queue", q.id())));
            queueButtons.put(q, b);
            queueCounts.put(q, count);
            side.add(b);
        }
        savedHeading.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.Top.LARGE);
        savedList.setId("saved-filters");
        savedList.setPadding(false);
        savedList.setSpacing(false);
        saveFilter.setId("save-filter");
        saveFilter.addThemeVariants(ButtonVariant.LUMO_SMALL);
        saveFilter.addClickListener(e -> openSaveDialog());
        side.add(savedHeading, savedList, saveFilter);
        return side;
    }

    private VerticalLayout main() {
        title.setId("queue-title");
        title.addClassNames(LumoUtility.Margin.NONE);
        total.setId("queue-total");
        total.addClassNames(LumoUtility.TextColor.SECONDARY);
        help.setId("shortcuts-help");
        help.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        help.addClickListener(e -> openHelp());
        HorizontalLayout heading = new HorizontalLayout(title, total, help);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);

        statusFilter.setId("filter-status");
        statusFilter.setItems(TicketStatus.values());
        statusFilter.setItemLabelGenerator(s -> getTranslation(QueueLabels.status(s)));
        statusFilter.addValueChangeListener(e -> filterChanged());
        priorityFilter.setId("filter-priority");
        priorityFilter.setItems(Priority.values());
        priorityFilter.setEmptySelectionAllowed(true);
        priorityFilter.setItemLabelGenerator(p -> p == null ? "" : getTranslation(QueueLabels.priority(p)));
        priorityFilter.addValueChangeListener(e -> filterChanged());
        assigneeFilter.setId("filter-assignee");
        assigneeFilter.setClearButtonVisible(true);
        assigneeFilter.setItems(query -> assigneeChoices(query.getFilter().orElse(""), true).skip(query.getOffset()).limit(query.getLimit()));
        assigneeFilter.setItemLabelGenerator(this::assigneeLabel);
        assigneeFilter.addValueChangeListener(e -> filterChanged());
        textFilter.setId("filter-text");
        textFilter.setClearButtonVisible(true);
        textFilter.setValueChangeMode(ValueChangeMode.LAZY);
        textFilter.setPrefixComponent(VaadinIcon.SEARCH.create());
        textFilter.addValueChangeListener(e -> filterChanged());
        clearFilter.setId("filter-clear");
        clearFilter.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clearFilter.addClickListener(e -> showFilter(QueueFilter.NONE, true));
        columnChooser.setId("columns");
        columnChooser.setItemLabelGenerator(key -> Optional.ofNullable(fieldChoices.get(key))
                .map(d -> d.label().in(getLocale())).orElse(key));
        columnChooser.addValueChangeListener(e -> {
            showFieldColumns(e.getValue());
            if (e.isFromClient() && user != null) {
                // Remembered by the user's browser: the next visit shows the same columns.
                BrowserPreference.write(UI.getCurrent(), COLUMNS_PREFERENCE, user, String.join(",", e.getValue()));
            }
        });
        HorizontalLayout bar = new HorizontalLayout(statusFilter, priorityFilter, assigneeFilter, textFilter, clearFilter, columnChooser);
        bar.setId("filter-bar");
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWidthFull();
        bar.addClassNames(LumoUtility.FlexWrap.WRAP);

        selectedCount.setId("bulk-selected");
        bulkAssign.setId("bulk-assign");
        bulkAssign.addClickListener(e -> openAssignDialog());
        bulkPriority.setId("bulk-priority");
        bulkPriority.addClickListener(e -> openPriorityDialog());
        bulkTransition.setId("bulk-transition");
        bulkTransition.addClickListener(e -> openTransitionDialog());
        for (Button b : List.of(bulkAssign, bulkPriority, bulkTransition)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        HorizontalLayout bulkBar = new HorizontalLayout(selectedCount, bulkAssign, bulkPriority, bulkTransition);
        bulkBar.setId("bulk-bar");
        bulkBar.setAlignItems(FlexComponent.Alignment.CENTER);
        outcome.setId("bulk-outcome");
        outcome.setVisible(false);
        outcome.addClassNames(LumoUtility.Padding.SMALL, LumoUtility.BorderRadius.MEDIUM, LumoUtility.Background.ERROR_10,
                LumoUtility.TextColor.ERROR_CONTRAST, LumoUtility.FontSize.SMALL);
        emptyNote.setId("queue-contradiction");
        emptyNote.setVisible(false);
        emptyNote.addClassNames(LumoUtility.TextColor.SECONDARY);

        configureGrid();
        VerticalLayout main = new VerticalLayout(heading, bar, bulkBar, outcome, emptyNote, grid);
        main.setId("queue-main");
        main.setSizeFull();
        main.setFlexGrow(1, grid);
        main.getStyle().set("min-width", "0");
        return main;
    }

    private void configureGrid() {
        grid.setId("queue-grid");
        grid.setPageSize(PAGE);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeName("row-stripes");
        grid.addThemeName("compact");
        fixedColumns.add(grid.addColumn(QueueRow::number).setKey("number").setSortProperty("createdAt").setAutoWidth(true).setFlexGrow(0));
        // The subject takes what the short columns leave (at 1280 px with the drawer open it was
        // squeezed to a few characters while status and priority grew as wide as it).
        fixedColumns.add(grid.addColumn(QueueRow::subject).setKey("subject").setWidth("14rem").setFlexGrow(3));
        fixedColumns.add(grid.addColumn(r -> getTranslation(QueueLabels.status(r.status()))).setKey("status").setAutoWidth(true).setFlexGrow(0));
        fixedColumns.add(grid.addColumn(r -> getTranslation(QueueLabels.priority(r.priority()))).setKey("priority").setAutoWidth(true).setFlexGrow(0));
        fixedColumns.add(grid.addComponentColumn(this::slaBadge).setKey("sla").setAutoWidth(true).setFlexGrow(0));
        fixedColumns.add(grid.addColumn(r -> r.assigneeName() == null ? "" : r.assigneeName()).setKey("assignee").setAutoWidth(true).setFlexGrow(0));
        fixedColumns.add(grid.addColumn(r -> r.customerName() == null ? "" : r.customerName()).setKey("customer").setWidth("8rem").setFlexGrow(1));
        fixedColumns.add(grid.addColumn(r -> UPDATED.format(r.updatedAt().atZoneSameInstant(SHANGHAI))).setKey("updated")
                .setSortProperty("updatedAt").setAutoWidth(true).setFlexGrow(0));
        fixedColumns.forEach(c -> c.setResizable(true));
        grid.setMultiSort(false);
        grid.addSortListener(e -> resetPaging());
        grid.addItemClickListener(e -> open(e.getItem()));
        // A cell focused by mouse or the grid's own arrow keys becomes the keyboard's row too.
        grid.addCellFocusListener(e -> e.getItem().ifPresent(this::markCursor));
        grid.setPartNameGenerator(r -> r.number().equals(cursorNumber) ? "kefu-cursor" : null);
        grid.addSelectionListener(e -> showSelection());

        // Only while the grid has focus: typing "j" in the search field stays a letter.
        Shortcuts.addShortcutListener(grid, () -> moveCursor(1), Key.KEY_J).listenOn(grid);
        Shortcuts.addShortcutListener(grid, () -> moveCursor(-1), Key.KEY_K).listenOn(grid);
        Shortcuts.addShortcutListener(grid, () -> moveCursor(1), Key.ARROW_DOWN).listenOn(grid).allowBrowserDefault();
        Shortcuts.addShortcutListener(grid, () -> moveCursor(-1), Key.ARROW_UP).listenOn(grid).allowBrowserDefault();
        Shortcuts.addShortcutListener(grid, () -> cursorItem().ifPresent(this::open), Key.ENTER).listenOn(grid);
        Shortcuts.addShortcutListener(grid, this::toggleCursorSelection, Key.KEY_X).listenOn(grid);
    }

    private Span slaBadge(QueueRow r) {
        SlaText.Label label = SlaText.label(r.sla());
        Span badge = new Span(getTranslation(label.key(), label.arg()));
        badge.getElement().setAttribute("theme", SlaText.theme(r.sla()));
        badge.addClassNames(SlaText.classes(r.sla()));
        if (r.sla() != null) {
            badge.setTitle(getTranslation("queue.sla.due", UPDATED.format(r.sla().dueAt().atZone(SHANGHAI))));
        }
        return badge;
    }

    // =================================================================== navigation

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Caller.TenantUser> caller = currentUser.tenantUser();
        if (caller.isEmpty()) {
            return; // the layout forwards to the login view
        }
        user = caller.get();
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        String queueId = first(params, "queue");
        String filterId = first(params, "filter");
        String q = first(params, "q");
        saved = null;
        search = null;
        QueueFilter shown = QueueFilter.NONE;
        if (filterId != null) {
            try {
                saved = savedFilters.get(filterId);
                queue = null;
                shown = saved.filter().filter();
            } catch (KefuException gone) {
                // Deleted meanwhile, or never this user's: back to their own tickets, and say so.
                queue = Queue.MINE;
                error(gone);
            }
        } else if (q != null && !q.isBlank()) {
            queue = null;
            search = q.strip();
            shown = new QueueFilter(Set.of(), null, null, search);
        } else {
            queue = Queue.byId(queueId).orElse(Queue.MINE);
        }
        if (fieldChoices.isEmpty()) {
            loadFieldChoices();
            Caller.TenantUser whose = user;
            BrowserPreference.read(event.getUI(), COLUMNS_PREFERENCE, whose, stored -> {
                if (stored != null && whose.equals(user)) {
                    // Fields the forms no longer have are left out.
                    Set<String> keys = new LinkedHashSet<>(List.of(stored.split(",")));
                    keys.retainAll(fieldChoices.keySet());
                    columnChooser.setValue(keys);
                }
            });
        }
        showFilter(shown, false);
        loadSavedFilters();
        relabel();
        reload();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        currentUser.tenantUser().ifPresent(u -> {
            if (live == null) {
                live = LiveRefresh.of(this, feed, u, clock, new Heard());
            }
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("queue.page-title");
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        relabel();
        loadSavedFilters();
        grid.getDataProvider().refreshAll();
        event.getUI().getPage().setTitle(getPageTitle());
    }

    // =================================================================== data

    /** What the grid shows now; the service-standard conditions are evaluated afresh each time. */
    private QueueQuery currentQuery(String sort, int limit) {
        return queues.query(queue, filter, asker(), sort, limit);
    }

    private QueueQuery.Asker asker() {
        QueueQuery.Asker a = asker.get(queues::asker);
        heardFor = a;
        return a;
    }

    private Stream<QueueRow> fetch(Query<QueueRow, Void> q) {
        Fetch wanted = new Fetch(q.getOffset(), q.getLimit(), sort(q.getSortOrders()));
        Prefetched ready = prefetched;
        prefetched = null;
        lastFetch = wanted;
        Optional<List<QueueRow>> served = ready == null ? Optional.empty() : ready.serve(wanted);
        return (served.isPresent() ? served.get() : read(wanted)).stream();
    }

    private List<QueueRow> read(Fetch wanted) {
        String sort = wanted.sort();
        if (!sort.equals(cursorSort)) {
            cursors.clear();
            cursorSort = sort;
        }
        List<QueueRow> out = new ArrayList<>(wanted.limit());
        int offset = wanted.offset();
        while (out.size() < wanted.limit()) {
            int at = offset + out.size();
            int chunk = Math.min(wanted.limit() - out.size(), TicketQuery.MAX_LIMIT);
            CursorIndex.Start start = cursors.startFor(at);
            Queues.Rows page = queues.rows(currentQuery(sort, chunk), start.cursor(), start.skip());
            out.addAll(page.rows());
            cursors.remember(at + page.rows().size(), page.nextCursor());
            if (page.nextCursor() == null || page.rows().size() < chunk) {
                break;
            }
        }
        return out;
    }

    private int count(Query<QueueRow, Void> q) {
        QueueQuery current = currentQuery(null, 1);
        emptyNote.setVisible(current.empty());
        Map<Queue, Long> counted = justCounted;
        justCounted = null;
        long n = counted != null && queue != null && filter.equals(QueueFilter.NONE) ? counted.get(queue) : queues.count(current);
        total.setText(getTranslation("queue.total", n));
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    /** The list API's sort parameter for the grid's sort order (newest first when unsorted). */
    static String sort(List<QuerySortOrder> orders) {
        if (orders.isEmpty()) {
            return "-createdAt";
        }
        QuerySortOrder o = orders.get(0);
        return (o.getDirection() == SortDirection.DESCENDING ? "-" : "") + o.getSorted();
    }

    private void reload() {
        resetPaging();
        grid.deselectAll();
        cursorRow = -1;
        cursorNumber = null;
        cursorItem = null;
        refreshCounts();
        refreshed();
    }

    /** What is shown now includes every change so far. */
    private void refreshed() {
        if (live != null) {
            live.refreshed();
        }
    }

    /**
     * A live refresh: the counts and the rows the grid showed, read again in one transaction; the
     * grid then takes the rows from there instead of reading them in transactions of its own.
     */
    private void refresh(long since) {
        int concerns = concerned.getAndSet(0);
        long now = currentUser.tenantUser().map(u -> feed.generation(u.tenant())).orElse(since);
        // "Mine" and "my team's" are read again only when a change concerned the user or their teams.
        Map<Queue, Long> known = new EnumMap<>(Queue.class);
        if (shownCounts != null && (concerns & CONCERNS_ME) == 0) {
            known.put(Queue.MINE, shownCounts.get(Queue.MINE));
        }
        if (shownCounts != null && (concerns & CONCERNS_MY_TEAMS) == 0) {
            known.put(Queue.TEAM, shownCounts.get(Queue.TEAM));
        }
        boolean rowsToo = queue == Queue.MINE ? (concerns & CONCERNS_ME) != 0
                : queue == Queue.TEAM ? (concerns & CONCERNS_MY_TEAMS) != 0 : true;
        // A page at least: the grid asks for no more than the rows there are, and there may be more now.
        Fetch again = lastFetch == null || !rowsToo ? null
                : new Fetch(lastFetch.offset(), Math.max(lastFetch.limit(), grid.getPageSize()), lastFetch.sort());
        if (rowsToo) {
            cursors.clear();
        }
        queues.together(() -> {
            QueueCounts.Counted counted = counts.counts(queues, asker(), since, known);
            showCounts(counted.counts());
            if (counted.generation() < now) {
                // Shared with other views and read before the latest change: shown now, read again soon.
                justCounted = null;
                live.behind(now);
            }
            prefetched = again == null ? null : new Prefetched(again, read(again));
        });
        if (rowsToo) {
            rows.refreshAll();
        } else {
            justCounted = null; // the grid does not ask now; a later size must be read then
        }
    }

    /** Hears every change of the tenant's tickets, noting whether it concerned the user or their teams. */
    private final class Heard implements LiveRefresh.Listener {
        @Override
        public boolean heard(TicketUpdate update) {
            QueueQuery.Asker a = heardFor;
            int bits = 0;
            if (a == null || update.mayConcernUser(a.username())) {
                bits |= CONCERNS_ME;
            }
            if (a == null || update.mayConcernTeams(a.teamIds())) {
                bits |= CONCERNS_MY_TEAMS;
            }
            int b = bits;
            concerned.accumulateAndGet(b, (x, y) -> x | y);
            // Every change may move the tenant's queues' counts: always heard.
            return true;
        }

        @Override
        public void refresh(long since) {
            QueuesView.this.refresh(since);
        }
    }

    private void resetPaging() {
        cursors.clear();
        prefetched = null;
        rows.refreshAll();
    }

    private void refreshCounts() {
        showCounts(counts.counts(queues, asker()));
    }

    private void showCounts(Map<Queue, Long> counted) {
        justCounted = counted;
        shownCounts = counted;
        counted.forEach((q, n) -> queueCounts.get(q).setText(String.valueOf(n)));
    }

    // =================================================================== filter bar

    private void filterChanged() {
        if (applying) {
            return;
        }
        try {
            filter = new QueueFilter(statusFilter.getValue(), priorityFilter.getValue(), assigneeFilter.getValue(), textFilter.getValue());
            textFilter.setInvalid(false);
        } catch (InvalidInputException e) {
            showFieldErrors(e);
            return;
        }
        reload();
    }

    /** Puts a filter into the bar (without a reload per field); {@code reload}: and shows it. */
    private void showFilter(QueueFilter f, boolean reload) {
        applying = true;
        try {
            statusFilter.setValue(f.statuses());
            priorityFilter.setValue(f.priority());
            assigneeFilter.setValue(f.assignee());
            textFilter.setValue(f.text() == null ? "" : f.text());
        } finally {
            applying = false;
        }
        filter = f;
        if (reload) {
            reload();
        }
    }

    /** "me" and "none" (for filtering), then the tenant's agents and supervisors matching what was typed. */
    private Stream<String> assigneeChoices(String typed, boolean withSpecial) {
        String t = typed.toLowerCase(Locale.ROOT);
        Stream<String> special = (withSpecial ? Stream.of("me", "none") : Stream.<String>empty())
                .filter(v -> assigneeLabel(v).toLowerCase(Locale.ROOT).contains(t) || v.contains(t));
        Stream<String> people = members.all().stream().filter(m -> m.role() == Role.AGENT || m.role() == Role.SUPERVISOR)
                .filter(m -> m.username().toLowerCase(Locale.ROOT).contains(t)
                        || (m.displayName() != null && m.displayName().toLowerCase(Locale.ROOT).contains(t)))
                .map(Member::username);
        return Stream.concat(special, people);
    }

    private String assigneeLabel(String value) {
        return switch (value == null ? "" : value) {
            case "me" -> getTranslation("queue.filter.assignee.me");
            case "none" -> getTranslation("queue.filter.assignee.none");
            default -> value;
        };
    }

    private void loadFieldChoices() {
        fieldChoices.clear();
        for (Form f : forms.current(FormTarget.TICKET)) {
            for (FieldDefinition d : f.fields()) {
                fieldChoices.putIfAbsent(d.key(), d);
            }
        }
        columnChooser.setItems(fieldChoices.keySet());
        columnChooser.setVisible(!fieldChoices.isEmpty());
    }

    private void showFieldColumns(Set<String> keys) {
        for (String key : new ArrayList<>(fieldColumns.keySet())) {
            if (!keys.contains(key)) {
                grid.removeColumn(fieldColumns.remove(key));
            }
        }
        for (String key : keys) {
            fieldColumns.computeIfAbsent(key, k -> {
                Grid.Column<QueueRow> c = grid.addColumn(r -> fieldText(r.fields(), k)).setKey("field." + k)
                        .setSortProperty("field." + k).setAutoWidth(true).setResizable(true);
                Optional.ofNullable(fieldChoices.get(k)).ifPresent(d -> c.setHeader(d.label().in(getLocale())));
                return c;
            });
        }
    }

    /** A custom field's value as text (as the API shows it to this user: personal data masked). */
    static String fieldText(JsonObject fields, String key) {
        JsonValue v = fields == null ? null : fields.get(key);
        if (v == null || v == JsonValue.NULL) {
            return "";
        }
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).bigDecimalValue().toPlainString();
            case TRUE -> "✓";
            case FALSE -> "✗";
            case ARRAY -> String.join(", ", v.asJsonArray().stream().map(e -> e instanceof JsonString s ? s.getString() : e.toString()).toList());
            case OBJECT -> {
                JsonObject o = v.asJsonObject();
                yield o.containsKey("amount") ? fieldText(o, "amount") + " " + fieldText(o, "currency") : o.toString();
            }
            default -> v.toString();
        };
    }

    // =================================================================== saved filters

    private void loadSavedFilters() {
        savedList.removeAll();
        if (user == null) {
            return;
        }
        List<SavedFilters.Visible> visible = savedFilters.visible();
        if (visible.isEmpty()) {
            Span none = new Span(getTranslation("queue.saved.none"));
            none.setId("saved-filters-none");
            none.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
            savedList.add(none);
        }
        for (SavedFilters.Visible v : visible) {
            String id = v.filter().id();
            Button open = new Button(v.filter().name());
            open.setId("saved-filter-" + id);
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            open.addClickListener(e -> UI.getCurrent().navigate(ROUTE, QueryParameters.of("filter", id)));
            if (v.teamName() != null) {
                Span team = new Span(v.teamName());
                team.getElement().getThemeList().add("badge small contrast");
                open.setSuffixComponent(team);
            }
            if (saved != null && saved.filter().id().equals(id)) {
                open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            HorizontalLayout line = new HorizontalLayout(open);
            line.setSpacing(false);
            line.setAlignItems(FlexComponent.Alignment.CENTER);
            if (v.mayChange()) {
                Button rename = new Button(VaadinIcon.EDIT.create(), e -> openRenameDialog(v));
                rename.setId("rename-filter-" + id);
                rename.setAriaLabel(getTranslation("queue.saved.rename"));
                Button delete = new Button(VaadinIcon.TRASH.create(), e -> openDeleteDialog(v));
                delete.setId("delete-filter-" + id);
                delete.setAriaLabel(getTranslation("queue.saved.delete"));
                for (Button b : List.of(rename, delete)) {
                    b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                }
                line.add(rename, delete);
            }
            savedList.add(line);
        }
    }

    private void openSaveDialog() {
        Dialog d = dialog("save-filter-dialog", getTranslation("queue.saved.dialog.title"));
        TextField name = new TextField(getTranslation("queue.saved.name"));
        name.setId("save-filter-name");
        name.setMaxLength(SavedFilters.NAME_MAX);
        name.setWidthFull();
        Select<String> team = new Select<>();
        team.setId("save-filter-team");
        team.setLabel(getTranslation("queue.saved.share"));
        Map<String, String> shareable = shareableTeams();
        team.setItems(shareable.keySet());
        team.setEmptySelectionAllowed(true);
        team.setEmptySelectionCaption(getTranslation("queue.saved.share.nobody"));
        team.setItemLabelGenerator(id -> id == null ? getTranslation("queue.saved.share.nobody") : shareable.get(id));
        team.setVisible(!shareable.isEmpty());
        Button apply = primary("save-filter-apply", getTranslation("queue.saved.save"));
        apply.addClickListener(e -> {
            try {
                SavedFilters.Visible v = savedFilters.create(name.getValue(), filter, team.getValue());
                d.close();
                notice(getTranslation("queue.saved.saved", v.filter().name()));
                UI.getCurrent().navigate(ROUTE, QueryParameters.of("filter", v.filter().id()));
            } catch (InvalidInputException ex) {
                for (FieldError fe : ex.errors()) {
                    String text = getTranslation(fe.code(), fe.args().toArray());
                    if (fe.field().equals("team")) {
                        team.setInvalid(true);
                        team.setErrorMessage(text);
                    } else {
                        name.setInvalid(true);
                        name.setErrorMessage(text);
                    }
                }
            } catch (ConflictException ex) {
                name.setInvalid(true);
                name.setErrorMessage(getTranslation(ex.code(), ex.args().toArray()));
            }
        });
        d.add(new VerticalLayout(name, team));
        d.getFooter().add(cancel(d), apply);
        d.open();
        name.focus();
    }

    /** Team id to name: the user's teams, or every team for supervisors and admins (as {@link SavedFilters} allows). */
    private Map<String, String> shareableTeams() {
        return queues.teams(user.role() == Role.AGENT);
    }

    private void openRenameDialog(SavedFilters.Visible v) {
        Dialog d = dialog("rename-filter-dialog", getTranslation("queue.saved.rename.title"));
        TextField name = new TextField(getTranslation("queue.saved.name"), v.filter().name(), "");
        name.setId("rename-filter-name");
        name.setMaxLength(SavedFilters.NAME_MAX);
        name.setWidthFull();
        Button apply = primary("rename-filter-apply", getTranslation("queue.saved.rename"));
        apply.addClickListener(e -> {
            try {
                SavedFilters.Visible renamed = savedFilters.rename(v.filter().id(), name.getValue());
                d.close();
                if (saved != null && saved.filter().id().equals(v.filter().id())) {
                    saved = renamed;
                    relabel();
                }
                loadSavedFilters();
            } catch (InvalidInputException ex) {
                FieldError fe = ex.errors().get(0);
                name.setInvalid(true);
                name.setErrorMessage(getTranslation(fe.code(), fe.args().toArray()));
            } catch (KefuException ex) {
                name.setInvalid(true);
                name.setErrorMessage(getTranslation(ex.code(), ex.args().toArray()));
            }
        });
        d.add(name);
        d.getFooter().add(cancel(d), apply);
        d.open();
    }

    private void openDeleteDialog(SavedFilters.Visible v) {
        Dialog d = dialog("delete-filter-dialog", getTranslation("queue.saved.delete"));
        d.add(new Span(getTranslation("queue.saved.delete.confirm", v.filter().name())));
        Button confirm = new Button(getTranslation("queue.saved.delete"));
        confirm.setId("delete-filter-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.addClickListener(e -> {
            d.close();
            try {
                savedFilters.delete(v.filter().id());
                notice(getTranslation("queue.saved.deleted", v.filter().name()));
                if (saved != null && saved.filter().id().equals(v.filter().id())) {
                    UI.getCurrent().navigate(ROUTE, QueryParameters.of("queue", Queue.MINE.id()));
                } else {
                    loadSavedFilters();
                }
            } catch (KefuException ex) {
                error(ex);
                loadSavedFilters();
            }
        });
        d.getFooter().add(cancel(d), confirm);
        d.open();
    }

    // =================================================================== bulk actions

    private List<QueueRow> selected() {
        return new ArrayList<>(grid.getSelectedItems());
    }

    private void showSelection() {
        int n = grid.getSelectedItems().size();
        selectedCount.setText(getTranslation("queue.bulk.selected", n));
        for (Button b : List.of(bulkAssign, bulkPriority, bulkTransition)) {
            b.setEnabled(n > 0);
        }
    }

    private void openAssignDialog() {
        Dialog d = dialog("bulk-assign-dialog", getTranslation("queue.bulk.assign.title", grid.getSelectedItems().size()));
        ComboBox<String> agent = new ComboBox<>(getTranslation("queue.bulk.assign.agent"));
        agent.setId("bulk-assign-agent");
        agent.setItems(query -> assigneeChoices(query.getFilter().orElse(""), false).skip(query.getOffset()).limit(query.getLimit()));
        Select<String> team = new Select<>();
        team.setId("bulk-assign-team");
        team.setLabel(getTranslation("queue.bulk.assign.team"));
        Map<String, String> all = queues.teams(false);
        team.setItems(all.keySet());
        team.setEmptySelectionAllowed(true);
        team.setItemLabelGenerator(id -> id == null ? "" : all.get(id));
        Button apply = primary("bulk-assign-apply", getTranslation("queue.bulk.apply"));
        apply.addClickListener(e -> {
            if ((agent.getValue() == null) == (team.getValue() == null)) {
                agent.setInvalid(true);
                agent.setErrorMessage(getTranslation("queue.bulk.assign.either"));
                return;
            }
            d.close();
            showOutcome(agent.getValue() != null ? bulk.assign(selected(), agent.getValue()) : bulk.moveToTeam(selected(), team.getValue()));
        });
        d.add(new VerticalLayout(agent, team));
        d.getFooter().add(cancel(d), apply);
        d.open();
    }

    private void openPriorityDialog() {
        Dialog d = dialog("bulk-priority-dialog", getTranslation("queue.bulk.priority.title", grid.getSelectedItems().size()));
        Select<Priority> priority = new Select<>();
        priority.setId("bulk-priority-value");
        priority.setLabel(getTranslation("queue.filter.priority"));
        priority.setItems(Priority.values());
        priority.setItemLabelGenerator(p -> getTranslation(QueueLabels.priority(p)));
        Button apply = primary("bulk-priority-apply", getTranslation("queue.bulk.apply"));
        apply.addClickListener(e -> {
            if (priority.getValue() == null) {
                priority.setInvalid(true);
                priority.setErrorMessage(getTranslation("field.required"));
                return;
            }
            d.close();
            showOutcome(bulk.changePriority(selected(), priority.getValue()));
        });
        d.add(priority);
        d.getFooter().add(cancel(d), apply);
        d.open();
    }

    private void openTransitionDialog() {
        Dialog d = dialog("bulk-transition-dialog", getTranslation("queue.bulk.transition.title", grid.getSelectedItems().size()));
        Select<TicketStatus> to = new Select<>();
        to.setId("bulk-transition-to");
        to.setLabel(getTranslation("queue.bulk.to"));
        // Assigning has its own action (it needs a person or a team).
        to.setItems(Stream.of(TicketStatus.values()).filter(s -> s != TicketStatus.NEW && s != TicketStatus.ASSIGNED).toList());
        to.setItemLabelGenerator(s -> getTranslation(QueueLabels.status(s)));
        TextArea reason = new TextArea(getTranslation("queue.bulk.reason"));
        reason.setId("bulk-transition-reason");
        TextArea resolution = new TextArea(getTranslation("queue.bulk.resolution"));
        resolution.setId("bulk-transition-resolution");
        for (TextArea a : List.of(reason, resolution)) {
            a.setWidthFull();
            a.setVisible(false);
        }
        to.addValueChangeListener(e -> {
            String needed = e.getValue() == null ? "" : Lifecycle.requiredInput(e.getValue()).orElse("");
            reason.setVisible(needed.equals("reason"));
            resolution.setVisible(needed.equals("resolution"));
        });
        Button apply = primary("bulk-transition-apply", getTranslation("queue.bulk.apply"));
        apply.addClickListener(e -> {
            if (to.getValue() == null) {
                to.setInvalid(true);
                to.setErrorMessage(getTranslation("field.required"));
                return;
            }
            TextArea needed = reason.isVisible() ? reason : resolution.isVisible() ? resolution : null;
            if (needed != null && needed.getValue().isBlank()) {
                needed.setInvalid(true);
                needed.setErrorMessage(getTranslation("field.required"));
                return;
            }
            d.close();
            TransitionRequest move = new TransitionRequest(to.getValue(), reason.isVisible() ? reason.getValue() : null,
                    resolution.isVisible() ? resolution.getValue() : null, null);
            showOutcome(bulk.transition(selected(), move));
        });
        d.add(new VerticalLayout(to, reason, resolution));
        d.getFooter().add(cancel(d), apply);
        d.open();
    }

    /** Says how many changed and, next to the grid, which did not and why; then shows the new state. */
    private void showOutcome(BulkActions.Outcome result) {
        Notification n = Notification.show(getTranslation("queue.bulk.done", result.changed().size(), result.asked()));
        n.addThemeVariants(result.failed().isEmpty() ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_WARNING);
        outcome.removeAll();
        if (!result.failed().isEmpty()) {
            outcome.add(new Span(getTranslation("queue.bulk.failed")));
            UnorderedList list = new UnorderedList();
            for (BulkActions.Failure f : result.failed()) {
                ListItem item = new ListItem(getTranslation("queue.bulk.failure", f.number(), getTranslation(f.code(), f.args().toArray())));
                item.setId("bulk-failure-" + f.number());
                list.add(item);
            }
            Button dismiss = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> outcome.setVisible(false));
            dismiss.setId("bulk-outcome-dismiss");
            dismiss.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            outcome.add(list, dismiss);
        }
        outcome.setVisible(!result.failed().isEmpty());
        grid.deselectAll();
        resetPaging();
        refreshCounts();
        refreshed();
    }

    // =================================================================== keyboard

    private void moveCursor(int by) {
        int size = grid.getDataCommunicator().getItemCount();
        if (size == 0) {
            return;
        }
        int next = Math.max(0, Math.min(size - 1, cursorRow + by));
        QueueRow row = rows.getItem(next);
        cursorRow = next;
        markCursor(row);
        grid.scrollToIndex(next);
    }

    /** The row the keyboard acts on is shown highlighted (its cells get the part name {@code kefu-cursor}). */
    private void markCursor(QueueRow row) {
        QueueRow before = cursorItem;
        cursorItem = row;
        cursorNumber = row.number();
        if (before != null && !before.number().equals(row.number())) {
            rows.refreshItem(before);
        }
        rows.refreshItem(row);
    }

    private Optional<QueueRow> cursorItem() {
        return Optional.ofNullable(cursorItem);
    }

    private void toggleCursorSelection() {
        cursorItem().ifPresent(r -> {
            if (grid.getSelectedItems().stream().anyMatch(s -> s.number().equals(r.number()))) {
                grid.deselect(r);
            } else {
                grid.select(r);
            }
        });
    }

    private void open(QueueRow row) {
        UI.getCurrent().navigate("tickets/" + row.number());
    }

    private void openHelp() {
        Dialog d = dialog("shortcuts-dialog", getTranslation("queue.help"));
        UnorderedList list = new UnorderedList(new ListItem(getTranslation("queue.help.move")),
                new ListItem(getTranslation("queue.help.open")), new ListItem(getTranslation("queue.help.select")),
                new ListItem(getTranslation("queue.help.focus")));
        d.add(list);
        d.getFooter().add(cancel(d));
        d.open();
    }

    // =================================================================== texts and helpers

    private void relabel() {
        queuesHeading.setText(getTranslation("queue.heading.queues"));
        savedHeading.setText(getTranslation("queue.saved.heading"));
        saveFilter.setText(getTranslation("queue.saved.save"));
        queueButtons.forEach((q, b) -> b.setText(getTranslation(QueueLabels.queue(q))));
        queueButtons.forEach((q, b) -> {
            if (q == queue) {
                b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            } else {
                b.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
        });
        title.setText(saved != null ? saved.filter().name()
                : search != null ? getTranslation("queue.name.search", search)
                : queue != null ? getTranslation(QueueLabels.queue(queue)) : getTranslation("queue.name.all"));
        statusFilter.setLabel(getTranslation("queue.filter.status"));
        priorityFilter.setLabel(getTranslation("queue.filter.priority"));
        assigneeFilter.setLabel(getTranslation("queue.filter.assignee"));
        textFilter.setLabel(getTranslation("queue.filter.text"));
        clearFilter.setText(getTranslation("queue.filter.clear"));
        columnChooser.setLabel(getTranslation("queue.columns"));
        help.setAriaLabel(getTranslation("queue.help"));
        help.setTooltipText(getTranslation("queue.help"));
        bulkAssign.setText(getTranslation("queue.bulk.assign"));
        bulkPriority.setText(getTranslation("queue.bulk.priority"));
        bulkTransition.setText(getTranslation("queue.bulk.transition"));
        emptyNote.setText(getTranslation("queue.empty.contradiction"));
        for (Grid.Column<QueueRow> c : fixedColumns) {
            c.setHeader(getTranslation("queue.col." + c.getKey()));
        }
        fieldColumns.forEach((k, c) -> Optional.ofNullable(fieldChoices.get(k)).ifPresent(d -> c.setHeader(d.label().in(getLocale()))));
        showSelection();
    }

    private static String first(Map<String, List<String>> params, String key) {
        List<String> values = params.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private void showFieldErrors(InvalidInputException e) {
        for (FieldError fe : e.errors()) {
            textFilter.setInvalid(true);
            textFilter.setErrorMessage(getTranslation(fe.code(), fe.args().toArray()));
        }
    }

    private void error(KefuException e) {
        Notification n = Notification.show(getTranslation(e.code(), e.args().toArray()));
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void notice(String text) {
        Notification.show(text).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static Dialog dialog(String id, String header) {
        Dialog d = new Dialog();
        d.setId(id);
        d.setHeaderTitle(header);
        return d;
    }

    private Button cancel(Dialog d) {
        Button b = new Button(getTranslation("queue.close"), e -> d.close());
        b.setId(d.getId().orElse("dialog") + "-cancel");
        return b;
    }

    private static Button primary(String id, String text) {
        Button b = new Button(text);
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return b;
    }

}
