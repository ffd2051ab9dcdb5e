package io.kefu.plugin.api;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only snapshot of one ticket, as hooks and KPI computations see it. Enumerated values are
 * the platform's names as strings (kind {@code COMPLAINT}, status {@code IN_PROGRESS}, priority
 * {@code URGENT}, ...) so that a new value on the platform never breaks a compiled plugin.
 */
@Stable
public interface TicketView {

    String number();

    String kind();

    String status();

    String priority();

    String channel();

    /** Category code, or empty. */
    Optional<String> category();

    String subject();

    Instant createdAt();

    Optional<Instant> firstResponseAt();

    Optional<Instant> resolvedAt();

    Optional<Instant> closedAt();

    int reopenCount();

    /** Custom field values as text (numbers as written, choices by value). */
    Map<String, String> fields();

    /** Customer satisfaction 1-5 when a survey answered; empty until the survey feature records it. */
    default Optional<Integer> satisfaction() {
        return Optional.empty();
    }

    /** Whether a service-standard target was missed; empty when the platform does not know. */
    default Optional<Boolean> slaBreached() {
        return Optional.empty();
    }

    /** One custom field, or empty. */
    default Optional<String> field(String key) {
        return Optional.ofNullable(fields().get(key));
    }
}
