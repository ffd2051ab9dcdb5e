package io.kefu.platform.sla;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.io.StringReader;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.kefu.platform.audit.AuditLog;
import io.kefu.platform.json.Jsons;
import io.kefu.platform.problem.NotFoundException;
import io.kefu.platform.security.CallerContext;

/** The caller's own notifications (SLA warnings and breaches), newest first; marking them read. */
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
    Notifications notifications;

    @Inject
    CallerContext callers;

    @GET
    @Operation(summary = "My latest notifications (at most 100)", description = "kind: sla.warning or sla.breach; data: target, serviceStandard, dueAt, subject; "
            + "readAt only once read. unread: how many of all mine are unread.")
    public JsonObject mine() {
        String me = me();
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        for (Notification n : notifications.latest(me, LIMIT)) {
            items.add(json(n));
        }
        return Jsons.createObjectBuilder().add("items", items).add("unread", notifications.unread(me)).build();
    }

    @POST
    @Path("{id}/read")
    @Operation(summary = "Mark one of my notifications read", description = "Reading again keeps the first readAt; 404 notification.not-found for another's or an unknown id.")
    public JsonObject read(@PathParam("id") String id) {
        return json(notifications.markRead(me(), id).orElseThrow(() -> new NotFoundException("notification.not-found", id)));
    }

    @POST
    @Path("read")
    @Operation(summary = "Mark all my notifications read", description = "marked: how many were unread.")
    public JsonObject readAll() {
        return Jsons.createObjectBuilder().add("marked", notifications.markAllRead(me())).build();
    }

    private String me() {
        return callers.username(AuditLog.SYSTEM);
    }

    private static JsonObject json(Notification n) {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("id", n.id()).add("kind", n.kind())
                .add("ticket", n.ticketNumber()).add("createdAt", n.createdAt().toString());
        if (n.readAt() != null) {
            b.add("readAt", n.readAt().toString());
        }
        if (n.data() != null) {
            b.add("data", Jsons.createReader(new StringReader(n.data())).readObject());
        }
        return b.build();
    }
}
