package io.kefu.platform.sla;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.io.StringReader;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.kefu.platform.audit.AuditLog;
import io.kefu.platform.json.Jsons;
import io.kefu.platform.security.CallerContext;

/** The caller's own notifications (SLA warnings and breaches), newest first. */
@Path("/v1/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "service-standards", description = "Service standards (SLA): targets, calendars, compliance")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@RolesAllowed({"TENANT_ADMIN", "SUPERVISOR", "AGENT"})
public class NotificationsResource {

    static final int LIMIT = 100;

    @Inject
    SlaClocks clocks;

    @Inject
    CallerContext callers;

    @GET
    @Operation(summary = "My latest notifications (at most 100)", description = "kind: sla.warning or sla.breach; data: target, serviceStandard, dueAt, subject.")
    public JsonObject mine() {
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        for (Notification n : clocks.notifications(callers.username(AuditLog.SYSTEM), LIMIT)) {
            JsonObjectBuilder b = Jsons.createObjectBuilder().add("id", n.id()).add("kind", n.kind())
                    .add("ticket", n.ticketNumber()).add("createdAt", n.createdAt().toString());
            if (n.data() != null) {
                b.add("data", Jsons.createReader(new StringReader(n.data())).readObject());
            }
            items.add(b);
        }
        return Jsons.createObjectBuilder().add("items", items).build();
    }
}
