package io.kefu.ui.ticket;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.transaction.Transactional;

import io.kefu.platform.attachment.Attachment;
import io.kefu.platform.attachment.Attachments;
import io.kefu.platform.customer.CustomerDetails;
import io.kefu.platform.customer.CustomerFilter;
import io.kefu.platform.customer.CustomerQuery;
import io.kefu.platform.customer.Customers;
import io.kefu.platform.form.FieldDefinition;
import io.kefu.platform.form.FormDefinitions;
import io.kefu.platform.identity.Member;
import io.kefu.platform.identity.Members;
import io.kefu.platform.json.Jsons;
import io.kefu.platform.plugin.CannedReply;
import io.kefu.platform.plugin.Category;
import io.kefu.platform.plugin.PluginDefault;
import io.kefu.platform.plugin.PluginHooks;
import io.kefu.platform.plugin.TenantPlugins;
import io.kefu.platform.plugin.TicketSnapshot;
import io.kefu.platform.ticket.Channel;
import io.kefu.platform.ticket.Ticket;
import io.kefu.platform.ticket.TicketJson;
import io.kefu.platform.ticket.TicketKind;
import io.kefu.platform.ticket.TicketQuery;
import io.kefu.platform.ticket.TicketService;
import io.kefu.platform.ticket.TransitionRequest;

/**
 * What the ticket views ask of the platform, in the shapes the REST API uses: a ticket is the
 * JSON the API answers (custom fields masked unless revealed, {@code sla} in the caller's
 * language), a timeline entry the API's event JSON. Every call goes through the same platform
 * services as the API, so validation, audit and live notifications are the API's. Needs the
 * tenant and caller bound (a Vaadin request, or {@code TicketFeed}'s delivery).
 *
 * <p>Each call is one transaction, and {@link #together} makes a view's group of calls one: with
 * tenant tables per schema, every transaction costs an EclipseLink client session set up with the
 * tenant's descriptors, which was the largest cost of opening a ticket (docs/benchmarks.md).
 */
@ApplicationScoped
@Transactional
public class TicketDesk {

    /** Related tickets shown next to a ticket; the queues list the rest. */
    static final int RELATED_LIMIT = 10;

    @Inject
    TicketService tickets;

    @Inject
    Attachments attachments;

    @Inject
    TenantPlugins plugins;

    @Inject
    PluginHooks hooks;

    @Inject
    Customers customers;

    @Inject
    FormDefinitions forms;

    @Inject
    Members members;

    /**
     * Runs a view's reads (and the rendering between them) in one transaction. Only reads: a
     * write's failure would leave the rest of the group in a transaction marked for rollback.
     */
    public void together(Runnable reads) {
        reads.run();
    }

    /** The ticket as the API shows it; {@code reveal}: personal data in clear (supervisors and admins, audited). */
    public JsonObject ticket(String number, boolean reveal, Locale locale) {
        Ticket t = tickets.get(number);
        return tickets.json(t, reveal, locale);
    }

    /** The custom fields that apply to a ticket of this kind and category. */
    public List<FieldDefinition> fields(TicketKind kind, String category) {
        return forms.ticketFields(kind, category);
    }

    /** The whole timeline, internal entries included (the views are for staff). */
    public List<JsonObject> timeline(String number) {
        return tickets.timeline(number, true).stream().map(TicketJson::event).toList();
    }

    /** A JSON merge patch with the version the user saw, as {@code PATCH /v1/tickets/{n}}. */
    public JsonObject patch(String number, JsonObject body, Locale locale) {
        Ticket t = tickets.patch(number, body);
        return tickets.json(t, false, locale);
    }

    /** A move with its inputs, checked against the version the user saw. */
    public JsonObject transition(String number, TransitionRequest move, long version, Locale locale) {
        Ticket t = tickets.transition(number, move, version, false);
        return tickets.json(t, false, locale);
    }

    /** A public reply or an internal note (plain text: the platform stores text, never markup). */
    public void comment(String number, String body, boolean internal) {
        tickets.comment(number, body, internal, false);
    }

    /** A new ticket from the same JSON as {@code POST /v1/tickets}; answers its number. */
    public String create(JsonObject body) {
        return tickets.create(body, null, Channel.WEB).ticket().number();
    }

    /** Whether this caller may see personal data in clear. */
    public boolean mayReveal() {
        return tickets.mayReveal();
    }

    public List<Attachment> attachments(String number) {
        return attachments.of(number);
    }

    public void attach(String number, String filename, InputStream content) {
        attachments.attach(number, filename, content);
    }

    /** The attachment and its bytes; the caller closes the stream. */
    public Download download(String number, String attachmentId) {
        Attachment a = attachments.get(number, attachmentId);
        try {
            return new Download(a.filename(), a.contentType(), a.size(), attachments.content(a));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One attachment's content, ready to stream. */
    public record Download(String filename, String contentType, long size, InputStream content) {
    }

    /** The tenant's canned replies (from its plugins, or its own edits), as the API lists them. */
    public List<JsonObject> cannedReplies() {
        return plugins.all(CannedReply.class).stream().map(TicketDesk::content).toList();
    }

    /** The tenant's ticket categories, as the API lists them ({@code code}, {@code name}, {@code kinds}). */
    public List<JsonObject> categories() {
        return plugins.all(Category.class).stream().map(TicketDesk::content).toList();
    }

    /** What each enabled plugin shows next to the ticket; a failing or slow plugin is left out. */
    public List<PluginHooks.Panel> panels(String number, Locale locale) {
        return hooks.panels(TicketSnapshot.of(tickets.get(number)), "zh".equals(locale.getLanguage()) ? "zh-CN" : "en");
    }

    /** The ticket's customer, contacts masked unless {@code reveal} (supervisors and admins, audited). */
    public Optional<CustomerDetails> customer(String id, boolean reveal) {
        return id == null || !customers.exists(id) ? Optional.empty() : Optional.of(customers.get(id, reveal));
    }

    /** The customer's latest tickets (as the API lists them, personal data masked). */
    public List<JsonObject> customerTickets(String customerId, Locale locale) {
        TicketQuery q = TicketQuery.parse(null, null, null, null, null, customerId, null, null, null, null, null, null,
                RELATED_LIMIT + 1, null);
        return tickets.json(tickets.list(q).items(), locale);
    }

    /** Customers whose name or contact matches, for picking one on a new ticket. */
    public List<CustomerDetails> findCustomers(String text) {
        return customers.list(new CustomerQuery(new CustomerFilter(text, null, null, null), null, 20)).items();
    }

    /** What to show for these users, by username: display names where they have one (see {@link Members#displayNames}). */
    public Map<String, String> displayNames(Collection<String> usernames) {
        return members.displayNames(usernames);
    }

    /** Who a ticket may be assigned to. */
    public List<Member> assignees() {
        return members.all();
    }

    private static JsonObject content(PluginDefault d) {
        try (JsonReader r = Jsons.createReader(new StringReader(d.content()))) {
            return r.readObject();
        }
    }
}
