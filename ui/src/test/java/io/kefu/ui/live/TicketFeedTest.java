package io.kefu.ui.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.shared.Registration;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Role;
import io.kefu.platform.security.CallerContext;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.ui.AbstractViewTest;

class TicketFeedTest extends AbstractViewTest {

    private static final TenantCode ACME = new TenantCode("acme");
    private static final TenantCode GLOBEX = new TenantCode("globex");

    private final TicketFeed feed = new TicketFeed();
    private final List<String> heard = new ArrayList<>();

    @BeforeEach
    void wire() {
        feed.tenants = new TenantContext();
        feed.callers = new CallerContext();
    }

    private Div listening(TenantCode tenant, String username) {
        Div view = new Div();
        UI.getCurrent().add(view);
        Caller.TenantUser user = new Caller.TenantUser(tenant, username, Role.AGENT);
        feed.subscribe(view, user, update -> heard.add(username + " heard " + update.number()
                + " as " + feed.callers.current().orElseThrow().principalName()
                + " in " + feed.tenants.require().value()));
        return view;
    }

    private static TicketUpdate update(TenantCode tenant, String number) {
        return new TicketUpdate(tenant, number, "STATUS", "someone", Instant.now());
    }

    @Test
    void anUpdate_reachesOnlyItsTenantsViews_withTheirTenantAndCallerBound() {
        listening(ACME, "ann");
        listening(GLOBEX, "gus");

        feed.publish(update(ACME, "T-1"));
        MockVaadin.clientRoundtrip();

        assertEquals(List.of("ann heard T-1 as " + new Caller.TenantUser(ACME, "ann", Role.AGENT).principalName() + " in acme"),
                heard);
        assertEquals(1, feed.subscribers(ACME));
        assertEquals(1, feed.subscribers(GLOBEX));
    }

    @Test
    void timelineEntriesWrittenBySweep_areAnnouncedPerTicket_toTheBoundTenantOnly() {
        List<TicketUpdate> acme = new ArrayList<>();
        Div view = new Div();
        UI.getCurrent().add(view);
        feed.subscribe(view, new Caller.TenantUser(ACME, "ann", Role.AGENT), acme::add);
        listening(GLOBEX, "gus");
        Instant at = Instant.parse("2026-12-02T08:00:00Z");

        try (TenantContext.Binding ignored = feed.tenants.bind(ACME)) {
            feed.onTimelineEntriesWritten(new io.kefu.platform.ticket.TimelineEntriesWritten(List.of(
                    new io.kefu.platform.ticket.TimelineEntriesWritten.Written("T-7", "ann", "team-1", 4),
                    new io.kefu.platform.ticket.TimelineEntriesWritten.Written("T-8", null, null, 9)), at));
        }
        MockVaadin.clientRoundtrip();

        assertEquals(List.of("T-7", "T-8"), acme.stream().map(TicketUpdate::number).toList());
        TicketUpdate first = acme.get(0);
        assertEquals("SERVICE_STANDARD", first.change());
        assertEquals("system", first.by());
        assertEquals(at, first.at());
        assertEquals(4L, first.version(), "a view showing version 4 already need not read the ticket again");
        assertEquals(new TicketUpdate.Moves("ann", "team-1", "team-1"), first.moves(), "the sweep moves no ticket");
        assertEquals(List.of(), heard, "another tenant's views hear nothing");
    }

    @Test
    void aDetachedView_hearsNothing_andListensAgainWhenAttachedAgain() {
        Div view = listening(ACME, "ann");

        UI.getCurrent().remove(view);
        feed.publish(update(ACME, "T-2"));
        MockVaadin.clientRoundtrip();
        assertEquals(List.of(), heard);
        assertEquals(0, feed.subscribers(ACME));

        UI.getCurrent().add(view);
        feed.publish(update(ACME, "T-3"));
        MockVaadin.clientRoundtrip();
        assertEquals(1, heard.size());
    }

    @Test
    void anUpdateTheInterestRefuses_isNeverDelivered() {
        Div view = new Div();
        UI.getCurrent().add(view);
        List<String> asked = new ArrayList<>();
        feed.subscribe(view, new Caller.TenantUser(ACME, "ann", Role.AGENT), u -> {
            asked.add(u.number());
            return u.number().equals("T-7");
        }, u -> heard.add(u.number()));

        feed.publish(update(ACME, "T-6"));
        feed.publish(update(ACME, "T-7"));
        MockVaadin.clientRoundtrip();

        assertEquals(List.of("T-6", "T-7"), asked);
        assertEquals(List.of("T-7"), heard);
    }

    @Test
    void removingTheRegistration_endsListeningForGood() {
        Div view = new Div();
        UI.getCurrent().add(view);
        Registration r = feed.subscribe(view, new Caller.TenantUser(ACME, "ann", Role.AGENT), u -> heard.add(u.number()));

        r.remove();
        UI.getCurrent().remove(view);
        UI.getCurrent().add(view);
        feed.publish(update(ACME, "T-4"));
        MockVaadin.clientRoundtrip();

        assertEquals(List.of(), heard);
        assertEquals(0, feed.subscribers(ACME));
    }
}
