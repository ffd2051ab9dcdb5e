package io.kefu.ui.queue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RefreshDebounceTest {

    private final QueuesViewTest.MutableClock clock = new QueuesViewTest.MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final RefreshDebounce debounce = new RefreshDebounce(clock);

    @Test
    void theFirstChange_refreshesAtOnce_aBurstWaitsForTheSecond() {
        assertTrue(debounce.changed());
        clock.advance(Duration.ofMillis(200));
        assertFalse(debounce.changed());
        assertFalse(debounce.changed());
        assertTrue(debounce.pending());

        clock.advance(Duration.ofMillis(500));
        assertFalse(debounce.due(), "not yet a second since the last refresh");
        clock.advance(Duration.ofMillis(300));
        assertTrue(debounce.due());
        assertFalse(debounce.due(), "served once");
        assertFalse(debounce.pending());
    }

    @Test
    void aRefreshForTheViewsOwnReasons_countsToo() {
        debounce.refreshed();
        assertFalse(debounce.changed());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(debounce.due());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(debounce.changed());
    }
}
