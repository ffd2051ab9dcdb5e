package io.kefu.platform.settings;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.kefu.platform.security.CallerContext;

/** The calling user's tenant's settings. Everyone in the tenant reads them; its admins change them. */
@Path("/v1/settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "settings")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@RolesAllowed({"TENANT_ADMIN", "SUPERVISOR", "AGENT"})
public class SettingsResource {

    @Inject
    TenantSettings settings;

    @Inject
    CallerContext callers;

    public record SettingValue(String value) {
    }

    @GET
    @Operation(summary = "All settings of the tenant, defaults included")
    public Map<String, String> all() {
        return settings.all();
    }

    @PUT
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("TENANT_ADMIN")
    @Operation(summary = "Change one setting")
    public Map<String, String> set(@PathParam("key") String key, SettingValue body) {
        settings.set(key, body == null ? null : body.value(), callers.current().orElseThrow().username());
        return settings.all();
    }
}
