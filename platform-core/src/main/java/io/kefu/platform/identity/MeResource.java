package io.kefu.platform.identity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.kefu.platform.security.CallerContext;

/** The calling tenant user: who they are and in which tenant. */
@Path("/v1/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "me")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@RolesAllowed({"TENANT_ADMIN", "SUPERVISOR", "AGENT"})
public class MeResource {

    @Inject
    CallerContext callers;

    @Inject
    Members members;

    public record Me(String tenant, String username, String role, String displayName, String email) {
    }

    @GET
    @Operation(summary = "The authenticated tenant user")
    public Me me() {
        Caller.TenantUser user = (Caller.TenantUser) callers.current().orElseThrow();
        Member m = members.byUsername(user.username()).orElseThrow();
        return new Me(user.tenant().value(), m.username(), m.role().name(), m.displayName(), m.email());
    }
}
