package io.kefu.tenantadmin.provisioning;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.problem.NotFoundException;
import io.kefu.platform.tenant.Tenant;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.Tenants;

/** Operators provision and inspect tenants. */
@Path("/v1/tenants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tenants", description = "Operator API: tenant lifecycle")
@SecurityRequirement(name = "basic")
@RolesAllowed(Caller.Operator.GROUP)
public class TenantsResource {

    @Inject
    TenantProvisioning provisioning;

    @Inject
    Tenants tenants;

    @Context
    UriInfo uri;

    /** A tenant as the API shows it. */
    public record TenantView(String code, String name, String industry, String status, String plan,
                             OffsetDateTime createdAt) {
        static TenantView of(Tenant t) {
            return new TenantView(t.code().value(), t.name(), t.industry().id(), t.status().name(), t.plan(), t.createdAt());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Provision a tenant: its schema, its migrations and its admin")
    @APIResponse(responseCode = "201", description = "Created; Location names the tenant")
    @APIResponse(responseCode = "400", description = "Invalid input; `errors` names every invalid field")
    @APIResponse(responseCode = "409", description = "The code is taken")
    public Response provision(NewTenant request) {
        Tenant t = provisioning.provision(request == null ? new NewTenant(null, null, null, null, null, null) : request);
        URI location = uri.getAbsolutePathBuilder().path(t.code().value()).build();
        return Response.created(location).entity(TenantView.of(t)).build();
    }

    @GET
    @Operation(summary = "All tenants")
    public List<TenantView> all() {
        return tenants.all().stream().map(TenantView::of).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One tenant and its status")
    public TenantView one(@PathParam("code") String code) {
        TenantCode c = TenantCode.parse(code);
        return tenants.find(c).map(TenantView::of).orElseThrow(() -> new NotFoundException("tenant.not-found", code));
    }
}
