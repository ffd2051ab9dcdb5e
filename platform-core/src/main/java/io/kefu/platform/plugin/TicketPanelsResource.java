package io.kefu.platform.plugin;

import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.kefu.platform.i18n.Messages;
import io.kefu.platform.json.Jsons;
import io.kefu.platform.ticket.TicketService;

/** The side panels of a ticket: read-only facts from each enabled plugin, e.g. a parcel's tracking events. */
@Path("/v1/tickets/{number}/panels")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tickets")
@SecurityRequirement(name = "basic")
@RolesAllowed({"TENANT_ADMIN", "SUPERVISOR", "AGENT"})
public class TicketPanelsResource {

    @Inject
    TicketService tickets;

    @Inject
    PluginHooks hooks;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "Side-panel facts from every enabled plugin",
            description = "items: {plugin, title {zh-CN, en}, facts [{label {zh-CN, en}, value, at}]}. A plugin that fails "
                    + "or is slower than its time limit is left out.")
    public JsonObject panels(@PathParam("number") String number) {
        Locale locale = Messages.firstSupported(headers.getAcceptableLanguages());
        String language = locale.getLanguage().equals("zh") ? "zh-CN" : "en";
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        hooks.panels(TicketSnapshot.of(tickets.get(number)), language).forEach(p -> items.add(PluginJson.panel(p)));
        return Jsons.createObjectBuilder().add("items", items).build();
    }
}
