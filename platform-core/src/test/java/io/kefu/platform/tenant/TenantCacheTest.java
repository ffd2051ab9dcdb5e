package io.kefu.platform.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.kefu.db.testing.MutableClock;

class TenantCacheTest {

    private static final TenantCode ACME = new TenantCode("acme");
    private static final TenantCode GLOBEX = new TenantCode("globex");

    /** A tenant's rows as a fake schema: the stamp and the value, and how often each was read. */
    private static final class Schema {
        String stamp = "v1";
        String value;
        final AtomicInteger stampReads = new AtomicInteger();
        final AtomicInteger loads = new AtomicInteger();

        Schema(String value) {
            this.value = value;
        }

        Supplier<String> stamp() {
            return () -> {
                stampReads.incrementAndGet();
                return stamp;
            };
        }

        Supplier<String> load() {
            return () -> {
                loads.incrementAndGet();
                return value;
            };
        }
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final TenantCache<String> cache = new TenantCache<>(Duration.ofSeconds(2), clock);
    private final Map<TenantCode, Schema> schemas = new HashMap<>(Map.of(ACME, new Schema("acme form"), GLOBEX, new Schema("globex form")));

    private String get(TenantCode t) {
        Schema s = schemas.get(t);
        return cache.get(t, s.stamp(), s.load());
    }

    @Test
    void twoTenantsNeverSeeEachOthersValue() {
        assertEquals("acme form", get(ACME));
        assertEquals("globex form", get(GLOBEX));
        assertEquals("acme form", get(ACME));
        assertEquals("globex form", get(GLOBEX));
        assertEquals(2, cache.size());
        assertEquals(1, schemas.get(ACME).loads.get());
        assertEquals(1, schemas.get(GLOBEX).loads.get());
    }

    @Test
    void invalidatingOneTenantKeepsTheOther() {
        get(ACME);
        get(GLOBEX);
        schemas.get(ACME).value = "acme form v2";
        schemas.get(ACME).stamp = "v2";
        cache.invalidate(ACME);
        assertEquals("acme form v2", get(ACME));
        assertEquals("globex form", get(GLOBEX));
        assertEquals(1, schemas.get(GLOBEX).loads.get());
    }

    @Test
    void withinTheRecheckIntervalNothingIsRead() {
        get(ACME);
        clock.advance(Duration.ofMillis(1999));
        get(ACME);
        assertEquals(1, schemas.get(ACME).stampReads.get());
        assertEquals(1, schemas.get(ACME).loads.get());
    }

    @Test
    void anUnchangedStampKeepsTheValueWithoutReloading() {
        get(ACME);
        clock.advance(Duration.ofSeconds(3));
        assertEquals("acme form", get(ACME));
        assertEquals(2, schemas.get(ACME).stampReads.get());
        assertEquals(1, schemas.get(ACME).loads.get());
        // The check counts as fresh again: the next request within the interval reads nothing.
        clock.advance(Duration.ofSeconds(1));
        get(ACME);
        assertEquals(2, schemas.get(ACME).stampReads.get());
    }

    @Test
    void whileOneRequestRechecksTheOthersUseTheEntryWithoutReading() {
        get(ACME);
        clock.advance(Duration.ofSeconds(3));
        Schema acme = schemas.get(ACME);
        String[] seenByOther = new String[1];
        String seen = cache.get(ACME, () -> {
            // A second request arrives while the first reads the stamp.
            seenByOther[0] = get(ACME);
            return acme.stamp;
        }, acme.load());
        assertEquals("acme form", seen);
        assertEquals("acme form", seenByOther[0]);
        // The stamp was read by the first load only: the re-check above used its own supplier, the other request none.
        assertEquals(1, acme.stampReads.get());
        assertEquals(1, acme.loads.get());
    }

    @Test
    void aChangeOnAnotherNodeIsSeenAfterTheRecheckInterval() {
        get(ACME);
        Schema acme = schemas.get(ACME);
        acme.value = "acme form v2";
        acme.stamp = "v2";
        // No invalidation here: another node committed the change.
        clock.advance(Duration.ofSeconds(1));
        assertEquals("acme form", get(ACME));
        clock.advance(Duration.ofSeconds(1));
        assertEquals("acme form v2", get(ACME));
        assertEquals(2, acme.loads.get());
    }

    @Test
    void aLoadRacingWithAnInvalidationIsNotKept() {
        Schema acme = schemas.get(ACME);
        // The load reads the old rows, and the change commits (and invalidates) before it is stored.
        String seen = cache.get(ACME, acme.stamp(), () -> {
            String old = acme.value;
            acme.value = "acme form v2";
            acme.stamp = "v2";
            cache.invalidate(ACME);
            return old;
        });
        assertEquals("acme form", seen);
        assertEquals(0, cache.size());
        assertEquals("acme form v2", get(ACME));
    }
}
