package io.kefu.ui.team;

import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dnd.GridDropMode;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Role;
import io.kefu.platform.problem.KefuException;
import io.kefu.platform.team.TeamBoard;
import io.kefu.platform.team.Teams;
import io.kefu.platform.ticket.Priority;
import io.kefu.platform.ticket.Ticket;
import io.kefu.platform.ticket.TicketService;
import io.kefu.platform.ticket.TicketStatus;
import io.kefu.platform.ticket.TransitionRequest;
import io.kefu.ui.i18n.LabelKeys;
import io.kefu.ui.layout.MainLayout;
import io.kefu.ui.live.LiveRefresh;
import io.kefu.ui.live.TicketFeed;
import io.kefu.ui.session.CurrentUser;

/**
 * The supervisors' board of one team at a time (the teams the user is a member of; all teams for
 * tenant admins): each member's open work by priority with at-risk and breached counts, the
 * team's unassigned and breaching tickets, and reassignment by dragging a ticket onto a member or
 * through the row's "assign to" menu, both through {@link TicketService} (checks, audit, SLA as
 * for any assignment). Agents get a page saying the board is not theirs. Kept current by the
 * ticket feed; holds only the rows it shows.
 */
@Route(value = "team", layout = MainLayout.class)
public class TeamBoardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle, LocaleChangeObserver {

    /** Rows per attention list: the oldest first, a supervisor works from the top. */
    static final int LIST_LIMIT = 50;

    private final Teams teams;
    private final TeamBoard boards;
    private final TicketService tickets;
    private final TicketFeed feed;
    private final CurrentUser currentUser;

    private final H2 title = new H2();
    private final Div notAllowed = new Div();
    private final H3 notAllowedTitle = new H3();
    private final Paragraph notAllowedText = new Paragraph();
    private final Paragraph noTeams = new Paragraph();
    private final Select<String> teamSelect = new Select<>();
    private final Span unassignedCount = new Span();
    private final Span breachingCount = new Span();
    private final Div message = new Div();
    private final Div board = new Div();

    private final H3 agentsTitle = new H3();
    private final Paragraph dropHint = new Paragraph();
    private final Grid<TeamBoard.AgentLoad> agents = new Grid<>();
    private final Grid.Column<TeamBoard.AgentLoad> agentColumn;
    private final Grid.Column<TeamBoard.AgentLoad> openColumn;
    private final Map<Priority, Grid.Column<TeamBoard.AgentLoad>> priorityColumns = new LinkedHashMap<>();
    private final Grid.Column<TeamBoard.AgentLoad> atRiskColumn;
    private final Grid.Column<TeamBoard.AgentLoad> breachedColumn;
    private final H3 unassignedTitle = new H3();
    private final Span unassignedMore = new Span();
    private final TicketGrid unassigned;
    private final H3 breachingTitle = new H3();
    private final Span breachingMore = new Span();
    private final TicketGrid breaching;

    private Caller.TenantUser user;
    /** Team id to its label, for the teams this user sees. */
    private final Map<String, String> teamLabels = new LinkedHashMap<>();
    private TeamBoard.Board current;
    /** The ticket being dragged, between drag start and drop. */
    private TeamBoard.Attention dragged;
    private LiveRefresh live;
    private final Clock clock;

    @Inject
    public TeamBoardView(Teams teams, TeamBoard boards, TicketService tickets, TicketFeed feed, CurrentUser currentUser) {
        this(teams, boards, tickets, feed, currentUser, Clock.systemUTC());
    }

    /** With the clock that paces live reloads (tests move it). */
    TeamBoardView(Teams teams, TeamBoard boards, TicketService tickets, TicketFeed feed, CurrentUser currentUser, Clock clock) {
        this.clock = clock;
        this.teams = teams;
        this.boards = boards;
        this.tickets = tickets;
        this.feed = feed;
        this.currentUser = currentUser;
        setPadding(true);
        setWidthFull();

        title.setId("team-title");
        title.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.Margin.NONE);
        notAllowed.setId("team-not-allowed");
        notAllowed.add(notAllowedTitle, notAllowedText);
        notAllowed.setVisible(false);
        noTeams.setId("team-none");
        noTeams.setVisible(false);
        teamSelect.setId("team-select");
        teamSelect.setItemLabelGenerator(id -> teamLabels.getOrDefault(id, id));
        teamSelect.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                reload();
            }
        });
        unassignedCount.setId("team-unassigned-count");
        unassignedCount.getElement().getThemeList().add("badge contrast");
        breachingCount.setId("team-breaching-count");
        breachingCount.getElement().getThemeList().add("badge error");
        HorizontalLayout header = new HorizontalLayout(title, teamSelect, unassignedCount, breachingCount);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.getStyle().set("flex-wrap", "wrap");
        message.setId("team-message");
        message.setVisible(false);

        agents.setId("team-agents");
        agents.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        agentColumn = agents.addColumn(this::agentName).setKey("agent").setFlexGrow(2);
        openColumn = agents.addColumn(TeamBoard.AgentLoad::open).setKey("open").setAutoWidth(true);
        for (Priority p : Priority.values()) {
            priorityColumns.put(p, agents.addColumn(a -> a.byPriority().getOrDefault(p, 0L)).setKey(p.name()).setAutoWidth(true));
        }
        atRiskColumn = agents.addColumn(TeamBoard.AgentLoad::atRisk).setKey("atRisk").setAutoWidth(true);
        breachedColumn = agents.addColumn(TeamBoard.AgentLoad::breached).setKey("breached").setAutoWidth(true);
        agents.setAllRowsVisible(true);
        // A ticket dragged from either list is dropped on the member who should take it.
        agents.setDropMode(GridDropMode.ON_TOP);
        agents.addDropListener(e -> {
            TeamBoard.Attention ticket = dragged;
            dragged = null;
            if (ticket != null) {
                e.getDropTargetItem().ifPresent(agent -> assign(ticket.ticket(), agent));
            }
        });

        unassigned = new TicketGrid("team-unassigned", false);
        breaching = new TicketGrid("team-breaching", true);
        unassignedMore.setId("team-unassigned-more");
        breachingMore.setId("team-breaching-more");
        for (Span more : new Span[] {unassignedMore, breachingMore}) {
            more.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        }
        dropHint.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL, LumoUtility.Margin.NONE);

        board.setId("team-board");
        board.setWidthFull();
        board.add(agentsTitle, dropHint, agents, new HorizontalLayout(unassignedTitle, unassignedMore), unassigned.grid,
                new HorizontalLayout(breachingTitle, breachingMore), breaching.grid);
        add(header, notAllowed, noTeams, message, board);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        user = currentUser.tenantUser().orElse(null);
        relabel();
        if (user == null) {
            return;
        }
        if (user.role() == Role.AGENT) {
            // Not an error page: the agent followed a link, the page says what it is and whose.
            notAllowed.setVisible(true);
            for (Component c : new Component[] {teamSelect, unassignedCount, breachingCount, board}) {
                c.setVisible(false);
            }
            return;
        }
        teamLabels.clear();
        for (Teams.Details t : teams.all()) {
            boolean member = t.members().stream().anyMatch(m -> m.username().equals(user.username()));
            if (user.role() == Role.TENANT_ADMIN || member) {
                teamLabels.put(t.team().id(), t.team().name() + " (" + t.team().code() + ")");
            }
        }
        if (teamLabels.isEmpty()) {
            noTeams.setVisible(true);
            for (Component c : new Component[] {teamSelect, unassignedCount, breachingCount, board}) {
                c.setVisible(false);
            }
            return;
        }
        String chosen = teamSelect.getValue() != null && teamLabels.containsKey(teamSelect.getValue())
                ? teamSelect.getValue() : teamLabels.keySet().iterator().next();
        teamSelect.setItems(new ArrayList<>(teamLabels.keySet()));
        if (chosen.equals(teamSelect.getValue())) {
            reload();
        } else {
            teamSelect.setValue(chosen);
        }
        if (live == null) {
            live = LiveRefresh.of(this, feed, user, clock, this::reload);
        }
    }

    /** Reads the chosen team's board and lists again (a few grouped queries). */
    private void reload() {
        String teamId = teamSelect.getValue();
        if (teamId == null) {
            return;
        }
        try {
            current = boards.board(teamId);
        } catch (KefuException e) {
            showMessage(getTranslation(e.code(), e.args().toArray()), true);
            return;
        }
        agents.setItems(current.agents());
        unassigned.show(boards.unassigned(teamId, LIST_LIMIT).stream().map(t -> new TeamBoard.Attention(t, false)).toList());
        breaching.show(boards.breaching(teamId, LIST_LIMIT));
        showCounts();
    }

    private void showCounts() {
        if (current == null) {
            return;
        }
        unassignedCount.setText(getTranslation("team.count.unassigned", current.unassigned()));
        breachingCount.setText(getTranslation("team.count.breaching", current.breaching()));
        unassignedMore.setText(current.unassigned() > LIST_LIMIT ? getTranslation("team.list.more", LIST_LIMIT, current.unassigned()) : "");
        breachingMore.setText(current.breaching() > LIST_LIMIT ? getTranslation("team.list.more", LIST_LIMIT, current.breaching()) : "");
    }

    /** Assigns through the platform with the version the board showed: a ticket changed since is refused, not overwritten. */
    void assign(Ticket ticket, TeamBoard.AgentLoad agent) {
        try {
            tickets.transition(ticket.number(), new TransitionRequest(TicketStatus.ASSIGNED, null, null, agent.username()),
                    ticket.version(), false);
            showMessage(getTranslation("team.assigned", ticket.number(), agentName(agent)), false);
        } catch (KefuException e) {
            showMessage(getTranslation("team.assign.failed", ticket.number(), getTranslation(e.code(), e.args().toArray())), true);
        }
        // Either way the board shows what is true now.
        reload();
    }

    private void showMessage(String text, boolean error) {
        message.setText(text);
        message.getElement().getThemeList().clear();
        message.getElement().getThemeList().add(error ? "badge error" : "badge success");
        message.setVisible(true);
    }

    private String agentName(TeamBoard.AgentLoad a) {
        return a.displayName() == null ? a.username() : a.displayName();
    }

    /** The team member's name as the board shows it; someone outside the team (or none) by username (or nothing). */
    private String assigneeName(String username) {
        if (username == null) {
            return "";
        }
        return current == null ? username : current.agents().stream().filter(a -> a.username().equals(username)).findFirst()
                .map(this::agentName).orElse(username);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("team.page-title");
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        relabel();
        showCounts();
        unassigned.relabel();
        breaching.relabel();
        event.getUI().getPage().setTitle(getPageTitle());
    }

    private void relabel() {
        title.setText(getTranslation("team.title"));
        notAllowedTitle.setText(getTranslation("team.not-allowed.title"));
        notAllowedText.setText(getTranslation("team.not-allowed.text"));
        noTeams.setText(getTranslation("team.none"));
        teamSelect.setLabel(getTranslation("team.select"));
        agentsTitle.setText(getTranslation("team.agents"));
        dropHint.setText(getTranslation("team.drop-hint"));
        agentColumn.setHeader(getTranslation("team.column.agent"));
        openColumn.setHeader(getTranslation("team.column.open"));
        priorityColumns.forEach((p, c) -> c.setHeader(getTranslation(LabelKeys.priority(p))));
        atRiskColumn.setHeader(getTranslation("team.column.at-risk"));
        breachedColumn.setHeader(getTranslation("team.column.breached"));
        unassignedTitle.setText(getTranslation("team.unassigned"));
        breachingTitle.setText(getTranslation("team.breaching"));
    }

    /** One attention list: draggable rows, each with an "assign to" menu of the team's members. */
    private final class TicketGrid {
        final Grid<TeamBoard.Attention> grid = new Grid<>();
        private final Grid.Column<TeamBoard.Attention> number;
        private final Grid.Column<TeamBoard.Attention> subject;
        private final Grid.Column<TeamBoard.Attention> priority;
        private final Grid.Column<TeamBoard.Attention> status;
        private final Grid.Column<TeamBoard.Attention> assignee;
        private final Grid.Column<TeamBoard.Attention> waiting;
        private final Grid.Column<TeamBoard.Attention> risk;
        private final Grid.Column<TeamBoard.Attention> action;

        TicketGrid(String id, boolean withRisk) {
            grid.setId(id);
            grid.addThemeVariants(GridVariant.LUMO_COMPACT);
            number = grid.addComponentColumn(a -> {
                Anchor link = new Anchor("tickets/" + a.ticket().number(), a.ticket().number());
                link.getElement().setAttribute("router-link", true);
                return link;
            }).setKey("number").setAutoWidth(true);
            subject = grid.addColumn(a -> a.ticket().subject()).setKey("subject").setFlexGrow(2);
            priority = grid.addColumn(a -> getTranslation(LabelKeys.priority(a.ticket().priority()))).setKey("priority").setAutoWidth(true);
            status = grid.addColumn(a -> getTranslation(LabelKeys.ticketStatus(a.ticket().status()))).setKey("status").setAutoWidth(true);
            assignee = grid.addColumn(a -> assigneeName(a.ticket().assignee())).setKey("assignee").setAutoWidth(true);
            waiting = grid.addColumn(a -> waited(a.ticket())).setKey("waiting").setAutoWidth(true);
            risk = grid.addComponentColumn(a -> {
                Span badge = new Span(getTranslation(a.breached() ? "team.risk.breached" : "team.risk.at-risk"));
                badge.getElement().getThemeList().add(a.breached() ? "badge error" : "badge");
                return badge;
            }).setKey("risk").setAutoWidth(true);
            risk.setVisible(withRisk);
            // A fixed width: measured automatically the menu's column collapsed and hid its button (seen in Chromium).
            action = grid.addComponentColumn(this::assignMenu).setKey("action").setWidth("9em").setFlexGrow(0);
            grid.setRowsDraggable(true);
            grid.addDragStartListener(e -> dragged = e.getDraggedItems().isEmpty() ? null : e.getDraggedItems().get(0));
            grid.setAllRowsVisible(true);
            relabel();
        }

        void show(List<TeamBoard.Attention> rows) {
            grid.setItems(rows);
        }

        private MenuBar assignMenu(TeamBoard.Attention a) {
            MenuBar menu = new MenuBar();
            menu.setId("assign-menu-" + a.ticket().number());
            menu.addThemeVariants(MenuBarVariant.LUMO_SMALL, MenuBarVariant.LUMO_TERTIARY);
            MenuItem root = menu.addItem(getTranslation("team.assign-to"));
            SubMenu people = root.getSubMenu();
            if (current != null) {
                for (TeamBoard.AgentLoad agent : current.agents()) {
                    MenuItem item = people.addItem(getTranslation("team.assign-to.agent", agentName(agent), agent.open()),
                            e -> assign(a.ticket(), agent));
                    item.setId("assign-" + a.ticket().number() + "-to-" + agent.username());
                    item.setEnabled(!agent.username().equals(a.ticket().assignee()));
                }
            }
            return menu;
        }

        void relabel() {
            number.setHeader(getTranslation("team.column.ticket"));
            subject.setHeader(getTranslation("team.column.subject"));
            priority.setHeader(getTranslation("team.column.priority"));
            status.setHeader(getTranslation("team.column.status"));
            assignee.setHeader(getTranslation("team.column.assignee"));
            waiting.setHeader(getTranslation("team.column.waiting"));
            risk.setHeader(getTranslation("team.column.risk"));
            action.setHeader("");
            grid.getDataProvider().refreshAll();
        }

        private String waited(Ticket t) {
            Duration d = Duration.between(t.createdAt().toInstant(), Instant.now());
            if (d.toDays() > 0) {
                return getTranslation("team.waiting.days", d.toDays(), d.toHoursPart());
            }
            return getTranslation("team.waiting.hours", d.toHours(), d.toMinutesPart());
        }
    }
}
