package io.kefu.platform.ticket;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;

/** Tickets for UI view tests, built as the platform builds them, in any status (no database). */
public final class TicketFixture {

    private TicketFixture() {
    }

    public static Ticket ticket(String number, String subject, Priority priority, TicketStatus status, String assignee,
                                String teamId, String customerId, Instant createdAt) {
        Ticket t = Ticket.open(number, new TicketDraft(TicketKind.INQUIRY, subject, null, priority, Channel.WEB, null, customerId,
                teamId, List.of(), null), "test", createdAt);
        set(t, "status", status);
        set(t, "assignee", assignee);
        return t;
    }

    /** The ticket at another version, as a later read would show it. */
    public static Ticket atVersion(Ticket t, long version) {
        set(t, "version", version);
        return t;
    }

    /** The ticket moved as an assignment would move it (status ASSIGNED, the new assignee, next version). */
    public static Ticket assigned(Ticket t, String assignee) {
        set(t, "status", TicketStatus.ASSIGNED);
        set(t, "assignee", assignee);
        set(t, "version", t.version() + 1);
        return t;
    }

    private static void set(Ticket t, String field, Object value) {
        try {
            Field f = Ticket.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(t, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
