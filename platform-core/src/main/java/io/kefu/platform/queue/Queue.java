package io.kefu.platform.queue;

import java.util.Arrays;
import java.util.Optional;

/** The queues every agent has, in the order the workspace lists them; {@link #id()} names one in URLs and the API. */
public enum Queue {
    /** Open tickets assigned to me. */
    MINE("mine"),
    /** Open tickets of the teams I am in. */
    TEAM("team"),
    /** Open tickets nobody is assigned to. */
    UNASSIGNED("unassigned"),
    /** Open tickets past a service standard's warning point, not yet breached. */
    AT_RISK("at-risk"),
    /** Open tickets with a breached service-standard target. */
    BREACHED("breached"),
    /** Open complaints. */
    COMPLAINTS("complaints"),
    /** Tickets waiting on the customer (their clocks are paused). */
    PENDING_CUSTOMER("pending-customer");

    private final String id;

    Queue(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Queue> byId(String id) {
        return Arrays.stream(values()).filter(q -> q.id.equals(id)).findFirst();
    }
}
