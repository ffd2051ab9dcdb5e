package io.kefu.ui.live;

import io.kefu.platform.security.CallerContext;
import io.kefu.platform.tenant.TenantContext;

/** A {@link TicketFeed} as CDI would wire it, for other features' view tests (delivers at once, outside a container). */
public final class TestFeeds {

    private TestFeeds() {
    }

    public static TicketFeed feed() {
        TicketFeed feed = new TicketFeed();
        feed.tenants = new TenantContext();
        feed.callers = new CallerContext();
        return feed;
    }
}
