package io.kefu.ui.live;

import io.kefu.platform.security.CallerContext;
import io.kefu.platform.tenant.TenantContext;

/** A {@link TicketFeed} wired as CDI would, for view tests of other features. */
public final class TestFeeds {

    private TestFeeds() {
    }

    public static TicketFeed wired() {
        TicketFeed feed = new TicketFeed();
        feed.tenants = new TenantContext();
        feed.callers = new CallerContext();
        return feed;
    }
}
