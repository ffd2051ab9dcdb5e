package io.kefu.ui.ticket;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import io.kefu.platform.attachment.Attachment;
import io.kefu.platform.customer.CustomerDetails;
import io.kefu.platform.form.FieldDefinition;
import io.kefu.platform.form.FormValidator;
import io.kefu.platform.identity.Member;
import io.kefu.platform.plugin.PluginHooks;
import io.kefu.platform.problem.ConflictException;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.NotFoundException;
import io.kefu.platform.ticket.Lifecycle;
import io.kefu.platform.ticket.TicketKind;
import io.kefu.platform.ticket.TicketStatus;
import io.kefu.platform.ticket.TransitionRequest;

/**
 * Tickets in memory, shaped as the API shows them. Patches are checked against the version and
 * custom fields judged by the real {@link FormValidator}; moves by the real {@link Lifecycle}'s
 * table and required inputs, so the views meet the platform's own codes.
 */
class FakeTicketDesk extends TicketDesk {

    final Map<String, JsonObject> tickets = new HashMap<>();
    final Map<String, List<JsonObject>> events = new HashMap<>();
    List<FieldDefinition> definitions = List.of();
    final List<JsonObject> patches = new ArrayList<>();
    final List<TransitionRequest> moves = new ArrayList<>();
    final List<String> comments = new ArrayList<>();
    final List<String> uploads = new ArrayList<>();
    final List<JsonObject> created = new ArrayList<>();
    final List<JsonObject> canned = new ArrayList<>();
    final List<JsonObject> categoryList = new ArrayList<>();
    final List<CustomerDetails> customerList = new ArrayList<>();
    final List<Member> memberList = new ArrayList<>();
    /** Display names by username, as Members would read them. */
    final Map<String, String> names = new HashMap<>();
    boolean mayReveal;
    int reads;
    RuntimeException createFailure;

    static JsonObject ticket(String number, TicketKind kind, TicketStatus status, String subject, long version, JsonValue sla,
                             JsonObject fields) {
        JsonArrayBuilder allowed = Json.createArrayBuilder();
        Lifecycle.next(status).stream().map(Enum::name).sorted().forEach(allowed::add);
        JsonObjectBuilder b = Json.createObjectBuilder();
        if (kind == TicketKind.COMPLAINT) {
            b.add("complaint", Json.createObjectBuilder().addNull("severity").addNull("escalationLevel").addNull("rootCause")
                    .addNull("remedy").addNull("compensation").addNull("customerContactedAt"));
        }
        return b.add("number", number).add("kind", kind.name()).add("status", status.name())
                .add("priority", "NORMAL").add("channel", "PHONE").add("subject", subject).addNull("description")
                .addNull("category").addNull("customer").addNull("team").addNull("assignee")
                .add("fields", fields == null ? JsonValue.EMPTY_JSON_OBJECT : fields).add("retiredFields", JsonValue.EMPTY_JSON_OBJECT)
                .add("createdAt", "2026-12-01T01:00:00Z").add("createdBy", "ann").add("allowedTransitions", allowed)
                .add("version", version).add("sla", sla == null ? JsonValue.NULL : sla).build();
    }

    void put(JsonObject t) {
        tickets.put(t.getString("number"), t);
    }

    void event(String number, String type, String visibility, String actor, String body) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", number + "-" + events.getOrDefault(number, List.of()).size())
                .add("seq", events.getOrDefault(number, List.of()).size() + 1).add("at", "2026-12-01T02:00:00Z").add("actor", actor)
                .add("type", type).add("visibility", visibility);
        if (body != null) {
            b.add("body", body);
        }
        events.computeIfAbsent(number, n -> new ArrayList<>()).add(b.build());
    }

    private JsonObject find(String number) {
        JsonObject t = tickets.get(number);
        if (t == null) {
            throw new NotFoundException("ticket.not-found", number);
        }
        return t;
    }

    @Override
    public JsonObject ticket(String number, boolean reveal, Locale locale) {
        reads++;
        return find(number);
    }

    @Override
    public List<FieldDefinition> fields(TicketKind kind, String category) {
        return definitions;
    }

    @Override
    public List<JsonObject> timeline(String number) {
        return events.getOrDefault(number, List.of());
    }

    @Override
    public JsonObject patch(String number, JsonObject body, Locale locale) {
        JsonObject t = find(number);
        patches.add(body);
        long version = t.getJsonNumber("version").longValue();
        if (body.getJsonNumber("version").longValue() != version) {
            throw new ConflictException("ticket.version.conflict", number, body.getJsonNumber("version").longValue(), version);
        }
        if (body.containsKey("subject") && body.getString("subject", "").isBlank()) {
            throw new InvalidInputException(FieldError.of("subject", "field.required"));
        }
        JsonObjectBuilder b = Json.createObjectBuilder(t);
        body.forEach((k, v) -> {
            if (!k.equals("fields") && !k.equals("version")) {
                b.add(k, v);
            }
        });
        if (body.get("fields") instanceof JsonObject sent) {
            FormValidator.Outcome outcome = FormValidator.validate(definitions, TicketStatus.valueOf(t.getString("status")),
                    t.getJsonObject("fields"), sent, FormValidator.Mode.UPDATE);
            if (!outcome.valid()) {
                throw new InvalidInputException(outcome.errors());
            }
            b.add("fields", outcome.values());
        }
        JsonObject saved = b.add("version", version + 1).build();
        put(saved);
        return saved;
    }

    @Override
    public JsonObject transition(String number, TransitionRequest move, long version, Locale locale) {
        JsonObject t = find(number);
        moves.add(move);
        TicketStatus from = TicketStatus.valueOf(t.getString("status"));
        if (!Lifecycle.isLegal(from, move.to())) {
            throw new ConflictException("ticket.transition.illegal", from.name(), move.to().name());
        }
        String field = switch (move.to()) {
            case ASSIGNED -> move.assignee() == null || move.assignee().isBlank() ? "assignee" : null;
            case RESOLVED -> move.resolution() == null || move.resolution().isBlank() ? "resolution" : null;
            case PENDING_CUSTOMER, CANCELLED, REOPENED -> move.reason() == null || move.reason().isBlank() ? "reason" : null;
            default -> null;
        };
        if (field != null) {
            throw new InvalidInputException(FieldError.of(field, "field.required"));
        }
        JsonObject moved = ticket(number, TicketKind.valueOf(t.getString("kind")), move.to(), t.getString("subject"),
                t.getJsonNumber("version").longValue() + 1, t.get("sla"), t.getJsonObject("fields"));
        put(moved);
        return moved;
    }

    @Override
    public void comment(String number, String body, boolean internal) {
        find(number);
        if (body == null || body.isBlank()) {
            throw new InvalidInputException(FieldError.of("body", "field.required"));
        }
        comments.add((internal ? "note:" : "reply:") + body);
        event(number, internal ? "NOTE" : "REPLY", internal ? "INTERNAL" : "PUBLIC", "wxm", body);
    }

    @Override
    public String create(JsonObject body) {
        if (createFailure != null) {
            throw createFailure;
        }
        created.add(body);
        JsonObject sent = body.get("fields") instanceof JsonObject f ? f : null;
        FormValidator.Outcome outcome = FormValidator.validate(definitions, TicketStatus.NEW, null, sent, FormValidator.Mode.CREATE);
        List<FieldError> errors = new ArrayList<>(outcome.errors());
        if (body.getString("subject", "").isBlank()) {
            errors.add(0, FieldError.of("subject", "field.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String number = "T-NEW-" + created.size();
        put(ticket(number, TicketKind.valueOf(body.getString("kind")), TicketStatus.NEW, body.getString("subject"), 0, null,
                outcome.values()));
        return number;
    }

    @Override
    public boolean mayReveal() {
        return mayReveal;
    }

    @Override
    public List<Attachment> attachments(String number) {
        return List.of();
    }

    @Override
    public void attach(String number, String filename, InputStream content) {
        try {
            uploads.add(filename + ":" + new String(content.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        event(number, "ATTACHMENT", "PUBLIC", "wxm", null);
    }

    @Override
    public List<JsonObject> cannedReplies() {
        return canned;
    }

    @Override
    public List<JsonObject> categories() {
        return categoryList;
    }

    @Override
    public List<PluginHooks.Panel> panels(String number, Locale locale) {
        return List.of();
    }

    @Override
    public Optional<CustomerDetails> customer(String id, boolean reveal) {
        return customerList.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    @Override
    public List<JsonObject> customerTickets(String customerId, Locale locale) {
        return tickets.values().stream().filter(t -> customerId.equals(t.getString("customer", null))).toList();
    }

    @Override
    public List<CustomerDetails> findCustomers(String text) {
        return customerList.stream().filter(c -> c.name().contains(text)).toList();
    }

    @Override
    public Map<String, String> displayNames(java.util.Collection<String> usernames) {
        Map<String, String> out = new HashMap<>(names);
        out.keySet().retainAll(usernames);
        return out;
    }

    @Override
    public List<Member> assignees() {
        return memberList;
    }
}
