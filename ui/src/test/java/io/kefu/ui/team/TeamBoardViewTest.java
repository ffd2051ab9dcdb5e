package io.kefu.ui.team;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.dnd.GridDragStartEvent;
import com.vaadin.flow.component.grid.dnd.GridDropEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.select.Select;

import elemental.json.Json;
import elemental.json.JsonObject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kefu.db.testing.MutableClock;
import io.kefu.platform.security.CallerContext;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Role;
import io.kefu.platform.problem.ConflictException;
import io.kefu.platform.team.Team;
import io.kefu.platform.team.TeamBoard;
import io.kefu.platform.team.TeamFixture;
import io.kefu.platform.team.Teams;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.ticket.Priority;
import io.kefu.platform.ticket.Ticket;
import io.kefu.platform.ticket.TicketFixture;
import io.kefu.platform.ticket.TicketStatus;
import io.kefu.platform.ticket.Workloads;
import io.kefu.ui.AbstractViewTest;
import io.kefu.ui.i18n.UiLocales;
import io.kefu.ui.live.TicketFeed;
import io.kefu.ui.live.TicketUpdate;
import io.kefu.ui.session.CurrentUser;

class TeamBoardViewTest extends AbstractViewTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));

    private static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");

    private final FakeTickets tickets = new FakeTickets();
    private final TicketFeed feed = TicketFeed.direct(new TenantContext(), new CallerContext());
    private final Team desk = TeamFixture.team("desk", "售后服务组");
    private final Team night = TeamFixture.team("night", "夜班");
    private final Set<String> atRisk = new HashSet<>();
    private final Set<String> breached = new HashSet<>();
    private int boardsRead;

    /** Teams as the platform lists them: desk has wxm (the supervisor), li and wang; night only zhou. */
    private final Teams teams = new Teams() {
        @Override
        public List<Details> all() {
            OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
            return List.of(
                    new Details(desk, List.of(new MemberDetails("li", "李丽", Role.AGENT, at), new MemberDetails("wang", "王强", Role.AGENT, at),
                            new MemberDetails("wxm", "王小明", Role.SUPERVISOR, at))),
                    new Details(night, List.of(new MemberDetails("zhou", "周杰", Role.AGENT, at))));
        }
    };

    /** The board computed from the fake tickets, as the platform's queries compute it from the table. */
    private final TeamBoard boards = new TeamBoard() {
        @Override
        public Board board(String idOrCode) {
            boardsRead++;
            Teams.Details team = teams.all().stream().filter(d -> d.team().id().equals(idOrCode)).findFirst().orElseThrow();
            List<AgentLoad> loads = new ArrayList<>();
            for (Teams.MemberDetails m : team.members()) {
                Map<Priority, Long> byPriority = new EnumMap<>(Priority.class);
                for (Priority p : Priority.values()) {
                    byPriority.put(p, 0L);
                }
                long risk = 0;
                long late = 0;
                for (Ticket t : tickets.stored) {
                    if (m.username().equals(t.assignee()) && Workloads.OCCUPYING.contains(t.status())) {
                        byPriority.merge(t.priority(), 1L, Long::sum);
                        risk += atRisk.contains(t.number()) ? 1 : 0;
                        late += breached.contains(t.number()) ? 1 : 0;
                    }
                }
                loads.add(new AgentLoad(m.username(), m.displayName(), m.role(), byPriority, risk, late));
            }
            return new Board(team.team(), loads, unassigned(idOrCode, 1000).size(), breaching(idOrCode, 1000).size());
        }

        @Override
        public List<Ticket> unassigned(String teamId, int limit) {
            return tickets.stored.stream().filter(t -> teamId.equals(t.teamId()) && t.assignee() == null && t.status().isOpen())
                    .limit(limit).toList();
        }

        @Override
        public List<Attention> breaching(String teamId, int limit) {
            return tickets.stored.stream().filter(t -> teamId.equals(t.teamId()) && t.status().isOpen())
                    .filter(t -> atRisk.contains(t.number()) || breached.contains(t.number()))
                    .map(t -> new Attention(t, breached.contains(t.number()))).limit(limit).toList();
        }
    };

    @BeforeEach
    void views() {
        provide(TeamBoardView.class, () -> new TeamBoardView(teams, boards, tickets, feed, new CurrentUser(), clock));
        members.add(member("li", "李丽", Role.AGENT));
        members.add(member("boss", "老板", Role.TENANT_ADMIN));
        tickets.stored.add(TicketFixture.ticket("KF-1", "快递丢失", Priority.URGENT, TicketStatus.ASSIGNED, "li", desk.id(), null, T0));
        tickets.stored.add(TicketFixture.ticket("KF-2", "改地址", Priority.HIGH, TicketStatus.IN_PROGRESS, "li", desk.id(), null, T0));
        tickets.stored.add(TicketFixture.ticket("KF-3", "发票", Priority.NORMAL, TicketStatus.NEW, null, desk.id(), null, T0));
        tickets.stored.add(TicketFixture.ticket("KF-4", "投诉", Priority.URGENT, TicketStatus.REOPENED, null, desk.id(), null, T0));
        tickets.stored.add(TicketFixture.ticket("KF-5", "已解决", Priority.LOW, TicketStatus.RESOLVED, "wang", desk.id(), null, T0));
        tickets.stored.add(TicketFixture.ticket("KF-9", "夜班的", Priority.LOW, TicketStatus.NEW, null, night.id(), null, T0));
        breached.add("KF-2");
        atRisk.add("KF-4");
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }

    private static List<String> numbers(Grid<TeamBoard.Attention> grid) {
        return GridKt._fetch(grid, 0, 100).stream().map(a -> a.ticket().number()).toList();
    }

    @Test
    void agents_areToldTheBoardIsForSupervisors_andSeeNoTeamData() {
        logIn(new Caller.TenantUser(SF, "li", Role.AGENT));

        UI.getCurrent().navigate("team");

        assertTrue(_get(Div.class, spec -> spec.withId("team-not-allowed")).getElement().getTextRecursively()
                .contains("This page is for supervisors"));
        _assertNone(Grid.class, spec -> spec.withId("team-agents"));
        _assertNone(Select.class, spec -> spec.withId("team-select"));
        assertEquals(0, boardsRead);
    }

    @Test
    void supervisors_seeTheirTeamsBoard_workloadByPriority_riskAndTheListsThatNeedThem() {
        logIn(SUPERVISOR);
        UI.getCurrent().navigate("team");

        @SuppressWarnings("unchecked")
        Select<String> select = _get(Select.class, spec -> spec.withId("team-select"));
        assertEquals(List.of(desk.id()), select.getListDataView().getItems().toList(), "only the teams they are in");
        assertEquals("售后服务组 (desk)", select.getItemLabelGenerator().apply(desk.id()));
        Grid<TeamBoard.AgentLoad> agents = grid("team-agents");
        assertEquals(List.of("李丽", "2", "1", "1", "0", "0", "0", "1"), GridKt._getFormattedRow(agents, 0));
        assertEquals(List.of("王强", "0", "0", "0", "0", "0", "0", "0"), GridKt._getFormattedRow(agents, 1));
        assertEquals("2 unassigned", text("team-unassigned-count"));
        assertEquals("2 at risk or breached", text("team-breaching-count"));
        assertEquals(List.of("KF-3", "KF-4"), numbers(grid("team-unassigned")));
        assertEquals(List.of("KF-2", "KF-4"), numbers(grid("team-breaching")));
        assertEquals("Breached", ((Span) GridKt._getCellComponent(grid("team-breaching"), 0, "risk")).getText());
        assertEquals("At risk", ((Span) GridKt._getCellComponent(grid("team-breaching"), 1, "risk")).getText());
        assertEquals("李丽", GridKt._getFormatted(grid("team-breaching"), 0, "assignee"), "the assignee by name, as in the workload");
        assertEquals("", GridKt._getFormatted(grid("team-breaching"), 1, "assignee"), "unassigned");
    }

    @Test
    void tenantAdmins_chooseAmongAllTeams_inChinese() {
        logIn(new Caller.TenantUser(SF, "boss", Role.TENANT_ADMIN));
        UI.getCurrent().navigate("team");
        _setValue(_get(Select.class, spec -> spec.withId("language")), UiLocales.CHINESE);

        @SuppressWarnings("unchecked")
        Select<String> select = _get(Select.class, spec -> spec.withId("team-select"));
        assertEquals(List.of(desk.id(), night.id()), select.getListDataView().getItems().toList());
        _setValue(select, night.id());

        assertEquals(List.of("KF-9"), numbers(grid("team-unassigned")));
        assertEquals("未分配 1", text("team-unassigned-count"));
        assertEquals("普通", grid("team-agents").getColumnByKey("NORMAL").getHeaderText());
        assertEquals("紧急", grid("team-agents").getColumnByKey("URGENT").getHeaderText());
        assertEquals("周杰", GridKt._getFormatted(grid("team-agents"), 0, "agent"));
    }

    @Test
    void reassigningByTheMenu_goesThroughTheTicketService_withTheVersionShown_andTheBoardFollows() {
        logIn(SUPERVISOR);
        UI.getCurrent().navigate("team");

        MenuBar menu = (MenuBar) GridKt._getCellComponent(grid("team-unassigned"), 0, "action");
        ContextMenuKt._clickItemWithID(menu, "assign-KF-3-to-wang");

        assertEquals(List.of("KF-3->wang@0"), tickets.assignments);
        assertEquals("KF-3 is now with 王强.", _get(Div.class, spec -> spec.withId("team-message")).getText());
        assertEquals(List.of("KF-4"), numbers(grid("team-unassigned")));
        assertEquals("1 unassigned", text("team-unassigned-count"));
        assertEquals("1", GridKt._getFormatted(grid("team-agents"), 1, "open"));
    }

    @Test
    void reassigningByDraggingATicketOntoAMember() {
        logIn(SUPERVISOR);
        UI.getCurrent().navigate("team");
        Grid<TeamBoard.Attention> breaching = grid("team-breaching");
        Grid<TeamBoard.AgentLoad> agents = grid("team-agents");
        TeamBoard.Attention kf2 = GridKt._get(breaching, 0);
        TeamBoard.AgentLoad wang = GridKt._get(agents, 1);

        JsonObject drag = Json.createObject();
        elemental.json.JsonArray items = Json.createArray();
        JsonObject item = Json.createObject();
        item.put("key", breaching.getDataCommunicator().getKeyMapper().key(kf2));
        items.set(0, item);
        drag.put("draggedItems", items);
        ComponentUtil.fireEvent(breaching, new GridDragStartEvent<>(breaching, true, drag));
        JsonObject target = Json.createObject();
        target.put("key", agents.getDataCommunicator().getKeyMapper().key(wang));
        ComponentUtil.fireEvent(agents, new GridDropEvent<>(agents, true, target, "on-top", Json.createArray()));

        assertEquals(List.of("KF-2->wang@0"), tickets.assignments);
        assertEquals(List.of("李丽", "1", "1", "0", "0", "0", "0", "0"), GridKt._getFormattedRow(grid("team-agents"), 0));
        assertEquals(List.of("王强", "1", "0", "1", "0", "0", "0", "1"), GridKt._getFormattedRow(grid("team-agents"), 1));
    }

    @Test
    void aRefusedReassignment_saysWhyOnTheBoard_andShowsWhatIsTrueNow() {
        logIn(SUPERVISOR);
        UI.getCurrent().navigate("team");
        tickets.refuseNext = new ConflictException("ticket.transition.illegal", "PENDING_CUSTOMER", "ASSIGNED");

        ContextMenuKt._clickItemWithID((MenuBar) GridKt._getCellComponent(grid("team-unassigned"), 1, "action"), "assign-KF-4-to-li");

        assertEquals("KF-4 was not reassigned: A ticket in status PENDING_CUSTOMER cannot move to ASSIGNED.",
                _get(Div.class, spec -> spec.withId("team-message")).getText());
        assertEquals(List.of(), tickets.assignments);
        assertEquals(List.of("KF-3", "KF-4"), numbers(grid("team-unassigned")));
    }

    @Test
    void theBoardFollowsItsTenantsTicketChanges_andNoOtherTenants() {
        logIn(SUPERVISOR);
        UI.getCurrent().navigate("team");
        int before = boardsRead;

        feed.publish(new TicketUpdate(new TenantCode("other-co"), "KF-1", "STATUS", "x", Instant.now()));
        MockVaadin.clientRoundtrip();
        assertEquals(before, boardsRead, "another tenant's change never reaches this board");

        tickets.stored.add(TicketFixture.ticket("KF-10", "新工单", Priority.HIGH, TicketStatus.NEW, null, desk.id(), null, T0));
        feed.publish(new TicketUpdate(SF, "KF-10", "CREATED", "api", Instant.now()));
        feed.publish(new TicketUpdate(SF, "KF-10", "FIELDS", "api", Instant.now()));
        MockVaadin.clientRoundtrip();
        assertEquals(before, boardsRead, "not from the feed's thread: on the next poll");
        assertEquals(1000, UI.getCurrent().getPollInterval());

        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
        assertEquals(before, boardsRead, "within a second of the board's own load: wait");
        clock.advance(Duration.ofMillis(1100));
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));

        assertEquals(before + 1, boardsRead, "two changes, one reload");
        assertEquals(-1, UI.getCurrent().getPollInterval());
        assertEquals(List.of("KF-3", "KF-4", "KF-10"), numbers(grid("team-unassigned")));
        assertEquals("3 unassigned", text("team-unassigned-count"));
    }
}
