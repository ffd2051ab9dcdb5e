package io.kefu.ui.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.hazelcast.cluster.Member;
import com.hazelcast.topic.Message;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Role;
import io.kefu.platform.security.CallerContext;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.ui.AbstractViewTest;

/** The cluster's side of the feed without a cluster: what arrives from the topic, and what does not. */
class TicketBroadcastTest extends AbstractViewTest {

    private static final TenantCode ACME = new TenantCode("acme");
    private static final TenantCode GLOBEX = new TenantCode("globex");

    private final TicketFeed local = TicketFeed.direct(new TenantContext(), new CallerContext());
    private final TicketBroadcast broadcast = new TicketBroadcast();
    private final List<String> heard = new ArrayList<>();

    @BeforeEach
    void wire() {
        broadcast.feed = local;
        for (Caller.TenantUser u : List.of(new Caller.TenantUser(ACME, "ann", Role.AGENT), new Caller.TenantUser(GLOBEX, "gus", Role.AGENT))) {
            Div view = new Div();
            UI.getCurrent().add(view);
            local.subscribe(view, u, update -> heard.add(u.username() + ":" + update.number() + ":" + update.assignee()
                    + ":" + local.tenants.require().value()));
        }
    }

    private static Message<String> from(boolean localMember, String text) {
        Member member = (Member) Proxy.newProxyInstance(Member.class.getClassLoader(), new Class<?>[] {Member.class},
                (proxy, method, args) -> method.getName().equals("localMember") ? localMember : null);
        return new Message<>(TicketBroadcast.TOPIC, text, System.currentTimeMillis(), member);
    }

    @Test
    void anUpdateFromAnotherNode_reachesOnlyItsTenantsViews_here() {
        TicketUpdate u = new TicketUpdate(ACME, "KF-2026-000001", "FIELDS", "boss", Instant.parse("2026-12-01T08:00:00Z"), "ann");

        broadcast.fromAnotherNode(from(false, TicketBroadcast.encode(u)));
        MockVaadin.clientRoundtrip();

        assertEquals(List.of("ann:KF-2026-000001:ann:acme"), heard);
    }

    @Test
    void thisNodesOwnMessage_isNotDeliveredTwice() {
        TicketUpdate u = new TicketUpdate(ACME, "KF-2026-000002", "FIELDS", "boss", Instant.now(), null);

        broadcast.fromAnotherNode(from(true, TicketBroadcast.encode(u)));
        MockVaadin.clientRoundtrip();

        assertEquals(List.of(), heard);
    }

    @Test
    void malformedMessages_andInvalidTenants_areDropped() {
        broadcast.fromAnotherNode(from(false, "not json"));
        broadcast.fromAnotherNode(from(false, "{\"tenant\":\"../etc\",\"number\":\"1\",\"change\":\"FIELDS\",\"by\":\"x\",\"at\":\"2026-12-01T08:00:00Z\"}"));
        MockVaadin.clientRoundtrip();

        assertEquals(List.of(), heard);
    }

    @Test
    void encoding_keepsEveryPart_andAMissingAssigneeVersionOrMoves() {
        TicketUpdate u = new TicketUpdate(ACME, "KF-2026-000003", "STATUS", "ann", Instant.parse("2026-12-01T08:00:00.123Z"), null);
        assertEquals(u, TicketBroadcast.decode(TicketBroadcast.encode(u)));
        TicketUpdate v = new TicketUpdate(GLOBEX, "GX-2026-000009", "ASSIGNMENT", "boss", Instant.now(), "gus");
        assertEquals(v, TicketBroadcast.decode(TicketBroadcast.encode(v)));
        TicketUpdate w = new TicketUpdate(GLOBEX, "GX-2026-000009", "PUBLIC_REPLY", "gus", Instant.now(), "gus", 7L);
        assertEquals(w, TicketBroadcast.decode(TicketBroadcast.encode(w)));
        TicketUpdate x = new TicketUpdate(GLOBEX, "GX-2026-000009", "ASSIGNMENT", "boss", Instant.now(), "gus", 8L,
                new TicketUpdate.Moves("ann", "team-1", "team-2"));
        assertEquals(x, TicketBroadcast.decode(TicketBroadcast.encode(x)));
        TicketUpdate y = new TicketUpdate(GLOBEX, "GX-2026-000009", "CREATED", "boss", Instant.now(), null, 1L,
                new TicketUpdate.Moves(null, null, null));
        assertEquals(y, TicketBroadcast.decode(TicketBroadcast.encode(y)), "known to have been with nobody: not unknown");
    }

    @Test
    void withoutADataGrid_nothingIsShared_andNothingFails() {
        assertFalse(broadcast.clustered());
        broadcast.toOtherNodes(new TicketUpdate(ACME, "KF-2026-000004", "STATUS", "ann", Instant.now()));
    }
}
