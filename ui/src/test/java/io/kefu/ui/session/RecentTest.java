package io.kefu.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.kefu.db.testing.MutableClock;

class RecentTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));

    @Test
    void readsOnce_withinMaxAge_againAfterIt_andAtOnceAfterForget() {
        AtomicInteger reads = new AtomicInteger();
        Recent<Integer> recent = new Recent<>(Duration.ofSeconds(60), clock);

        assertEquals(1, recent.get(reads::incrementAndGet));
        clock.advance(Duration.ofSeconds(59));
        assertEquals(1, recent.get(reads::incrementAndGet));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(2, recent.get(reads::incrementAndGet));

        recent.forget();
        assertEquals(3, recent.get(reads::incrementAndGet));
        assertEquals(3, reads.get());
    }
}
