package io.kefu.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/** Runs one operation from several client threads for a while and records every latency. */
final class Load {

    /** One request; {@code worker} and {@code i} let operations vary their input reproducibly. */
    @FunctionalInterface
    interface Operation {
        void run(int worker, long i) throws Exception;
    }

    private Load() {
    }

    static Stats run(String name, int clients, double warmupSeconds, double seconds, Operation op) throws InterruptedException {
        if (warmupSeconds > 0) {
            drive(clients, warmupSeconds, op, null);
        }
        List<long[]> samples = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        double cpu0 = Stats.machineCpuSeconds();
        long t0 = System.nanoTime();
        long[][] perThread = drive(clients, seconds, op, errors);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = Stats.machineCpuSeconds() - cpu0;
        int total = 0;
        for (long[] s : perThread) {
            total += (int) s[0];
        }
        long[] all = new long[total];
        int at = 0;
        for (long[] s : perThread) {
            int n = (int) s[0];
            System.arraycopy(s, 1, all, at, n);
            at += n;
        }
        samples.add(all);
        return new Stats(name, total, errors.get(), wall, all, cpu);
    }

    /** Returns per thread {count, latencies...}. */
    private static long[][] drive(int clients, double seconds, Operation op, AtomicLong errors) throws InterruptedException {
        long[][] result = new long[clients][];
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients);
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        for (int w = 0; w < clients; w++) {
            int worker = w;
            Thread t = new Thread(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                long i = 0;
                try {
                    start.await();
                    while (System.nanoTime() < deadline) {
                        long s = System.nanoTime();
                        try {
                            op.run(worker, i++);
                        } catch (Exception e) {
                            if (errors != null && errors.incrementAndGet() <= 3) {
                                System.err.println("[bench] error: " + e);
                            }
                            continue;
                        }
                        long micros = (System.nanoTime() - s) / 1000;
                        if (n + 2 > lat.length) {
                            lat = java.util.Arrays.copyOf(lat, lat.length * 2);
                        }
                        lat[1 + n++] = micros;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    lat[0] = n;
                    result[worker] = lat;
                    done.countDown();
                }
            }, "bench-client-" + w);
            t.setDaemon(true);
            t.start();
        }
        start.countDown();
        done.await();
        return result;
    }
}
