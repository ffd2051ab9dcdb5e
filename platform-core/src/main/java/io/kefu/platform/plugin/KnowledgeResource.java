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

/** Knowledge-base articles, as copied from the tenant's plugins (read-only for now). */
@Path("/v1/knowledge")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "knowledge", description = "Knowledge-base articles")
@SecurityRequirement(name = "basic")
@RolesAllowed({"TENANT_ADMIN", "SUPERVISOR", "AGENT"})
public class KnowledgeResource {

    @Inject
    TenantPlugins plugins;

    @GET
    @Operation(summary = "All, by code", description = "Each item is its JSON as the plugin shipped it (or as the tenant "
            + "changed it) with origin {plugin, version, modified} and updatedAt.")
    public JsonObject all() {
        return DefaultsResources.list(plugins, KnowledgeArticle.class);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One, by code")
    public JsonObject one(@PathParam("code") String code) {
        return DefaultsResources.one(plugins, KnowledgeArticle.class, code, "knowledge.not-found");
    }
}
