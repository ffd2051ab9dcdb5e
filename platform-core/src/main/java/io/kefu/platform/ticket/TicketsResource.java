package io.kefu.platform.ticket;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.kefu.platform.i18n.Messages;
import io.kefu.platform.identity.Caller;
import io.kefu.platform.json.Jsons;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.Inputs;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.security.CallerContext;

/**
 * Tickets of the caller's tenant over REST. Another tenant's ticket is simply not found.
 * <p>
 * A read is one transaction from here down: the query, the forms and the service standards
 * share one EntityManager (one EclipseLink client session, whose per-tenant set-up is the
 * costly part of a short read) and one snapshot. A write commits in the service (a create
 * holds the year's number counter locked until then, so nothing more goes inside) and its
 * answer is read in one more transaction.
 */
@Path("/v1/tickets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tickets", description = "Service requests and complaints through their lifecycle")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@RolesAllowed({"TENANT_ADMIN", "SUPERVISOR", "AGENT"})
public class TicketsResource {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    TicketService tickets;

    @Inject
    CallerContext callers;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    /** The service standards, when the feature is deployed (it always is in Kefu's WAR). */
    @Inject
    Instance<TicketSla> sla;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a ticket", description = "JSON: kind, subject, description, priority, channel, category, "
            + "customer, team, tags, fields, complaint {severity, escalationLevel, rootCause, remedy, compensation {amount, currency}}. "
            + "With an Idempotency-Key header a retried request returns the ticket it created the first time.")
    @APIResponse(responseCode = "201", description = "Created; Location names the ticket")
    @APIResponse(responseCode = "200", description = "Replay of an earlier request with the same Idempotency-Key")
    @APIResponse(responseCode = "400", description = "Invalid input; `errors` names every invalid field")
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used with a different request")
    public Response create(JsonObject body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        TicketService.Created created = tickets.create(body, idempotencyKey, Channel.API);
        URI location = uri.getBaseUriBuilder().path("v1/tickets").path(created.ticket().number()).build();
        return (created.replayed() ? Response.ok() : Response.created(location))
                .location(location)
                .header("Idempotent-Replayed", created.replayed() ? "true" : null)
                .entity(tickets.json(created.ticket(), false, locale())).build();
    }

    @GET
    @Path("/{number}")
    @Operation(summary = "One ticket; personal-data custom fields masked unless a supervisor or admin asks reveal=true (audited)")
    @APIResponse(responseCode = "403", description = "reveal=true asked by an agent (ticket.reveal.forbidden)")
    @Transactional
    public Response one(@PathParam("number") String number,
                        @Parameter(description = "true: personal data in clear (supervisors and admins; audited)") @QueryParam("reveal") String reveal) {
        boolean clear = flag(reveal, "reveal");
        Ticket ticket = tickets.get(number);
        Response.ResponseBuilder r = Response.ok(tickets.json(ticket, clear, locale()));
        if (clear) {
            // Personal data in clear: no copy in a browser's or proxy's cache.
            r.header("Cache-Control", "no-store");
        }
        return r.build();
    }

    @GET
    @Operation(summary = "Tickets, filtered and paged",
            description = "Filters combine with AND. assignee=me|none|<user>; status may repeat or be comma-separated; "
                    + "createdFrom/createdTo take a date or an ISO instant; q matches the number or words of the subject. "
                    + "Custom fields: field.<key>=value (equality; for a multiple choice: has the option), "
                    + "field.<key>.gte / field.<key>.lte (numbers, money amounts, dates, date-times); sort=field.<key> or "
                    + "-field.<key> lists the tickets having that field, ordered by it. "
                    + "sla=at-risk lists tickets past their service standard's warning point and not yet breached, "
                    + "sla=breached those with a breached target. "
                    + "Paging by cursor: pass nextCursor back as cursor.")
    @Transactional
    public JsonObject list(@QueryParam("status") List<String> status, @QueryParam("kind") String kind,
                           @QueryParam("priority") String priority, @QueryParam("assignee") String assignee,
                           @QueryParam("team") String team, @QueryParam("customer") String customer,
                           @QueryParam("createdFrom") String createdFrom, @QueryParam("createdTo") String createdTo,
                           @QueryParam("q") String q, @QueryParam("tag") String tag,
                           @Parameter(description = "-createdAt (default), createdAt, -updatedAt, updatedAt, field.<key>, -field.<key>") @QueryParam("sort") String sort,
                           @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                           @Parameter(description = "at-risk or breached") @QueryParam("sla") String slaFilter) {
        TicketQuery query = TicketQuery.parse(status, kind, priority, assignee, team, customer, createdFrom, createdTo, q, tag,
                sort, cursor, limit, callers.current().map(Caller::username).orElse(null), uri.getQueryParameters());
        TicketService.Page page;
        if (slaFilter == null || slaFilter.isBlank()) {
            page = tickets.list(query);
        } else {
            TicketSla standards = sla.get();
            page = tickets.list(query, standards.filter(slaFilter.strip()), new Object[] {"slaNow", standards.now().atOffset(java.time.ZoneOffset.UTC)});
        }
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        tickets.json(page.items(), locale()).forEach(items::add);
        var b = Jsons.createObjectBuilder().add("items", items);
        if (page.nextCursor() == null) {
            b.addNull("nextCursor");
        } else {
            b.add("nextCursor", page.nextCursor());
        }
        return b.build();
    }

    @PATCH
    @Path("/{number}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Operation(summary = "Change fields of a ticket (JSON merge patch)",
            description = "Requires `version` as last read; a stale version answers 409 ticket.version.conflict and changes nothing. "
                    + "`fields` changes custom field values (absent: kept, null: cleared), judged by the forms that apply; "
                    + "errors of fields and of the ticket's own members come in one answer.")
    @APIResponse(responseCode = "409", description = "Someone changed the ticket since `version`")
    public JsonObject patch(@PathParam("number") String number, JsonObject body) {
        Ticket patched = tickets.patch(number, body);
        return tickets.json(patched, false, locale());
    }

    @POST
    @Path("/{number}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a ticket through its lifecycle",
            description = "JSON: to (status), reason (waiting on the customer, cancelling, reopening), resolution (resolving), "
                    + "assignee (assigning; or team, or nothing when the ticket has a team: the team's strategy chooses), version (optional, checked when given), byCustomer (a channel relays the customer's "
                    + "confirmation, reopening or answer).")
    @APIResponse(responseCode = "409", description = "Not a legal move from the current status (ticket.transition.illegal), or a rule refuses it")
    @APIResponse(responseCode = "403", description = "The caller may not make this move")
    public JsonObject transition(@PathParam("number") String number, JsonObject body) {
        JsonObject in = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        TicketStatus to = Inputs.enumValue(TicketStatus.class, TicketRequests.string(in, "to"), "to", null);
        TransitionRequest move = new TransitionRequest(to, TicketRequests.string(in, "reason"),
                TicketRequests.string(in, "resolution"), TicketRequests.string(in, "assignee"));
        Long version = in.get("version") instanceof JsonNumber n ? n.longValue() : null;
        Ticket moved = tickets.transition(number, move, version, bool(in, "byCustomer"), TicketRequests.string(in, "team"));
        return tickets.json(moved, false, locale());
    }

    @POST
    @Path("/{number}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reply to the customer, add an internal note, or relay the customer's message",
            description = "JSON: body (plain text), internal (staff-only note), byCustomer (a channel relays the customer's message).")
    @APIResponse(responseCode = "201", description = "Added to the timeline")
    public Response comment(@PathParam("number") String number, JsonObject body) {
        JsonObject in = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        TicketEvent e = tickets.comment(number, TicketRequests.string(in, "body"), bool(in, "internal"), bool(in, "byCustomer"));
        return Response.status(Response.Status.CREATED).entity(TicketJson.event(e)).build();
    }

    @POST
    @Path("/{number}/customer-contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a contact with the customer (a complaint closes only after one)",
            description = "JSON: summary (what was agreed), channel (PHONE by default).")
    @APIResponse(responseCode = "201", description = "Recorded")
    public Response customerContact(@PathParam("number") String number, JsonObject body) {
        JsonObject in = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        TicketEvent e = tickets.recordCustomerContact(number, TicketRequests.string(in, "summary"), TicketRequests.string(in, "channel"));
        return Response.status(Response.Status.CREATED).entity(TicketJson.event(e)).build();
    }

    @GET
    @Path("/{number}/timeline")
    @Operation(summary = "The ticket's timeline, oldest first",
            description = "internal=false shows what the customer may see (public replies and status changes).")
    @Transactional
    public JsonObject timeline(@PathParam("number") String number, @QueryParam("internal") @DefaultValue("true") boolean internal) {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        tickets.timeline(number, internal).forEach(e -> items.add(TicketJson.event(e)));
        return Jsons.createObjectBuilder().add("items", items).build();
    }

    private static boolean flag(String value, String field) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidInputException(FieldError.of(field, "field.type.boolean"));
    }

    /** The caller's language, for the names of service standards. */
    private java.util.Locale locale() {
        return Messages.firstSupported(headers.getAcceptableLanguages());
    }

    private static boolean bool(JsonObject in, String key) {
        JsonValue v = in.get(key);
        if (v == null || v == JsonValue.NULL || v == JsonValue.FALSE) {
            return false;
        }
        if (v == JsonValue.TRUE) {
            return true;
        }
        throw new InvalidInputException(FieldError.of(key, "field.type.boolean"));
    }
}
