package io.kefu.plugin.api;

import java.util.List;
import java.util.Optional;

/**
 * An industry plugin. The one entry point the host looks up, through
 * {@code META-INF/services/io.kefu.plugin.api.KefuPlugin} ({@link java.util.ServiceLoader}): it
 * needs a public no-argument constructor. One instance serves the whole installation (like
 * Keycloak's ProviderFactory), so it must be thread-safe and keep no per-tenant state: the
 * tenant reaches it through the context objects of each call.
 *
 * <p>Everything but {@link #descriptor()} has a default, so a plugin that only ships documents is
 * one small class. Defaults added in later 1.x versions keep old plugins loading.
 */
@Stable
public interface KefuPlugin {

    /** Identity, version, names and the API version it needs. Called first, and must not fail. */
    PluginDescriptor descriptor();

    /**
     * A Liquibase changelog (XML, resource path in the plugin's JAR) creating the plugin's own
     * tables, applied in the schema of every tenant that enables the plugin and again on each
     * enabling after an upgrade. Name tables {@code <id>_...} (e.g. {@code express_parcel_event})
     * and never touch platform tables. Empty: the plugin has no tables.
     */
    default Optional<String> changelog() {
        return Optional.empty();
    }

    /**
     * Hooks into the ticket lifecycle and the agent's side panel. Each call runs with a time
     * limit on the host's executor; failures are contained and counted, and a plugin failing
     * repeatedly is skipped for that tenant for a while.
     */
    default TicketHooks hooks() {
        return TicketHooks.NONE;
    }

    /**
     * KPI computations in Java, for KPIs that the generic formulas of {@code kpis.json} cannot
     * express. A computation's code matches a KPI code of the plugin's {@code kpis.json}; it
     * takes precedence over that KPI's formula.
     */
    default List<KpiComputation> kpiComputations() {
        return List.of();
    }
}
