package io.kefu.platform.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kefu.platform.problem.ConflictException;
import io.kefu.platform.problem.NotFoundException;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantContext;

/**
 * Enabling a plugin for a tenant, in two steps that cannot share a transaction: its tables
 * (Liquibase, DDL commits by itself), then its defaults (one transaction). A failure in the
 * second leaves the tables, which a retry finds already there.
 */
@ApplicationScoped
public class Plugins {

    @Inject
    InstalledPlugins installed;

    @Inject
    PluginSchemas schemas;

    @Inject
    TenantPlugins tenantPlugins;

    @Inject
    TenantContext tenants;

    /** Enables (or upgrades) a plugin for the bound tenant. */
    public TenantPlugins.Outcome enable(String pluginId, String by) {
        LoadedPlugin plugin = installed.find(pluginId).orElseThrow(() -> new NotFoundException("plugin.not-found", pluginId));
        if (plugin.state() != PluginState.ACTIVE) {
            throw new ConflictException("plugin.refused", pluginId, String.valueOf(plugin.refusedReason()));
        }
        schemas.migrate(tenants.require(), plugin);
        return tenantPlugins.enable(plugin, by);
    }

    /** At provisioning: enables the plugin of the tenant's industry when one is installed and running. */
    public boolean enableForIndustry(TenantCode tenant, String industryId, String by) {
        if (installed.active(industryId).isEmpty()) {
            return false;
        }
        try (TenantContext.Binding ignored = tenants.bind(tenant)) {
            enable(industryId, by);
        }
        return true;
    }
}
