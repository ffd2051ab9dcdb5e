package io.kefu.ui.shell;

import java.io.StringReader;
import java.util.List;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.json.Jsons;
import io.kefu.platform.sla.Notification;
import io.kefu.platform.sla.Notifications;

/**
 * The logged-in user's notifications for the bell, read through the platform's
 * {@link Notifications} (the same as {@code /api/v1/notifications}). Needs the user's tenant
 * bound, as in every request and in {@link io.kefu.ui.live.TicketFeed}'s listeners.
 */
@Dependent
public class Inbox {

    /** The bell lists this many, newest first; the rest stay in the API. */
    public static final int SHOWN = 20;

    private final Notifications notifications;

    @Inject
    public Inbox(Notifications notifications) {
        this.notifications = notifications;
    }

    public long unread(Caller.TenantUser user) {
        return notifications.unread(user.username());
    }

    public List<InboxItem> latest(Caller.TenantUser user) {
        return notifications.latest(user.username(), SHOWN).stream().map(Inbox::item).toList();
    }

    public void markRead(Caller.TenantUser user, String id) {
        notifications.markRead(user.username(), id);
    }

    public void markAllRead(Caller.TenantUser user) {
        notifications.markAllRead(user.username());
    }

    private static InboxItem item(Notification n) {
        JsonObject data = n.data() == null ? JsonObject.EMPTY_JSON_OBJECT : Jsons.createReader(new StringReader(n.data())).readObject();
        return new InboxItem(n.id(), n.kind(), n.ticketNumber(), data.getString("subject", null), data.getString("target", null),
                n.createdAt().toInstant(), n.isRead());
    }
}
