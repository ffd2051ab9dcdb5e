package io.kefu.platform.plugin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.json.Jsons;
import io.kefu.platform.security.CallerContext;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantContext;

/**
 * The installed plugins. Operators see every plugin with the tenants where it is DEGRADED;
 * tenant admins see the same list with what is enabled in their tenant, and enable plugins.
 */
@Path("/v1/plugins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "plugins", description = "Industry plugins: installed, enabled per tenant")
@SecurityRequirement(name = "basic")
public class PluginsResource {

    @Inject
    InstalledPlugins installed;

    @Inject
    Plugins plugins;

    @Inject
    TenantPlugins tenantPlugins;

    @Inject
    HookHealth health;

    @Inject
    TenantContext tenants;

    @Inject
    CallerContext callers;

    @GET
    @RolesAllowed({Caller.Operator.GROUP, "TENANT_ADMIN"})
    @Operation(summary = "Installed plugins", description = "id, version, apiVersion (required by the plugin), state "
            + "(ACTIVE, REFUSED with refusedReason), names, source (bundled or the JAR's path, operators only), "
            + "degradedTenants and hook counters per tenant since the node started (operators) or enabled/enabledVersion/degraded (tenant admins, for their tenant).")
    public JsonObject all() {
        Optional<TenantCode> tenant = tenants.current();
        Map<String, PluginEnablement> enabled = tenant.isPresent()
                ? tenantPlugins.enabled().stream().collect(Collectors.toMap(PluginEnablement::pluginId, Function.identity()))
                : Map.of();
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        for (LoadedPlugin p : installed.all()) {
            JsonObjectBuilder b = Jsons.createObjectBuilder().add("id", p.id()).add("version", p.version())
                    .add("apiVersion", p.apiVersion()).add("state", p.state().name());
            if (p.name() == null) {
                b.addNull("name");
            } else {
                b.add("name", PluginJson.label(p.name()));
            }
            if (p.refusedReason() == null) {
                b.addNull("refusedReason");
            } else {
                b.add("refusedReason", p.refusedReason());
            }
            List<String> degraded = health.degradedTenants(p.id());
            if (tenant.isEmpty()) {
                JsonArrayBuilder hooks = Jsons.createArrayBuilder();
                health.counters().stream().filter(c -> c.plugin().equals(p.id())).forEach(c -> {
                    JsonObjectBuilder h = Jsons.createObjectBuilder().add("tenant", c.tenant()).add("calls", c.calls())
                            .add("failures", c.failures()).add("timeouts", c.timeouts()).add("degraded", c.degraded());
                    if (c.degradedUntil() == null) {
                        h.addNull("degradedUntil");
                    } else {
                        h.add("degradedUntil", c.degradedUntil().toString());
                    }
                    if (c.lastFailure() == null) {
                        h.addNull("lastFailure");
                    } else {
                        h.add("lastFailure", c.lastFailure());
                    }
                    hooks.add(h);
                });
                b.add("source", p.source()).add("degradedTenants", PluginJson.strings(degraded)).add("hooks", hooks);
            } else {
                PluginEnablement e = enabled.get(p.id());
                b.add("enabled", e != null);
                if (e == null) {
                    b.addNull("enabledVersion");
                } else {
                    b.add("enabledVersion", e.pluginVersion());
                }
                b.add("degraded", degraded.contains(tenant.get().value()));
            }
            items.add(b);
        }
        return Jsons.createObjectBuilder().add("apiVersion", io.kefu.plugin.api.PluginApi.VERSION).add("items", items).build();
    }

    @POST
    @Path("/{id}/enable")
    @RolesAllowed("TENANT_ADMIN")
    @Operation(summary = "Enable (or upgrade) a plugin in the caller's tenant",
            description = "Applies the plugin's tables, copies its defaults (categories, canned replies, knowledge articles, "
                    + "emergency plans, KPIs) and hands forms and standards to their engines. Again after an upgrade: adds "
                    + "new items, updates untouched copies, keeps (and lists as kept) items the tenant changed.")
    @APIResponse(responseCode = "200", description = "What was added, updated and kept, per kind")
    @APIResponse(responseCode = "404", description = "No such plugin (plugin.not-found)")
    @APIResponse(responseCode = "409", description = "The plugin was refused at load (plugin.refused)")
    public JsonObject enable(@PathParam("id") String id) {
        return PluginJson.outcome(plugins.enable(id, callers.username("system")));
    }
}
