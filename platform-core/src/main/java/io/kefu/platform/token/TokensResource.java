package io.kefu.platform.token;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import io.kefu.platform.identity.IdentityService;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.UnauthenticatedException;
import io.kefu.platform.problem.Validation;
import io.kefu.platform.security.CallerContext;
import io.kefu.platform.tenant.TenantCode;

/**
 * API tokens of the caller's tenant. An admin issues one with their own credentials in the body
 * (so a channel can be set up with nothing but curl), sees the secret once, lists and revokes.
 */
@Path("/v1/auth/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "auth")
@RolesAllowed("TENANT_ADMIN")
public class TokensResource {

    @Inject
    ApiTokens tokens;

    @Inject
    IdentityService identities;

    @Inject
    CallerContext callers;

    @Context
    UriInfo uri;

    public record NewToken(String tenant, String username, String password, String name) {
        @Override
        public String toString() {
            return "NewToken[tenant=" + tenant + ", username=" + username + ", name=" + name + "]";
        }
    }

    /** The answer to an issue: the only time {@code token} is ever shown. */
    @JsonbPropertyOrder({"id", "name", "token", "prefix", "createdAt"})
    public record IssuedToken(String id, String name, String token, String prefix, OffsetDateTime createdAt) {
        @Override
        public String toString() {
            return "IssuedToken[" + id + ", " + prefix + "...]";
        }
    }

    /** A token as listed: never the secret. */
    @JsonbNillable
    @JsonbPropertyOrder({"id", "name", "prefix", "username", "createdAt", "lastUsedAt", "revokedAt"})
    public record TokenView(String id, String name, String prefix, String username, OffsetDateTime createdAt,
                            OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.id(), t.name(), t.prefix(), t.username(), t.createdAt(), t.lastUsedAt(), t.revokedAt());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "Issue an API token (tenant admins)",
            description = "Authenticates with the tenant admin's own credentials in the body; no Authorization "
                    + "header is needed. The answer holds the token; it is never shown again. Use it as "
                    + "`Authorization: Bearer <token>`: it acts as that admin and selects the tenant.")
    @APIResponse(responseCode = "201", description = "Issued; `token` is shown this once")
    @APIResponse(responseCode = "400", description = "A field is missing or invalid (all are listed)")
    @APIResponse(responseCode = "401", description = "Tenant, user name or password is wrong")
    @APIResponse(responseCode = "403", description = "The user is not an admin of the tenant")
    @APIResponse(responseCode = "409", description = "A live token of this name exists in the tenant")
    public Response issue(NewToken body) {
        NewToken in = body == null ? new NewToken(null, null, null, null) : body;
        Validation v = new Validation();
        TenantCode tenant = v.check(() -> TenantCode.parse(in.tenant(), "tenant"));
        if (in.username() == null || in.username().isBlank()) {
            v.reject("username", "field.required");
        }
        if (in.password() == null || in.password().isEmpty()) {
            v.reject("password", "field.required");
        }
        String name = v.check(() -> ApiTokens.parseName(in.name(), "name"));
        v.throwIfInvalid();

        Caller.TenantUser admin = identities.authenticate(tenant, in.username().trim(), in.password().toCharArray())
                .orElseThrow(UnauthenticatedException::new);
        Optional<Caller> header = callers.current();
        if (header.isPresent() && !header.get().equals(admin)) {
            // Credentials in the header for someone else: say so rather than pick one.
            throw new InvalidInputException(FieldError.of("username", "token.caller.mismatch"));
        }
        ApiTokens.Issued issued = tokens.issue(admin, name);
        ApiToken t = issued.token();
        return Response.created(uri.getAbsolutePathBuilder().path(t.id()).build())
                .entity(new IssuedToken(t.id(), t.name(), issued.secret(), t.prefix(), t.createdAt()))
                .build();
    }

    @GET
    @SecurityRequirement(name = "basic")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The tenant's API tokens, newest first, without their secrets")
    public List<TokenView> all() {
        return tokens.all().stream().map(TokenView::of).toList();
    }

    @GET
    @Path("/{id}")
    @SecurityRequirement(name = "basic")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "One API token of the tenant, without its secret")
    @APIResponse(responseCode = "404", description = "No such token in this tenant")
    public TokenView one(@PathParam("id") String id) {
        return TokenView.of(tokens.find(id));
    }

    @DELETE
    @Path("/{id}")
    @SecurityRequirement(name = "basic")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Revoke an API token; it stops working at once (revoking twice is fine)")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such token in this tenant")
    public Response revoke(@PathParam("id") String id) {
        tokens.revoke(id);
        return Response.noContent().build();
    }
}
