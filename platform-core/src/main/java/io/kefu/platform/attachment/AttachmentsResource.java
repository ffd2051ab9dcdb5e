package io.kefu.platform.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Files on a ticket: upload as the raw request body, list, download. */
@Path("/v1/tickets/{number}/attachments")
@RequestScoped
@Tag(name = "tickets")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@RolesAllowed({"TENANT_ADMIN", "SUPERVISOR", "AGENT"})
public class AttachmentsResource {

    @Inject
    Attachments attachments;

    public record AttachmentView(String id, String filename, String contentType, long size, String sha256, String createdAt,
                                 String createdBy) {
        static AttachmentView of(Attachment a) {
            return new AttachmentView(a.id(), a.filename(), a.contentType(), a.size(), a.sha256(), a.createdAt().toString(), a.createdBy());
        }
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Attach a file (the request body is the file)",
            description = "Name it with ?filename= or Content-Disposition. Images (PNG, JPEG, GIF, WebP), PDF, ZIP-based office "
                    + "documents and UTF-8 text are accepted, recognised by content; at most 10 MiB unless configured.")
    @APIResponse(responseCode = "201", description = "Attached")
    @APIResponse(responseCode = "400", description = "Empty, too large (attachment.too-large) or of a refused type (attachment.type.refused)")
    public Response upload(@PathParam("number") String number, @QueryParam("filename") String filename,
                           @HeaderParam("Content-Disposition") String disposition, InputStream body) {
        Attachment a = attachments.attach(number, filename != null ? filename : filenameFrom(disposition), body);
        return Response.status(Response.Status.CREATED).entity(AttachmentView.of(a)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The ticket's attachments")
    public List<AttachmentView> list(@PathParam("number") String number) {
        return attachments.of(number).stream().map(AttachmentView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download an attachment")
    public Response download(@PathParam("number") String number, @PathParam("id") String id) throws IOException {
        Attachment a = attachments.get(number, id);
        InputStream in = attachments.content(a);
        StreamingOutput out = os -> {
            try (in) {
                in.transferTo(os);
            }
        };
        return Response.ok(out, a.contentType())
                .header("Content-Length", a.size())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(a.filename(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .build();
    }

    /** {@code attachment; filename="a.png"} or RFC 6266's {@code filename*=UTF-8''%E5%9B%BE.png}. */
    static String filenameFrom(String disposition) {
        if (disposition == null) {
            return null;
        }
        for (String part : disposition.split(";")) {
            String p = part.strip();
            if (p.toLowerCase().startsWith("filename*=")) {
                String v = p.substring(10);
                int quote = v.indexOf("''");
                return java.net.URLDecoder.decode(quote >= 0 ? v.substring(quote + 2) : v, StandardCharsets.UTF_8);
            }
        }
        for (String part : disposition.split(";")) {
            String p = part.strip();
            if (p.toLowerCase().startsWith("filename=")) {
                return p.substring(9).replace("\"", "");
            }
        }
        return null;
    }
}
