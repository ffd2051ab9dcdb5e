package io.kefu.ui.live;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.kefu.db.testing.MutableClock;

class RefreshDebounceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final RefreshDebounce debounce = new RefreshDebounce(clock);

    @Test
    void aBurstOfChanges_isServedOnce_andNotSoonerThanASecondAfterTheLastRefresh() {
        debounce.refreshed();
        clock.advance(Duration.ofMillis(200));
        debounce.changed();
        debounce.changed();
        assertTrue(debounce.pending());
        assertFalse(debounce.due(), "not yet a second since the last refresh");

        clock.advance(Duration.ofMillis(800));
        assertTrue(debounce.due());
        assertFalse(debounce.due(), "served once");
        assertFalse(debounce.pending());
    }

    @Test
    void aChangeAfterAQuietSecond_isDueAtOnce_andNothingIsDueWithoutAChange() {
        debounce.refreshed();
        clock.advance(Duration.ofSeconds(3));
        assertFalse(debounce.due());
        debounce.changed();
        assertTrue(debounce.due());
    }
}
