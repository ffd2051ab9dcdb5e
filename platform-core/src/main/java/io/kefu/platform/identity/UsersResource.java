package io.kefu.platform.identity;

import java.net.URI;
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

import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.NotFoundException;
import io.kefu.platform.problem.Validation;
import io.kefu.platform.security.CallerContext;

/** The people of the caller's tenant. Everyone sees the list (to assign work); admins add people. */
@Path("/v1/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@RolesAllowed({"TENANT_ADMIN", "SUPERVISOR", "AGENT"})
public class UsersResource {

    @Inject
    IdentityService identities;

    @Inject
    Members members;

    @Inject
    CallerContext callers;

    @Context
    UriInfo uri;

    public record NewUser(String username, String password, String role, String displayName, String email) {
        @Override
        public String toString() {
            return "NewUser[username=" + username + ", role=" + role + "]";
        }
    }

    public record UserView(String username, String role, String displayName, String email) {
        static UserView of(Member m) {
            return new UserView(m.username(), m.role().name(), m.displayName(), m.email());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("TENANT_ADMIN")
    @Operation(summary = "Add a person to the tenant")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "The user name is taken in this tenant")
    public Response create(NewUser body) {
        NewUser in = body == null ? new NewUser(null, null, null, null, null) : body;
        Validation v = new Validation();
        Username username = v.check(() -> Username.parse(in.username(), "username"));
        char[] password = v.check(() -> NewPassword.check(in.password(), "password"));
        Role role = v.check(() -> parseRole(in.role()));
        String displayName = in.displayName() == null || in.displayName().isBlank()
                ? (username == null ? null : username.value()) : in.displayName().trim();
        if (displayName != null && displayName.length() > 200) {
            v.reject("displayName", "tenant.name.length");
        }
        EmailAddress email = in.email() == null || in.email().isBlank() ? null : v.check(() -> EmailAddress.parse(in.email(), "email"));
        v.throwIfInvalid();
        var tenant = ((Caller.TenantUser) callers.current().orElseThrow()).tenant();
        Member m = identities.createUser(tenant, username, password, role, displayName, email);
        return Response.created(uri.getAbsolutePathBuilder().path(m.username()).build()).entity(UserView.of(m)).build();
    }

    @GET
    @Operation(summary = "Everyone in the tenant")
    public List<UserView> all() {
        return members.all().stream().map(UserView::of).toList();
    }

    @GET
    @Path("/{username}")
    @Operation(summary = "One person")
    public UserView one(@PathParam("username") String username) {
        return members.byUsername(username).map(UserView::of).orElseThrow(() -> new NotFoundException("user.not-found", username));
    }

    private static Role parseRole(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidInputException(FieldError.of("role", "field.required"));
        }
        try {
            return Role.valueOf(input.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(FieldError.of("role", "user.role.unknown", input.trim()));
        }
    }
}
