package io.kefu.plugin.api;

import java.time.Instant;
import java.util.Optional;

/** What a KPI computation may know besides the tickets: the tenant and period asked for, and the tenant's settings. */
@Stable
public interface KpiContext {

    String tenantCode();

    /** Start of the period (inclusive). */
    Instant from();

    /** End of the period (exclusive). */
    Instant to();

    /** A tenant setting by key, e.g. the number of users a per-million KPI divides by. */
    Optional<String> setting(String key);
}
