package io.kefu.ui.queue;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * At most one refresh per interval: a burst of ticket changes (a bulk action by a colleague,
 * the SLA sweep) costs one re-read of the counts and the visible rows, not one per change. A
 * change that arrives too soon is remembered and served once the interval has passed.
 */
final class RefreshDebounce implements Serializable {

    static final Duration INTERVAL = Duration.ofSeconds(1);

    private final transient Clock clock;
    private Instant last = Instant.MIN;
    private boolean pending;

    RefreshDebounce(Clock clock) {
        this.clock = clock;
    }

    /** A change arrived: true when the view should refresh now; otherwise it is pending. */
    boolean changed() {
        Instant now = now();
        if (!now.isBefore(last.plus(INTERVAL))) {
            last = now;
            pending = false;
            return true;
        }
        pending = true;
        return false;
    }

    /** Later: true (once) when a pending change may be refreshed now. */
    boolean due() {
        if (pending && !now().isBefore(last.plus(INTERVAL))) {
            last = now();
            pending = false;
            return true;
        }
        return false;
    }

    boolean pending() {
        return pending;
    }

    /** A refresh the view made for its own reasons (a new query) also counts. */
    void refreshed() {
        last = now();
        pending = false;
    }

    private Instant now() {
        return (clock == null ? Clock.systemUTC() : clock).instant();
    }
}
