package io.kefu.platform.audit;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;

/** Supervisors and admins read the audit trail of one subject (a ticket, a customer, a setting). */
@Path("/v1/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@RolesAllowed({"TENANT_ADMIN", "SUPERVISOR"})
public class AuditResource {

    @Inject
    AuditLog audit;

    public record Entry(String id, OffsetDateTime occurredAt, String actor, String action, String subjectType,
                        String subjectId, String before, String after) {
        static Entry of(AuditEvent e) {
            return new Entry(e.id(), e.occurredAt(), e.actor(), e.action(), e.subjectType(), e.subjectId(), e.before(), e.after());
        }
    }

    @GET
    @Operation(summary = "The audit trail of one subject, newest first")
    public List<Entry> trail(@QueryParam("subjectType") String subjectType, @QueryParam("subjectId") String subjectId,
                             @QueryParam("limit") @DefaultValue("100") int limit) {
        if (subjectType == null || subjectType.isBlank() || subjectId == null || subjectId.isBlank()) {
            throw new InvalidInputException(List.of(FieldError.of(subjectType == null || subjectType.isBlank()
                    ? "subjectType" : "subjectId", "field.required")));
        }
        return audit.forSubject(subjectType, subjectId, Math.max(1, Math.min(limit, 500))).stream().map(Entry::of).toList();
    }
}
