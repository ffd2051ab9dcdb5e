package io.kefu.platform.sla;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.kefu.platform.json.Jsons;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;

/**
 * The tenant's service standards over REST, in the interchange format (docs/api.md). Everyone
 * reads them; tenant admins write. Literal paths ({@code export}, {@code import}, {@code order},
 * {@code compliance}) take precedence over a rule of the same code, which is then read in the list.
 */
@Path("/v1/service-standards")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "service-standards", description = "Service standards (SLA): targets, calendars, compliance")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@RolesAllowed({"TENANT_ADMIN", "SUPERVISOR", "AGENT"})
public class ServiceStandardsResource {

    @Inject
    ServiceStandards standards;

    @Inject
    StandardsStore store;

    @Inject
    SlaKpis kpis;

    @Context
    UriInfo uri;

    static JsonObject view(ServiceStandard s) {
        return Jsons.createObjectBuilder(StandardsDocument.write(s)).add("version", s.version()).build();
    }

    @GET
    @Operation(summary = "The rules in the order they are tried; the first that matches a ticket applies")
    public JsonObject all() {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        store.standards().forEach(s -> items.add(view(s)));
        return Jsons.createObjectBuilder().add("items", items).build();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One rule, current version")
    public JsonObject one(@PathParam("code") String code) {
        return view(store.standard(code));
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("TENANT_ADMIN")
    @Operation(summary = "Create or replace a rule", description = "A standard of the interchange format (code optional, must match the path). "
            + "Replacing makes a new version; open tickets are re-evaluated under the new rules.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Replaced (or unchanged)")
    @APIResponse(responseCode = "400", description = "Invalid; `errors` names every invalid member")
    public Response put(@PathParam("code") String code, JsonObject body) {
        requireBody(body);
        StandardsStore.Saved saved = standards.put(code, body);
        if (saved.created()) {
            URI location = uri.getBaseUriBuilder().path("v1/service-standards").path(code).build();
            return Response.created(location).entity(view(saved.standard())).build();
        }
        return Response.ok(view(saved.standard())).build();
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed("TENANT_ADMIN")
    @Operation(summary = "Delete a rule", description = "Its versions stay readable for the tickets judged by it; open tickets are re-evaluated.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("code") String code) {
        standards.delete(code);
        return Response.noContent().build();
    }

    @PUT
    @Path("/order")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("TENANT_ADMIN")
    @Operation(summary = "Reorder the rules", description = "JSON: codes (every rule exactly once, first tried first). Orders become 10, 20, ...")
    public JsonObject reorder(JsonObject body) {
        requireBody(body);
        JsonValue v = body.get("codes");
        if (!(v instanceof JsonArray a)) {
            throw new InvalidInputException(FieldError.of("codes", v == null ? "field.required" : "field.type.array"));
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!(a.get(i) instanceof JsonString s)) {
                throw new InvalidInputException(FieldError.of("codes[" + i + "]", "field.type.string"));
            }
            codes.add(s.getString());
        }
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        standards.reorder(codes).forEach(s -> items.add(view(s)));
        return Jsons.createObjectBuilder().add("items", items).build();
    }

    @GET
    @Path("/export")
    @Operation(summary = "All calendars and rules as one interchange document (formatVersion 1)")
    public Response export() {
        return Response.ok(standards.exportDocument(), MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("TENANT_ADMIN")
    @Operation(summary = "Replace all calendars and rules by a document", description = "All or nothing: any invalid member "
            + "(named by its path, e.g. standards[1].targets.resolution) refuses the whole document.")
    @APIResponse(responseCode = "400", description = "Invalid; `errors` names every invalid member by its path")
    public JsonObject importDocument(JsonObject body) {
        requireBody(body);
        StandardsDocument.Contents saved = standards.importDocument(body);
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        saved.standards().forEach(s -> items.add(view(s)));
        return Jsons.createObjectBuilder().add("calendars", saved.calendars().size()).add("standards", items).build();
    }

    @GET
    @Path("/compliance")
    @RolesAllowed({"TENANT_ADMIN", "SUPERVISOR"})
    @Operation(summary = "Targets met and breached per rule, team or agent",
            description = "from/to: dates or ISO instants (clocks stopped in [from, to)); by: rule (default), team or agent; "
                    + "target: firstResponse, nextResponse, resolution or followUp (default all).")
    public JsonObject compliance(@QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("by") String by, @QueryParam("target") String target) {
        return kpis.compliance(from, to, by, target);
    }

    private static void requireBody(JsonObject body) {
        if (body == null) {
            throw new InvalidInputException(FieldError.of("body", "field.required"));
        }
    }
}
