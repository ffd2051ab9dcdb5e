package io.kefu.platform.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class WorkersTest {

    @Test
    void twoThreadsShareTheItemsEachDoneOnce() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            List<Integer> items = IntStream.range(0, 50).boxed().toList();
            Set<Integer> done = ConcurrentHashMap.newKeySet();
            Set<String> threads = ConcurrentHashMap.newKeySet();
            AtomicInteger times = new AtomicInteger();
            // Both threads must hold an item at once to pass the barrier: it fails with one worker.
            CyclicBarrier both = new CyclicBarrier(2);
            Workers.drain(2, items, () -> pool, i -> {
                if (i < 2) {
                    await(both);
                }
                threads.add(Thread.currentThread().getName());
                done.add(i);
                times.incrementAndGet();
            });
            assertEquals(Set.copyOf(items), done);
            assertEquals(50, times.get(), "each once");
            assertEquals(2, threads.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theFirstFailureStopsTheRestAndIsRethrownAfterTheOthersFinish() {
        AtomicInteger after = new AtomicInteger();
        IllegalStateException boom = new IllegalStateException("page 3");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Workers.drain(2, List.of(1, 2, 3, 4, 5, 6),
                () -> Runnable::run, i -> {
                    if (i == 3) {
                        throw boom;
                    }
                    if (i > 3) {
                        after.incrementAndGet();
                    }
                }));
        assertSame(boom, thrown);
        assertEquals(0, after.get(), "no item is taken after a failure");
    }

    @Test
    void withoutAnExecutorThisThreadDoesItAll() {
        AtomicInteger n = new AtomicInteger();
        Workers.drain(2, List.of(1, 2, 3), () -> {
            throw new IllegalStateException("shutting down");
        }, i -> n.incrementAndGet());
        assertEquals(3, n.get());
    }

    private static void await(CyclicBarrier b) {
        try {
            b.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
