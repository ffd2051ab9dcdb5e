package io.kefu.platform.team;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/**
 * Teams of the caller's tenant over REST, named by id or code. Everyone reads them; admins and
 * supervisors shape them. Another tenant's team is simply not found.
 */
@Path("/v1/teams")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "teams", description = "Teams of agents and how their work is assigned")
@SecurityRequirement(name = "basic")
@RolesAllowed({"TENANT_ADMIN", "SUPERVISOR", "AGENT"})
public class TeamsResource {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    Teams teams;

    @Context
    UriInfo uri;

    @JsonbNillable
    @JsonbPropertyOrder({"id", "code", "name", "description", "strategy", "members", "createdAt", "updatedAt", "version"})
    public record TeamView(String id, String code, String name, String description, AssignmentStrategy strategy,
                           List<MemberView> members, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {
        static TeamView of(Teams.Details d) {
            Team t = d.team();
            return new TeamView(t.id(), t.code(), t.name(), t.description(), t.strategy(),
                    d.members().stream().map(MemberView::of).toList(), t.createdAt(), t.updatedAt(), t.version());
        }
    }

    @JsonbNillable
    @JsonbPropertyOrder({"username", "displayName", "role", "joinedAt"})
    public record MemberView(String username, String displayName, String role, OffsetDateTime joinedAt) {
        static MemberView of(Teams.MemberDetails m) {
            return new MemberView(m.username(), m.displayName(), m.role() == null ? null : m.role().name(), m.joinedAt());
        }
    }

    @JsonbPropertyOrder({"id", "code", "strategy", "members"})
    public record WorkloadView(String id, String code, AssignmentStrategy strategy, List<LoadView> members) {
    }

    @JsonbNillable
    @JsonbPropertyOrder({"username", "displayName", "role", "openTickets"})
    public record LoadView(String username, String displayName, String role, long openTickets) {
        static LoadView of(Teams.Load l) {
            return new LoadView(l.username(), l.displayName(), l.role() == null ? null : l.role().name(), l.openTickets());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"TENANT_ADMIN", "SUPERVISOR"})
    @Operation(summary = "Create a team", description = "JSON: code (2-32 of a-z, 0-9, '-'; fixed once created), name, "
            + "description, strategy (MANUAL by default, ROUND_ROBIN, LEAST_LOADED).")
    @APIResponse(responseCode = "201", description = "Created; Location names the team")
    @APIResponse(responseCode = "400", description = "Invalid input; `errors` names every invalid field")
    @APIResponse(responseCode = "409", description = "The code is taken in this tenant (team.code.taken)")
    public Response create(JsonObject body) {
        Teams.Details d = teams.create(TeamRequests.create(body));
        URI location = uri.getBaseUriBuilder().path("v1/teams").path(d.team().id()).build();
        return Response.created(location).entity(TeamView.of(d)).build();
    }

    @GET
    @Operation(summary = "All teams of the tenant, by code, with their members")
    public List<TeamView> all() {
        return teams.all().stream().map(TeamView::of).toList();
    }

    @GET
    @Path("/{idOrCode}")
    @Operation(summary = "One team, by id or code")
    public TeamView one(@PathParam("idOrCode") String idOrCode) {
        return TeamView.of(teams.get(idOrCode));
    }

    @PATCH
    @Path("/{idOrCode}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @RolesAllowed({"TENANT_ADMIN", "SUPERVISOR"})
    @Operation(summary = "Change a team's name, description or strategy (JSON merge patch)",
            description = "Requires `version` as last read; a stale version answers 409 team.version.conflict and changes nothing. "
                    + "Membership changes and automatic assignments do not change the version.")
    @APIResponse(responseCode = "409", description = "Someone changed the team since `version`")
    public TeamView patch(@PathParam("idOrCode") String idOrCode, JsonObject body) {
        return TeamView.of(teams.patch(idOrCode, TeamRequests.patch(body)));
    }

    @PUT
    @Path("/{idOrCode}/members/{username}")
    @RolesAllowed({"TENANT_ADMIN", "SUPERVISOR"})
    @Operation(summary = "Add a person to the team (idempotent)", description = "Agents and supervisors of the tenant only.")
    @APIResponse(responseCode = "201", description = "Added; the team with its members")
    @APIResponse(responseCode = "200", description = "Already a member; nothing changed")
    @APIResponse(responseCode = "400", description = "No such user (user.not-found) or not an agent or supervisor (team.member.role), on field `username`")
    public Response addMember(@PathParam("idOrCode") String idOrCode, @PathParam("username") String username) {
        Teams.MemberAdded result = teams.addMember(idOrCode, username);
        return Response.status(result.added() ? Response.Status.CREATED : Response.Status.OK)
                .entity(TeamView.of(result.team())).build();
    }

    @DELETE
    @Path("/{idOrCode}/members/{username}")
    @RolesAllowed({"TENANT_ADMIN", "SUPERVISOR"})
    @Operation(summary = "Remove a person from the team (idempotent)", description = "The person's tickets stay theirs.")
    @APIResponse(responseCode = "204", description = "Not a member (any more)")
    public Response removeMember(@PathParam("idOrCode") String idOrCode, @PathParam("username") String username) {
        teams.removeMember(idOrCode, username);
        return Response.noContent().build();
    }

    @GET
    @Path("/{idOrCode}/workload")
    @RolesAllowed({"TENANT_ADMIN", "SUPERVISOR"})
    @Operation(summary = "Each member's open tickets (assigned, in progress, pending the customer, reopened)")
    public WorkloadView workload(@PathParam("idOrCode") String idOrCode) {
        Teams.Workload w = teams.workload(idOrCode);
        Team t = w.team();
        return new WorkloadView(t.id(), t.code(), t.strategy(), w.members().stream().map(LoadView::of).toList());
    }
}
