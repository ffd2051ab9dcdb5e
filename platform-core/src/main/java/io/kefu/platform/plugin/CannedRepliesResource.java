package io.kefu.platform.plugin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Canned replies with placeholders, as copied from the tenant's plugins (read-only for now). */
@Path("/v1/canned-replies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "canned-replies", description = "Canned replies with placeholders")
@SecurityRequirement(name = "basic")
@RolesAllowed({"TENANT_ADMIN", "SUPERVISOR", "AGENT"})
public class CannedRepliesResource {

    @Inject
    TenantPlugins plugins;

    @GET
    @Operation(summary = "All, by code", description = "Each item is its JSON as the plugin shipped it (or as the tenant "
            + "changed it) with origin {plugin, version, modified} and updatedAt.")
    public JsonObject all() {
        return DefaultsResources.list(plugins, CannedReply.class);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One, by code")
    public JsonObject one(@PathParam("code") String code) {
        return DefaultsResources.one(plugins, CannedReply.class, code, "canned-reply.not-found");
    }
}
