package io.kefu.platform.sla;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * A few threads draining one queue of independent pieces of work: the calling thread and the
 * others from an executor (the container's managed one). The SLA sweep visits tenants with it,
 * a rule change re-evaluates pages of tickets: each piece alternates between this server's CPU
 * and the database's, and a second piece in flight keeps both busy on two cores
 * (docs/benchmarks.md). Each piece runs in a transaction of its own and binds what it needs
 * (the tenant) on its thread; nothing is shared between pieces but the queue.
 */
final class Workers {

    private static final Logger LOG = Logger.getLogger(Workers.class.getName());

    private Workers() {
    }

    /**
     * Runs {@code each} on every item with up to {@code count} threads, returning when all are
     * done. The first failure stops the others from taking more items and is rethrown.
     */
    static <T> void drain(int count, Collection<T> items, Supplier<Executor> others, Consumer<T> each) {
        Queue<T> queue = new ConcurrentLinkedQueue<>(items);
        List<RuntimeException> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Runnable worker = () -> {
            for (T item = queue.poll(); item != null; item = queue.poll()) {
                try {
                    each.accept(item);
                } catch (RuntimeException e) {
                    failures.add(e);
                    queue.clear();
                }
            }
        };
        List<CompletableFuture<Void>> started = new ArrayList<>();
        for (int i = 1; i < Math.min(count, items.size()); i++) {
            try {
                started.add(CompletableFuture.runAsync(worker, others.get()));
            } catch (RejectedExecutionException | IllegalStateException e) {
                // No executor (shutting down): this thread does it all.
                LOG.log(Level.FINE, "working on one thread", e);
                break;
            }
        }
        worker.run();
        started.forEach(CompletableFuture::join);
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    /** The container's managed executor: its threads carry the application's naming context and transactions. */
    static Executor managed() {
        try {
            return InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        } catch (NamingException e) {
            throw new IllegalStateException("no managed executor", e);
        }
    }
}
