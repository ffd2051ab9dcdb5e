package io.kefu.platform.queue;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

import io.kefu.platform.json.Jsons;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;

/**
 * The caller's queues and saved filters over REST: counts per queue, and saved filters to
 * create, list, rename and delete. A saved filter's {@code filter} uses the ticket list's
 * parameter names, so a client lists its tickets with {@code GET /v1/tickets}.
 */
@Path("/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "queues", description = "Agents' queues, their counts, and saved filters")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@RolesAllowed({"TENANT_ADMIN", "SUPERVISOR", "AGENT"})
public class QueuesResource {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    Queues queues;

    @Inject
    SavedFilters savedFilters;

    @Context
    UriInfo uri;

    @GET
    @Path("/queues")
    @Operation(summary = "The caller's queues with how many tickets each holds",
            description = "mine, team, unassigned, at-risk, breached, complaints, pending-customer; open tickets only "
                    + "(pending-customer: waiting on the customer).")
    public JsonObject counts() {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        queues.counts().forEach((q, n) -> items.add(Jsons.createObjectBuilder().add("id", q.id()).add("count", n)));
        return Jsons.createObjectBuilder().add("items", items).build();
    }

    @GET
    @Path("/saved-filters")
    @Operation(summary = "The caller's saved filters, then those shared with their teams")
    public JsonObject list() {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        savedFilters.visible().forEach(v -> items.add(json(v)));
        return Jsons.createObjectBuilder().add("items", items).build();
    }

    @POST
    @Path("/saved-filters")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a filter", description = "JSON: name, filter {status [..], priority, assignee (me, none or a user), q}, "
            + "team (id or code: share it with that team; agents only with their own teams).")
    @APIResponse(responseCode = "201", description = "Saved")
    @APIResponse(responseCode = "409", description = "The caller has a filter of that name there already (saved-filter.name.taken)")
    public Response create(JsonObject body) {
        JsonObject in = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        JsonValue filter = in.get("filter");
        if (filter != null && filter != JsonValue.NULL && filter.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException(FieldError.of("filter", "field.type.object"));
        }
        SavedFilters.Visible saved = savedFilters.create(string(in, "name"),
                QueueFilter.parse(filter instanceof JsonObject o ? o : null), string(in, "team"));
        URI location = uri.getBaseUriBuilder().path("v1/saved-filters").path(saved.filter().id()).build();
        return Response.created(location).entity(json(saved)).build();
    }

    @GET
    @Path("/saved-filters/{id}")
    @Operation(summary = "One saved filter the caller sees")
    public JsonObject one(@PathParam("id") String id) {
        return json(savedFilters.get(id));
    }

    @PATCH
    @Path("/saved-filters/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Operation(summary = "Rename a saved filter", description = "JSON: name. Its maker, or a supervisor or admin for a shared one.")
    @APIResponse(responseCode = "403", description = "Not the caller's to change (saved-filter.forbidden)")
    public JsonObject rename(@PathParam("id") String id, JsonObject body) {
        JsonObject in = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        return json(savedFilters.rename(id, string(in, "name")));
    }

    @DELETE
    @Path("/saved-filters/{id}")
    @Operation(summary = "Delete a saved filter", description = "Its maker, or a supervisor or admin for a shared one.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        savedFilters.delete(id);
        return Response.noContent().build();
    }

    private static JsonObject json(SavedFilters.Visible v) {
        SavedFilter f = v.filter();
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("id", f.id()).add("name", f.name()).add("owner", f.owner());
        if (f.teamId() == null) {
            b.addNull("team").addNull("teamName");
        } else {
            b.add("team", f.teamId()).add("teamName", v.teamName());
        }
        return b.add("filter", f.filter().json()).add("mayChange", v.mayChange())
                .add("createdAt", f.createdAt().toString()).add("updatedAt", f.updatedAt().toString())
                .add("version", f.version()).build();
    }

    private static String string(JsonObject in, String key) {
        JsonValue v = in.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidInputException(FieldError.of(key, "field.type.string"));
        }
        return ((jakarta.json.JsonString) v).getString();
    }
}
