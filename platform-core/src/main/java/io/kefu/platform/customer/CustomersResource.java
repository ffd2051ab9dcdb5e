package io.kefu.platform.customer;

import java.io.StringReader;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.kefu.platform.i18n.Messages;
import io.kefu.platform.idempotency.Idempotency;
import io.kefu.platform.json.Jsons;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.Validation;

/**
 * The tenant's customers over REST. Everyone in the tenant reads, creates and edits customers
 * and their contacts (agents except the grade); contact values are masked unless a supervisor
 * or admin asks {@code ?reveal=true} on one customer (audited); only admins erase.
 */
@Path("/v1/customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customers")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@RolesAllowed({"TENANT_ADMIN", "SUPERVISOR", "AGENT"})
public class CustomersResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final Set<String> CHANGEABLE = Set.of("version", "name", "grade", "status", "externalId", "fields");

    @Inject
    Customers customers;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    /** A customer as the API shows it; {@code name} of an erased customer in the client's language. */
    @JsonbNillable
    @JsonbPropertyOrder({"id", "type", "name", "grade", "status", "externalId", "contacts", "fields", "retiredFields",
            "createdAt", "updatedAt", "version", "erased"})
    public record CustomerView(String id, String type, String name, String grade, String status, String externalId,
                               List<ContactView> contacts, JsonObject fields, JsonObject retiredFields,
                               OffsetDateTime createdAt, OffsetDateTime updatedAt, long version, boolean erased) {
        static CustomerView of(CustomerDetails d, Locale locale) {
            return new CustomerView(d.id(), d.type().name(), d.erased() ? Messages.get(locale, "customer.erased.name") : d.name(),
                    d.grade(), d.status().name(), d.externalId(), d.contacts().stream().map(ContactView::of).toList(),
                    d.fields().fields(), d.fields().retired(),
                    utc(d.createdAt()), utc(d.updatedAt()), d.version(), d.erased());
        }
    }

    /** One contact; {@code documentType} only for ID numbers. */
    @JsonbPropertyOrder({"id", "kind", "documentType", "value", "label", "primary"})
    public record ContactView(String id, String kind, String documentType, String value,
                              @JsonbNillable String label, boolean primary) {
        static ContactView of(CustomerDetails.Contact c) {
            return new ContactView(c.id(), c.kind().name(), c.documentType() == null ? null : c.documentType().name(),
                    c.value(), c.label(), c.primary());
        }
    }

    /** A page of customers; {@code nextCursor} is null on the last page. */
    @JsonbNillable
    @JsonbPropertyOrder({"items", "nextCursor"})
    public record Page(List<CustomerView> items, String nextCursor) {
    }

    /** What PATCH takes (for the API description; the body is read member by member). */
    @Schema(name = "CustomerPatch", description = "Only the members sent are changed; null clears grade and externalId. "
            + "version is the customer's version as last read and is required.")
    public record CustomerPatch(@Schema(required = true) long version, String name, String grade, String status, String externalId) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a customer, optionally with contacts",
            description = "type defaults to INDIVIDUAL, status to CURRENT; grade is optional and must be one of the "
                    + "tenant's grades (setting customer.grades). Agents cannot set the grade.")
    @APIResponse(responseCode = "201", description = "Created; contacts masked")
    @APIResponse(responseCode = "400", description = "Invalid input (every invalid field)")
    @APIResponse(responseCode = "409", description = "The externalId is taken in this tenant")
    public Response create(NewCustomer body, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        NewCustomer in = body == null ? new NewCustomer(null, null, null, null, null, null, null) : body;
        Customers.Created result = customers.create(in, idempotencyKey);
        CustomerDetails created = result.customer();
        URI location = uri.getAbsolutePathBuilder().path(created.id()).build();
        return (result.replayed() ? Response.ok().location(location).header("Idempotent-Replayed", "true") : Response.created(location))
                .entity(view(created)).build();
    }

    @GET
    @Operation(summary = "List customers, oldest first, with filters and cursor paging; contacts masked")
    public Page list(@Parameter(description = "Text inside the name or the externalId (case-insensitive)") @QueryParam("q") String q,
                     @QueryParam("grade") String grade,
                     @QueryParam("status") String status,
                     @QueryParam("type") String type,
                     @Parameter(description = "nextCursor of the previous page, unchanged") @QueryParam("cursor") String cursor,
                     @Parameter(description = "1 to 200, default 50") @QueryParam("limit") String limit) {
        CustomerPage page = customers.list(CustomerQuery.parse(q, grade, status, type, cursor, limit));
        Locale locale = locale();
        return new Page(page.items().stream().map(d -> CustomerView.of(d, locale)).toList(),
                page.next() == null ? null : page.next().encode());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One customer; contacts masked unless a supervisor or admin asks reveal=true (audited)")
    @APIResponse(responseCode = "200", description = "The customer", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "403", description = "reveal=true asked by an agent (customer.reveal.forbidden)")
    @APIResponse(responseCode = "404", description = "No such customer in this tenant")
    public Response one(@PathParam("id") String id, @QueryParam("reveal") String reveal) {
        CustomerDetails d = customers.get(id, flag(reveal, "reveal"));
        Response.ResponseBuilder r = Response.ok(view(d));
        if (d.contactsRevealed()) {
            // Personal data in clear: no copy in a browser's or proxy's cache.
            r.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        return r.build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Operation(summary = "Change name, grade, status or externalId",
            description = "Send the version you last read; if the customer changed since, 409 customer.version.conflict. "
                    + "Agents cannot change the grade.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerPatch.class)))
    @APIResponse(responseCode = "409", description = "Stale version, erased customer, or externalId taken")
    public CustomerView change(@PathParam("id") String id, String body) {
        return view(customers.change(id, changes(body)));
    }

    @POST
    @Path("/{id}/contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a contact (phone, e-mail, address, ID number)")
    @APIResponse(responseCode = "201", description = "Added; the value masked")
    @APIResponse(responseCode = "409", description = "Duplicate contact, too many contacts, or erased customer")
    public Response addContact(@PathParam("id") String id, NewContact body) {
        CustomerDetails.Contact added = customers.addContact(id, body);
        URI location = uri.getAbsolutePathBuilder().path(added.id()).build();
        return Response.created(location).entity(ContactView.of(added)).build();
    }

    @DELETE
    @Path("/{id}/contacts/{contactId}")
    @Operation(summary = "Delete a contact")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response removeContact(@PathParam("id") String id, @PathParam("contactId") String contactId) {
        customers.removeContact(id, contactId);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/erasure")
    @RolesAllowed("TENANT_ADMIN")
    @Operation(summary = "Erase the customer's personal data (right to erasure)",
            description = "Deletes every contact, replaces the name, clears externalId. The customer stays referencable "
                    + "by id and can no longer be changed. Erasing again changes nothing.")
    public CustomerView erase(@PathParam("id") String id) {
        return view(customers.erase(id));
    }

    private CustomerView view(CustomerDetails d) {
        return CustomerView.of(d, locale());
    }

    private Locale locale() {
        return Messages.firstSupported(headers.getAcceptableLanguages());
    }

    private static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static boolean flag(String value, String field) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidInputException(FieldError.of(field, "customer.flag.invalid", value.strip()));
    }

    /** Reads the PATCH body member by member: absent means "leave alone", null means "clear". */
    static CustomerChanges changes(String body) {
        JsonObject json;
        try (JsonReader r = Jsons.createReader(new StringReader(body == null || body.isBlank() ? "{}" : body))) {
            JsonValue v = r.readValue();
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new BadRequestException("the body must be a JSON object");
            }
            json = v.asJsonObject();
        } catch (JsonException e) {
            throw new BadRequestException(e.getMessage(), e);
        }
        Validation v = new Validation();
        for (String member : json.keySet()) {
            if (!CHANGEABLE.contains(member)) {
                v.reject(member, "customer.patch.unsupported", member);
            }
        }
        Long version = null;
        JsonValue ver = json.get("version");
        if (ver == null || ver.getValueType() == JsonValue.ValueType.NULL) {
            v.reject("version", "field.required");
        } else if (ver instanceof JsonNumber n && n.isIntegral()) {
            version = n.longValue();
        } else {
            v.reject("version", "customer.version.invalid");
        }
        CustomerChanges.Change name = text(json, "name", v);
        CustomerChanges.Change grade = text(json, "grade", v);
        CustomerChanges.Change status = text(json, "status", v);
        CustomerChanges.Change externalId = text(json, "externalId", v);
        jakarta.json.JsonObject fields = null;
        if (json.containsKey("fields")) {
            if (json.get("fields") instanceof jakarta.json.JsonObject f) {
                fields = f;
            } else {
                v.reject("fields", "field.type.object");
            }
        }
        v.throwIfInvalid();
        return new CustomerChanges(version, name, grade, status, externalId, fields);
    }

    private static CustomerChanges.Change text(JsonObject json, String member, Validation v) {
        if (!json.containsKey(member)) {
            return null;
        }
        JsonValue value = json.get(member);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return new CustomerChanges.Change(null);
        }
        if (value instanceof JsonString s) {
            return new CustomerChanges.Change(s.getString());
        }
        v.reject(member, "customer.value.not-text");
        return null;
    }
}
