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

    void bind(Caller caller) {
        current.set(caller);
    }

    void clear() {
        current.remove();
    }
}
