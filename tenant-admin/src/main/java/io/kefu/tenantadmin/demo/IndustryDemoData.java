package io.kefu.tenantadmin.demo;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import io.kefu.platform.customer.Customers;
import io.kefu.platform.customer.NewContact;
import io.kefu.platform.customer.NewCustomer;
import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Role;
import io.kefu.platform.json.Jsons;
import io.kefu.platform.plugin.LoadedPlugin;
import io.kefu.platform.problem.KefuException;
import io.kefu.platform.security.CallerContext;
import io.kefu.platform.team.AssignmentStrategy;
import io.kefu.platform.team.TeamRequests;
import io.kefu.platform.team.Teams;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.platform.ticket.Channel;
import io.kefu.platform.ticket.Ticket;
import io.kefu.platform.ticket.TicketService;
import io.kefu.platform.ticket.TicketStatus;
import io.kefu.platform.ticket.TransitionRequest;
import io.kefu.plugin.api.PluginDocument;

/**
 * Fills a demo tenant with its industry plugin's {@code demo.json}: the customers, then the
 * tickets, each moved along the lifecycle to its demo status the way staff would (assigned to
 * the demo agent, worked, answered, resolved, closed), so timelines and audit look real. The
 * tickets are created now: {@code ageHours} is not applied (the ticket service has no way to
 * back-date a ticket, and should not have one).
 */
@ApplicationScoped
public class IndustryDemoData {

    private static final Logger LOG = Logger.getLogger(IndustryDemoData.class.getName());

    @Inject
    Customers customers;

    @Inject
    TicketService tickets;

    @Inject
    TenantContext tenants;

    @Inject
    CallerContext callers;

    @Inject
    Teams teams;

    /** Returns the number of customers and tickets created. */
    public int[] load(TenantCode tenant, LoadedPlugin plugin, String adminUsername, String agentUsername, String team) {
        String text = PluginDocument.DEMO.read(plugin.plugin()).orElse(null);
        if (text == null) {
            return new int[]{0, 0};
        }
        return load(tenant, text, "plugin " + plugin.id(), adminUsername, agentUsername, team);
    }

    /**
     * Loads a demo document ({@code customers} and {@code tickets}, the shape of a plugin's
     * {@code demo.json}); {@code source} names it in the log.
     */
    public int[] load(TenantCode tenant, String text, String source, String adminUsername, String agentUsername, String team) {
        JsonObject demo;
        try (JsonReader r = Jsons.createReader(new StringReader(text))) {
            demo = r.readObject();
        }
        Map<String, String> customerIds = new HashMap<>();
        int ticketCount = 0;
        try (AsAdmin ignored = asAdmin(tenant, adminUsername)) {
            for (JsonValue v : demo.getJsonArray("customers")) {
                JsonObject cu = v.asJsonObject();
                List<NewContact> contacts = new ArrayList<>();
                if (cu.containsKey("contacts")) {
                    for (JsonValue cv : cu.getJsonArray("contacts")) {
                        JsonObject ct = cv.asJsonObject();
                        contacts.add(new NewContact(ct.getString("kind"), ct.getString("value"), null, null, null));
                    }
                }
                customerIds.put(cu.getString("ref"), customers.create(new NewCustomer(cu.getString("type"), cu.getString("name"),
                        cu.getString("grade", null), null, null, contacts,
                        cu.containsKey("fields") && cu.get("fields").getValueType() == JsonValue.ValueType.OBJECT ? cu.getJsonObject("fields") : null)).id());
            }
            for (JsonValue v : demo.getJsonArray("tickets")) {
                JsonObject d = v.asJsonObject();
                TicketStatus target = TicketStatus.valueOf(d.getString("status", "NEW"));
                try {
                    Ticket created = tickets.create(body(d, customerIds, target, team), null, Channel.PHONE).ticket();
                    ticketCount++;
                    moveTo(created.number(), target, agentUsername);
                } catch (KefuException e) {
                    // The platform's own rules decide (e.g. a field value this version does not
                    // accept yet): that ticket is left out or left where it got to, the rest load.
                    LOG.warning("Demo ticket '" + d.getString("subject", "?") + "' of " + source + " refused: "
                            + e.getMessage());
                }
            }
        }
        LOG.info("Demo data of " + source + " loaded into " + tenant + ": " + customerIds.size() + " customers, "
                + ticketCount + " tickets");
        return new int[]{customerIds.size(), ticketCount};
    }

    private static JsonObject body(JsonObject d, Map<String, String> customerIds, TicketStatus target, String team) {
        JsonObjectBuilder b = Jsons.createObjectBuilder().add("kind", d.getString("kind")).add("subject", d.getString("subject"))
                .add("priority", d.getString("priority", "NORMAL")).add("channel", d.getString("channel", "PHONE"));
        if (team != null) {
            b.add("team", team);
        }
        for (String member : List.of("description", "category")) {
            if (d.containsKey(member) && !d.isNull(member)) {
                b.add(member, d.getString(member));
            }
        }
        if (d.containsKey("customer") && customerIds.containsKey(d.getString("customer"))) {
            b.add("customer", customerIds.get(d.getString("customer")));
        }
        if (d.containsKey("fields") && d.get("fields").getValueType() == JsonValue.ValueType.OBJECT) {
            b.add("fields", d.getJsonObject("fields"));
        }
        boolean resolved = target == TicketStatus.RESOLVED || target == TicketStatus.CLOSED;
        if ("COMPLAINT".equals(d.getString("kind")) && resolved) {
            // A complaint is resolved only with its root cause recorded: the category names it.
            b.add("complaint", Jsons.createObjectBuilder().add("rootCause", d.getString("category", "other")));
        }
        return b.build();
    }

    /** The demo's team code; its name is in both languages, as the demo tenants' names are. */
    static final String TEAM = "front-line";

    /**
     * A team of the given members, so that a demo supervisor's team board and the "my teams'"
     * queue show work instead of "you are not a member of any team"; its code, for the demo's
     * tickets ({@link #load}).
     */
    public String team(TenantCode tenant, String adminUsername, List<String> members) {
        try (AsAdmin ignored = asAdmin(tenant, adminUsername)) {
            teams.create(new TeamRequests.New(TEAM, "一线客服 Front line", "演示班组 / The demo's team", AssignmentStrategy.MANUAL));
            members.forEach(m -> teams.addMember(TEAM, m));
        }
        return TEAM;
    }

    /** The demo's work runs in its tenant as its admin, as if the admin had done it (the audit log says so). */
    private AsAdmin asAdmin(TenantCode tenant, String adminUsername) {
        TenantContext.Binding t = tenants.bind(tenant);
        try {
            return new AsAdmin(t, callers.actAs(new Caller.TenantUser(tenant, adminUsername, Role.TENANT_ADMIN)));
        } catch (RuntimeException e) {
            t.close();
            throw e;
        }
    }

    private record AsAdmin(TenantContext.Binding tenant, CallerContext.Binding caller) implements AutoCloseable {
        @Override
        public void close() {
            caller.close();
            tenant.close();
        }
    }

    private void moveTo(String number, TicketStatus target, String agent) {
        if (target == TicketStatus.NEW) {
            return;
        }
        tickets.transition(number, new TransitionRequest(TicketStatus.ASSIGNED, null, null, agent), null, false);
        if (target == TicketStatus.ASSIGNED) {
            return;
        }
        tickets.transition(number, TransitionRequest.to(TicketStatus.IN_PROGRESS), null, false);
        switch (target) {
            case PENDING_CUSTOMER -> tickets.transition(number,
                    new TransitionRequest(TicketStatus.PENDING_CUSTOMER, "等待客户补充材料 / Waiting for the customer's documents", null, null),
                    null, false);
            case RESOLVED, CLOSED -> {
                tickets.comment(number, "已为您处理完毕，如有疑问请随时联系我们。/ This is resolved; contact us with any question.", false, false);
                tickets.transition(number, new TransitionRequest(TicketStatus.RESOLVED, null,
                        "已按服务标准处理完毕 / Handled as the service standard requires", null), null, false);
                if (target == TicketStatus.CLOSED) {
                    tickets.recordCustomerContact(number, "电话回访，客户确认满意 / Called back; the customer confirmed", "PHONE");
                    tickets.transition(number, TransitionRequest.to(TicketStatus.CLOSED), null, false);
                }
            }
            default -> {
            }
        }
    }
}
