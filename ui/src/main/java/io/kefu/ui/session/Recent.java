package io.kefu.ui.session;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value one view reads at most once per {@code maxAge}: reference data that rarely changes
 * (a tenant's categories, canned replies, the unread count the live feed keeps current). Held by
 * the view, so it never serves another user, let alone another tenant; a change shows on the
 * first read after {@code maxAge}, or at once after {@link #forget()}.
 */
public final class Recent<T> implements Serializable {

    private final Duration maxAge;
    private final transient Clock clock;
    private T value;
    private Instant readAt;

    public Recent(Duration maxAge) {
        this(maxAge, Clock.systemUTC());
    }

    public Recent(Duration maxAge, Clock clock) {
        this.maxAge = Objects.requireNonNull(maxAge);
        this.clock = clock;
    }

    /** The value, read with {@code read} when there is none yet or it is older than {@code maxAge}. */
    public T get(Supplier<T> read) {
        Instant now = now();
        if (readAt == null || !now.isBefore(readAt.plus(maxAge))) {
            value = read.get();
            readAt = now;
        }
        return value;
    }

    /** The next {@link #get} reads again. */
    public void forget() {
        readAt = null;
        value = null;
    }

    private Instant now() {
        // After deserialisation (a session moved to another node) the clock is gone: use the system's.
        return (clock == null ? Clock.systemUTC() : clock).instant();
    }
}
