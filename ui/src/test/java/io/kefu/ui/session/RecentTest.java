package io.kefu.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RecentTest {

    private Instant now = Instant.parse("2026-12-01T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void readsOnce_withinMaxAge_againAfterIt_andAtOnceAfterForget() {
        AtomicInteger reads = new AtomicInteger();
        Recent<Integer> recent = new Recent<>(Duration.ofSeconds(60), clock);

        assertEquals(1, recent.get(reads::incrementAndGet));
        now = now.plusSeconds(59);
        assertEquals(1, recent.get(reads::incrementAndGet));
        now = now.plusSeconds(1);
        assertEquals(2, recent.get(reads::incrementAndGet));

        recent.forget();
        assertEquals(3, recent.get(reads::incrementAndGet));
        assertEquals(3, reads.get());
    }
}
