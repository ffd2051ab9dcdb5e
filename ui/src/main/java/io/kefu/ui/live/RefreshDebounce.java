package io.kefu.ui.live;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * At most one refresh per interval: a burst of ticket changes (a bulk action by a colleague,
 * the SLA sweep) costs one re-read of the counts and the visible rows, not one per change. A
 * change is remembered and served by the next check once the interval since the last refresh
 * has passed.
 */
final class RefreshDebounce implements Serializable {

    public static final Duration INTERVAL = Duration.ofSeconds(1);

    private final transient Clock clock;
    private Instant last = Instant.MIN;
    private boolean pending;

    RefreshDebounce(Clock clock) {
        this.clock = clock;
    }

    /** A change arrived; {@link #due()} says when to show it. */
    void changed() {
        pending = true;
    }

    /** True (once per change or burst) when a pending change may be refreshed now. */
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
