package io.kefu.platform.form;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.kefu.platform.json.Jsons;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.Inputs;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.ticket.TicketKind;

/**
 * Forms (custom fields) of the caller's tenant over REST, in the shared form-definition format.
 * Everyone in the tenant reads them (clients render what {@code /applicable} answers); only
 * tenant admins change them.
 */
@Path("/v1/forms")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "forms", description = "Custom fields per ticket kind and category, and for customers; versioned")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@RolesAllowed({"TENANT_ADMIN", "SUPERVISOR", "AGENT"})
public class FormsResource {

    private static final java.util.regex.Pattern CATEGORY = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    @Inject
    FormDefinitions forms;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Every form with its current version (retired ones marked)")
    public JsonObject list() {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        forms.list().forEach(s -> items.add(view(s)));
        return Jsons.createObjectBuilder().add("items", items).build();
    }

    @GET
    @Path("/applicable")
    @Operation(summary = "The forms a ticket of this kind and category (or a customer) gets: what a client renders",
            description = "target=TICKET (default) needs kind; category is optional. target=CUSTOMER takes neither.")
    @APIResponse(responseCode = "400", description = "Unknown target or kind, or an invalid category")
    public JsonObject applicable(@QueryParam("target") String target, @QueryParam("kind") String kind,
                                 @QueryParam("category") String category) {
        FormTarget t = Inputs.enumValue(FormTarget.class, target, "target", FormTarget.TICKET);
        List<FormDefinitions.Stored> found;
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("target", t.name());
        if (t == FormTarget.TICKET) {
            TicketKind k = Inputs.enumValue(TicketKind.class, kind, "kind", null);
            if (k == null) {
                throw new InvalidInputException(FieldError.of("kind", "field.required"));
            }
            String c = category == null || category.isBlank() ? null : category.strip();
            if (c != null && !CATEGORY.matcher(c).matches()) {
                throw new InvalidInputException(FieldError.of("category", "ticket.category.invalid", c));
            }
            found = forms.applicableToTicket(k, c);
            b.add("kind", k.name());
            if (c == null) {
                b.addNull("category");
            } else {
                b.add("category", c);
            }
        } else {
            found = forms.applicableToCustomers();
        }
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        found.forEach(s -> items.add(Jsons.createObjectBuilder(FormDocument.write(s.form())).add("version", s.version().number())));
        return b.add("forms", items).build();
    }

    @GET
    @Path("/export")
    @Operation(summary = "The forms in use as one document in the shared form-definition format (formatVersion 1)")
    public JsonObject export() {
        return Jsons.createReader(new java.io.StringReader(forms.exportDocument())).readObject();
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("TENANT_ADMIN")
    @Operation(summary = "Import a form-definition document, all or nothing",
            description = "The whole document is checked first; every problem is listed with its JSON path "
                    + "(e.g. forms[0].fields[2].pattern) and nothing is applied. A form equal to its current version "
                    + "gets no new version, so importing the same document twice changes nothing.")
    @APIResponse(responseCode = "200", description = "Per form: key, version, changed, created")
    @APIResponse(responseCode = "400", description = "Invalid document (input.invalid, errors by path)")
    public JsonObject importDocument(String body) {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        forms.importDocument(body).forEach(o -> items.add(outcome(o)));
        return Jsons.createObjectBuilder().add("items", items).build();
    }

    @GET
    @Path("/{key}")
    @Operation(summary = "One form: its current version, or the version asked for")
    @APIResponse(responseCode = "404", description = "No such form or version in this tenant")
    public JsonObject one(@PathParam("key") String key,
                          @Parameter(description = "a version number; default the current one") @QueryParam("version") String version) {
        Integer n = null;
        if (version != null && !version.isBlank()) {
            try {
                n = Integer.parseInt(version.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(FieldError.of("version", "field.type.integer"));
            }
        }
        return view(forms.get(key, n));
    }

    @GET
    @Path("/{key}/versions")
    @Operation(summary = "Every version of a form, newest first (number, when, by whom)")
    public JsonObject versions(@PathParam("key") String key) {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        forms.versions(key).forEach(v -> items.add(Jsons.createObjectBuilder().add("version", v.number())
                .add("createdAt", v.createdAt().toInstant().toString()).add("createdBy", v.createdBy())));
        return Jsons.createObjectBuilder().add("items", items).build();
    }

    @PUT
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("TENANT_ADMIN")
    @Operation(summary = "Create a form or replace it by a new version",
            description = "Body: one form in the shared format (key as in the path). Existing tickets keep their values; "
                    + "fields left out are shown on them as retired. Sending the current definition again changes nothing.")
    @APIResponse(responseCode = "201", description = "Created (version 1)")
    @APIResponse(responseCode = "200", description = "Replaced by a new version, or unchanged")
    @APIResponse(responseCode = "400", description = "Invalid definition (errors by path)")
    public Response save(@PathParam("key") String key, String body) {
        FormDefinitions.Outcome o = forms.save(key, body);
        JsonObject view = view(forms.get(key, null));
        if (o.created()) {
            URI location = uri.getAbsolutePathBuilder().build();
            return Response.created(location).entity(view).build();
        }
        return Response.ok(view).build();
    }

    @DELETE
    @Path("/{key}")
    @RolesAllowed("TENANT_ADMIN")
    @Operation(summary = "Retire a form: it applies to nothing new; values on tickets stay, shown as retired",
            description = "Saving or importing the form again brings it back as a new version.")
    @APIResponse(responseCode = "204", description = "Retired")
    public Response retire(@PathParam("key") String key) {
        forms.retire(key);
        return Response.noContent().build();
    }

    private static JsonObject view(FormDefinitions.Stored s) {
        JsonObjectBuilder b = Jsons.createObjectBuilder()
                .add("key", s.record().key())
                .add("target", s.record().target().name())
                .add("version", s.version().number())
                .add("currentVersion", s.record().currentVersion())
                .add("retired", s.record().isRetired())
                .add("createdAt", s.version().createdAt().toInstant().toString())
                .add("createdBy", s.version().createdBy())
                .add("definition", FormDocument.write(s.form()));
        return b.build();
    }

    private static JsonObject outcome(FormDefinitions.Outcome o) {
        return Jsons.createObjectBuilder().add("key", o.key()).add("version", o.version()).add("changed", o.changed())
                .add("created", o.created()).build();
    }
}
