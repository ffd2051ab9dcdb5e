package io.kefu.platform.tenant;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The tenant the current thread works for. Bound once at the edge: per HTTP request from the
 * authenticated caller (including every Vaadin request), or explicitly by a background job.
 * Domain code never names a tenant; persistence asks {@link #require()} and fails loudly when
 * nothing is bound.
 */
@ApplicationScoped
public class TenantContext {

    private final ThreadLocal<TenantCode> current = new ThreadLocal<>();

    public Optional<TenantCode> current() {
        return Optional.ofNullable(current.get());
    }

    /** The bound tenant; throws {@link NoTenantBoundException} when there is none. */
    public TenantCode require() {
        TenantCode t = current.get();
        if (t == null) {
            throw new NoTenantBoundException();
        }
        return t;
    }

    /**
     * Binds {@code tenant} until the returned binding is closed. Binding a different tenant
     * while one is bound is refused: work for two tenants never shares a thread's context.
     */
    public Binding bind(TenantCode tenant) {
        TenantCode previous = current.get();
        if (previous != null && !previous.equals(tenant)) {
            throw new IllegalStateException("Thread already works for tenant " + previous + "; refusing to bind " + tenant);
        }
        current.set(tenant);
        return () -> {
            if (previous == null) {
                current.remove();
            }
        };
    }

    /** Runs {@code work} for {@code tenant}. */
    public void run(TenantCode tenant, Runnable work) {
        try (Binding ignored = bind(tenant)) {
            work.run();
        }
    }

    /** An open binding; closing it restores what was bound before. */
    @FunctionalInterface
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }
}
