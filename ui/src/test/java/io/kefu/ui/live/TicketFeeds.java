package io.kefu.ui.live;

import io.kefu.platform.security.CallerContext;
import io.kefu.platform.tenant.TenantContext;

/** A {@link TicketFeed} for view tests: delivers at once, with tenant and caller bound as in production. */
public final class TicketFeeds {

    private TicketFeeds() {
    }

    public static TicketFeed direct() {
        TicketFeed feed = new TicketFeed();
        feed.tenants = new TenantContext();
        feed.callers = new CallerContext();
        return feed;
    }
}
