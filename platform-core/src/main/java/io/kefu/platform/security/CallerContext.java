package io.kefu.platform.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.kefu.platform.identity.Caller;

/** The caller of the request this thread serves; bound by {@link RequestContextFilter}. */
@ApplicationScoped
public class CallerContext {

    private final ThreadLocal<Caller> current = new ThreadLocal<>();

    public Optional<Caller> current() {
        return Optional.ofNullable(current.get());
    }

    /**
     * The caller's user name inside their tenant (an operator's own name), or {@code nobody}
     * when no one is bound (Kefu's own work). This is what timelines and records show.
     */
    public String username(String nobody) {
        Caller c = current.get();
        return c == null ? nobody : c.username();
    }

    /**
     * Acts as {@code caller} until the returned binding is closed: for a request that proves who
     * it is in its body rather than its headers (issuing an API token), so that what it does is
     * recorded under that caller. A request already authenticated as someone else is refused.
     */
    public Binding actAs(Caller caller) {
        Caller previous = current.get();
        if (previous != null && !previous.equals(caller)) {
            throw new IllegalStateException("This thread already serves " + previous.principalName()
                    + "; refusing to act as " + caller.principalName());
        }
        current.set(caller);
        return () -> {
            if (previous == null) {
                current.remove();
            }
        };
    }

    void bind(Caller caller) {
        current.set(caller);
    }

    void clear() {
        current.remove();
    }

    /** An open {@link #actAs} binding; closing it restores what was bound before. */
    @FunctionalInterface
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }
}
