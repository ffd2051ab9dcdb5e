package io.kefu.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Role;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.ticket.TicketChanged;
import io.kefu.ui.live.TicketUpdate;

class TicketNewsTest {

    private static final TenantCode ACME = new TenantCode("acme");
    private static final Caller.TenantUser ANN = new Caller.TenantUser(ACME, "ann", Role.AGENT);
    private static final Caller.TenantUser BOSS = new Caller.TenantUser(ACME, "boss", Role.SUPERVISOR);

    private static TicketUpdate update(String change, String by, String assignee) {
        return new TicketUpdate(ACME, "KF-2026-000001", change, by, Instant.now(), assignee);
    }

    @Test
    void someoneElsesChange_toMyTicket_isNews_unlessIAmLookingAtIt() {
        assertTrue(TicketNews.isNews(update("CUSTOMER_MESSAGE", "bot", "ann"), ANN, "queues"));
        assertFalse(TicketNews.isNews(update("CUSTOMER_MESSAGE", "bot", "ann"), ANN, "tickets/KF-2026-000001"));
        assertFalse(TicketNews.isNews(update("FIELDS", "ann", "ann"), ANN, "queues"), "my own change");
        assertFalse(TicketNews.isNews(update("FIELDS", "boss", "zoe"), ANN, "queues"), "not my ticket");
        assertFalse(TicketNews.isNews(update("FIELDS", "boss", null), ANN, "queues"), "nobody's ticket");
        assertFalse(TicketNews.isNews(update("SERVICE_STANDARD", "system", "ann"), ANN, "queues"), "the bell's");
        assertFalse(TicketNews.isNews(new TicketUpdate(new TenantCode("globex"), "KF-2026-000001", "FIELDS", "x", Instant.now(), "ann"),
                ANN, "queues"), "another tenant's ann");
    }

    @Test
    void warningsAndBreaches_recountTheBell_ofTheAssigneeAndSupervisors() {
        assertTrue(TicketNews.mayNotify(update("SERVICE_STANDARD", "system", "ann"), ANN));
        assertTrue(TicketNews.mayNotify(update("SERVICE_STANDARD", "system", "ann"), BOSS));
        assertFalse(TicketNews.mayNotify(update("SERVICE_STANDARD", "system", "zoe"), ANN));
        assertFalse(TicketNews.mayNotify(update("FIELDS", "boss", "ann"), ANN));
    }

    @Test
    void everyChangeThePlatformNames_hasWords() {
        for (TicketChanged.Change c : TicketChanged.Change.values()) {
            boolean worded = TicketNews.NEWS.contains(c.name()) || c.name().equals(TicketNews.SERVICE_STANDARD);
            assertTrue(worded, c + " is neither news nor the bell's");
        }
        assertEquals("shell.news.change.customer-message", TicketNews.changeKey("CUSTOMER_MESSAGE"));
        assertEquals("shell.news.change.other", TicketNews.changeKey("SOMETHING_NEW"));
    }
}
