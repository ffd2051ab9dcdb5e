package io.kefu.platform.plugin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.kefu.platform.json.Jsons;
import io.kefu.platform.problem.Validation;
import io.kefu.platform.settings.SettingKey;
import io.kefu.platform.settings.TenantSettings;

/** KPI definitions of the tenant and their values over a period. */
@Path("/v1/kpis")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "kpis", description = "KPI definitions and their values")
@SecurityRequirement(name = "basic")
@RolesAllowed({"TENANT_ADMIN", "SUPERVISOR", "AGENT"})
public class KpisResource {

    /** The period when none is asked for. */
    static final int DEFAULT_DAYS = 30;

    @Inject
    TenantPlugins plugins;

    @Inject
    Kpis kpis;

    @Inject
    TenantSettings settings;

    @GET
    @Operation(summary = "All KPI definitions, by code")
    public JsonObject all() {
        return DefaultsResources.list(plugins, KpiDefinition.class);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One KPI definition")
    public JsonObject one(@PathParam("code") String code) {
        return DefaultsResources.one(plugins, KpiDefinition.class, code, "kpi.not-found");
    }

    @GET
    @Path("/{code}/value")
    @Operation(summary = "A KPI's value over the tickets created in a period",
            description = "from (inclusive) and to (exclusive): ISO instants, or dates in the tenant's time zone (a date "
                    + "for to includes that whole day). Default: the last 30 days. value is null when undefined (e.g. an "
                    + "average over no tickets); note then says why.")
    public JsonObject value(@PathParam("code") String code, @QueryParam("from") String from, @QueryParam("to") String to) {
        ZoneId zone = ZoneId.of(settings.get(SettingKey.TIME_ZONE));
        Validation v = new Validation();
        Instant end = to == null || to.isBlank() ? Instant.now() : v.check(() -> instant(to, zone, true, "to"));
        Instant start = from == null || from.isBlank() ? null : v.check(() -> instant(from, zone, false, "from"));
        v.throwIfInvalid();
        if (start == null) {
            start = end.minus(DEFAULT_DAYS, ChronoUnit.DAYS);
        }
        if (!start.isBefore(end)) {
            v.reject("from", "kpi.period.empty");
            v.throwIfInvalid();
        }
        Kpis.Result r = kpis.value(code, start, end);
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("code", code).add("from", r.from().toString())
                .add("to", r.to().toString());
        if (r.value().value().isPresent()) {
            b.add("value", Math.round(r.value().value().getAsDouble() * 100.0) / 100.0);
        } else {
            b.addNull("value");
        }
        b.add("sampleSize", r.value().sampleSize()).add("computedBy", r.computedBy());
        if (r.value().note() == null) {
            b.addNull("note");
        } else {
            b.add("note", r.value().note());
        }
        return b.build();
    }

    static Instant instant(String text, ZoneId zone, boolean endOfDay, String field) {
        String t = text.strip();
        try {
            if (t.length() == 10) {
                LocalDate d = LocalDate.parse(t);
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay(zone).toInstant();
            }
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new io.kefu.platform.problem.InvalidInputException(
                    io.kefu.platform.problem.FieldError.of(field, "kpi.period.invalid", t));
        }
    }
}
