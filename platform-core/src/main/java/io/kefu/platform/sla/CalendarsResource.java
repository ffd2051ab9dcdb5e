package io.kefu.platform.sla;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import io.kefu.platform.problem.Validation;
import io.kefu.platform.sla.calendar.BusinessCalendar;

/** The tenant's business calendars over REST, in the interchange format; {@code 24x7} is built in. */
@Path("/v1/calendars")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "service-standards", description = "Service standards (SLA): targets, calendars, compliance")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@RolesAllowed({"TENANT_ADMIN", "SUPERVISOR", "AGENT"})
public class CalendarsResource {

    static final Duration MAX_SPAN = Duration.ofDays(3 * 366);

    @Inject
    ServiceStandards standards;

    @Inject
    StandardsStore store;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "The tenant's calendars (24x7 is built in and not listed)")
    public JsonObject all() {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        store.calendars().forEach(c -> items.add(StandardsDocument.write(c)));
        return Jsons.createObjectBuilder().add("items", items).build();
    }

    @GET
    @Path("/{code}")
    public JsonObject one(@PathParam("code") String code) {
        return StandardsDocument.write(store.calendar(code));
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("TENANT_ADMIN")
    @Operation(summary = "Create or replace a calendar", description = "A calendar of the interchange format; zone defaults to Asia/Shanghai; "
            + "nationalHolidays CN applies the official Chinese tables, which the calendar's own holidays and workdays override.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Replaced; open tickets are re-evaluated")
    public Response put(@PathParam("code") String code, JsonObject body) {
        if (body == null) {
            throw new io.kefu.platform.problem.InvalidInputException(io.kefu.platform.problem.FieldError.of("body", "field.required"));
        }
        StandardsStore.Saved saved = standards.putCalendar(code, body);
        JsonObject view = StandardsDocument.write(store.calendar(code));
        if (saved.created()) {
            URI location = uri.getBaseUriBuilder().path("v1/calendars").path(code).build();
            return Response.created(location).entity(view).build();
        }
        return Response.ok(view).build();
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed("TENANT_ADMIN")
    @APIResponse(responseCode = "409", description = "A rule counts in this calendar (sla.calendar.in-use)")
    public Response delete(@PathParam("code") String code) {
        store.deleteCalendar(code);
        return Response.noContent().build();
    }

    @GET
    @Path("/{code}/working-time")
    @Operation(summary = "Working time between two instants in this calendar (for checking a calendar)",
            description = "from, to: ISO date-times with offset (2026-09-30T17:00:00+08:00) or dates (midnight in the calendar's zone).")
    public JsonObject workingTime(@PathParam("code") String code, @QueryParam("from") String from, @QueryParam("to") String to) {
        BusinessCalendar cal = store.businessCalendar(code);
        java.time.ZoneId zone = cal.isAlways() ? BusinessCalendar.DEFAULT_ZONE : cal.zone();
        Validation v = new Validation();
        Instant a = v.check(() -> SlaKpis.instant(from, "from", zone, true));
        Instant b = v.check(() -> SlaKpis.instant(to, "to", zone, true));
        if (a != null && b != null && (b.isBefore(a) || Duration.between(a, b).compareTo(MAX_SPAN) > 0)) {
            v.reject("to", "sla.span.invalid", MAX_SPAN.toDays());
        }
        v.throwIfInvalid();
        Duration working = cal.workingTimeBetween(a, b);
        return Jsons.createObjectBuilder().add("calendar", code).add("from", a.toString()).add("to", b.toString())
                .add("workingTime", working.toString()).add("seconds", working.getSeconds()).build();
    }
}
