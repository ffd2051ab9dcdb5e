package io.kefu.platform.ticket;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import io.kefu.platform.audit.AuditLog;
import io.kefu.platform.customer.Customers;
import io.kefu.platform.form.FieldDefinition;
import io.kefu.platform.form.FieldProjection;
import io.kefu.platform.form.FieldValues;
import io.kefu.platform.form.FormDefinitions;
import io.kefu.platform.form.FormValidator;
import io.kefu.platform.idempotency.Idempotency;
import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Members;
import io.kefu.platform.json.Jsons;
import io.kefu.platform.plugin.PluginHooks;
import io.kefu.platform.plugin.TicketSnapshot;
import io.kefu.platform.team.Team;
import io.kefu.platform.team.TeamAssignment;
import io.kefu.platform.team.Teams;
import io.kefu.platform.problem.ConflictException;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.ForbiddenException;
import io.kefu.platform.problem.Inputs;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.NotFoundException;
import io.kefu.platform.security.CallerContext;
import io.kefu.platform.settings.SettingKey;
import io.kefu.platform.settings.TenantSettings;
import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * Runs tickets through their life for the bound tenant: create (idempotently), read, list,
 * edit with optimistic locking, move through the lifecycle, comment. Every change lands on the
 * ticket's timeline and in the audit log in the same transaction.
 */
@ApplicationScoped
@Transactional
public class TicketService {

    public static final int BODY_MAX = 20_000;

    @Inject
    TenantPersistence data;

    @Inject
    Instance<TimelineSource> timelineSources;

    @Inject
    TicketNumbers numbers;

    @Inject
    TenantSettings settings;

    @Inject
    AuditLog audit;

    @Inject
    CallerContext callers;

    @Inject
    Members members;

    @Inject
    Customers customers;

    @Inject
    Teams teams;

    @Inject
    Idempotency idempotency;

    @Inject
    TeamAssignment teamAssignment;

    @Inject
    FormDefinitions forms;

    @Inject
    FieldProjection projection;

    @Inject
    Event<TicketChanged> changes;

    @Inject
    PluginHooks pluginHooks;

    /** The service standards, when the feature is deployed (it always is in Kefu's WAR). */
    @Inject
    Instance<TicketSla> sla;

    Clock clock = Clock.systemUTC();

    /** The ticket created, and whether it was created by an earlier request with the same key. */
    public record Created(Ticket ticket, boolean replayed) {
    }

    public Created create(JsonObject body, String idempotencyKey, Channel defaultChannel) {
        // The ticket's own members and its custom fields are judged together: one answer lists all.
        List<FieldError> errors = new ArrayList<>();
        TicketDraft parsed = null;
        try {
            parsed = TicketRequests.draft(body, defaultChannel);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        TicketKind kind = parsed != null ? parsed.kind() : TicketRequests.kindOrNull(body);
        String category = parsed != null ? parsed.category() : TicketRequests.categoryOrNull(body);
        List<FieldDefinition> fieldDefs = kind == null ? List.of() : forms.ticketFields(kind, category);
        FormValidator.Outcome fields = FormValidator.validate(fieldDefs, TicketStatus.NEW, null, TicketRequests.fields(body),
                FormValidator.Mode.CREATE);
        errors.addAll(fields.errors());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        TicketDraft draft = parsed;
        requireCustomer(draft.customerId());
        if (draft.teamId() != null) {
            draft = draft.withTeamId(teamId(draft.teamId(), "team"));
        }
        EntityManager em = data.entityManager();
        Optional<Idempotency.Claim> claim = idempotency.claim("ticket", idempotencyKey, body == null ? "{}" : body.toString());
        if (claim.isPresent()) {
            Optional<String> earlier = idempotency.earlier(claim.get());
            if (earlier.isPresent()) {
                return new Created(em.find(Ticket.class, earlier.get()), true);
            }
        }
        Instant now = clock.instant();
        Ticket t = Ticket.open(numbers.next(now), draft, actorName(), now);
        if (!fields.values().isEmpty()) {
            t.storeCustomFields(fields.values().toString());
        }
        em.persist(t);
        if (!fields.values().isEmpty()) {
            em.flush(); // the ticket row first: its field values refer to it
            projection.replace(t.id(), fieldDefs, fields.values());
        }
        TicketSnapshot snapshot = TicketSnapshot.of(t);
        // Hooks hear the tenant's language; objections carry both and are rendered in the caller's.
        String language = settings.get(SettingKey.DEFAULT_LOCALE);
        List<PluginHooks.Objection> objections = pluginHooks.validate(snapshot, language);
        if (!objections.isEmpty()) {
            // Plugins' messages come in both languages; the bundle's text picks the caller's.
            throw new InvalidInputException(objections.stream().map(o -> FieldError.of(o.problem().field(), "plugin.validation",
                    o.pluginId(), o.problem().message().zhCN(), o.problem().message().en())).toList());
        }
        event(em, t, now, EventType.CREATED, TicketEvent.Visibility.PUBLIC, null,
                Jsons.createObjectBuilder().add("status", TicketStatus.NEW.name()).add("kind", t.kind().name()).build());
        var created = t.auditState();
        created.put("fields", FieldValues.logged(fieldDefs, fields.changes(), false));
        audit.record("ticket.created", "ticket", t.number(), null, created);
        claim.ifPresent(c -> idempotency.remember(c, t.id()));
        changes.fire(new TicketChanged(t, TicketChanged.Change.CREATED, t.status(), now));
        pluginHooks.created(snapshot, language);
        return new Created(t, false);
    }

    public Ticket get(String number) {
        return data.entityManager().createQuery("select t from Ticket t where t.number = :n", Ticket.class)
                .setParameter("n", number).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("ticket.not-found", number));
    }

    /** One page, and the cursor for the next one (null on the last page). */
    public record Page(List<Ticket> items, String nextCursor) {
    }

    public Page list(TicketQuery asked) {
        return list(asked, null, null);
    }

    /**
     * As {@link #list(TicketQuery)}, with one more JPQL condition on {@code t} from another
     * feature (the service standards' {@code sla} filter) and its one named parameter.
     */
    public Page list(TicketQuery asked, String condition, Object[] parameter) {
        return window(asked, condition == null ? null
                : new Condition(condition, parameter == null ? Map.of() : Map.of((String) parameter[0], parameter[1])), 0);
    }

    /**
     * A JPQL condition on the ticket alias {@code t} that another feature adds to a query (the
     * service standards' at-risk and breached conditions, a queue's teams), with its named
     * parameters. Parameter names must not clash with {@link TicketQuery}'s own.
     */
    public record Condition(String jpql, Map<String, Object> parameters) {
        public Condition {
            parameters = Map.copyOf(parameters);
        }

        /** Both conditions; either may be null. */
        public static Condition and(Condition a, Condition b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            Map<String, Object> both = new HashMap<>(a.parameters);
            both.putAll(b.parameters);
            return new Condition("(" + a.jpql + ") and (" + b.jpql + ")", both);
        }
    }

    /**
     * One page of the query that starts {@code skip} rows after its cursor (or after the start
     * without one), with the cursor after its last row. A lazy grid asks by offset; it keeps
     * the cursors of pages it has read and asks from the nearest one, so the database steps
     * over a few rows from a keyset position rather than over the whole offset (see
     * docs/adr/0013-queues-and-saved-filters.md for the figures).
     */
    public Page window(TicketQuery asked, Condition extra, int skip) {
        if (skip < 0) {
            throw new InvalidInputException(FieldError.of("offset", "field.out-of-range", 0, Integer.MAX_VALUE));
        }
        TicketQuery q = resolveTeam(asked);
        TicketQuery.Jpql jpql = jpql(q);
        String where = where(jpql, extra);
        if (jpql.sortValue() != null) {
            // Sorted by a custom field: the next cursor carries the last row's value of it.
            TypedQuery<Object[]> byField = data.entityManager().createQuery(
                    "select t, " + jpql.sortValue() + " from Ticket t" + jpql.from() + where + jpql.orderBy(), Object[].class);
            bind(byField, jpql, extra);
            List<Object[]> rows = byField.setFirstResult(skip).setMaxResults(q.limit() + 1).getResultList();
            boolean more = rows.size() > q.limit();
            List<Object[]> page = more ? rows.subList(0, q.limit()) : rows;
            String next = null;
            if (more) {
                Object[] last = page.get(page.size() - 1);
                Object v = last[1];
                String text = v instanceof java.math.BigDecimal d ? d.toPlainString()
                        : v instanceof java.time.OffsetDateTime o ? o.withOffsetSameInstant(java.time.ZoneOffset.UTC).toString() : String.valueOf(v);
                next = TicketQuery.Cursor.field(((Ticket) last[0]).id(), text).encode();
            }
            return new Page(page.stream().map(r -> (Ticket) r[0]).toList(), next);
        }
        TypedQuery<Ticket> query = data.entityManager()
                .createQuery("select t from Ticket t" + jpql.from() + where + jpql.orderBy(), Ticket.class);
        bind(query, jpql, extra);
        List<Ticket> rows = query.setFirstResult(skip).setMaxResults(q.limit() + 1).getResultList();
        boolean more = rows.size() > q.limit();
        List<Ticket> page = more ? rows.subList(0, q.limit()) : rows;
        String next = null;
        if (more) {
            Ticket last = page.get(page.size() - 1);
            Instant at = (q.sort() == TicketQuery.Sort.CREATED_ASC || q.sort() == TicketQuery.Sort.CREATED_DESC
                    ? last.createdAt() : last.updatedAt()).toInstant();
            next = new TicketQuery.Cursor(at, last.id()).encode();
        }
        return new Page(List.copyOf(page), next);
    }

    /** How many tickets the query matches (its cursor, sort and limit aside). */
    public long count(TicketQuery asked, Condition extra) {
        TicketQuery q = resolveTeam(asked.from(null));
        TicketQuery.Jpql jpql = jpql(q);
        TypedQuery<Long> query = data.entityManager()
                .createQuery("select count(t) from Ticket t" + jpql.from() + where(jpql, extra), Long.class);
        bind(query, jpql, extra);
        return query.getSingleResult();
    }

    /** A team is named by id or code; an unknown one simply matches nothing. */
    private TicketQuery resolveTeam(TicketQuery asked) {
        return asked.team() == null ? asked : asked.withTeam(teams.find(asked.team()).map(Team::id).orElse("-none-"));
    }

    private TicketQuery.Jpql jpql(TicketQuery q) {
        FormDefinitions.TicketFields current = forms.ticketFields();
        return q.where(key -> current.type(key)
                .orElseThrow(() -> new InvalidInputException(FieldError.of("field." + key, "field.unknown"))), postgres());
    }

    /** The query's own filters, and a caller's extra condition ANDed to them. */
    private static String where(TicketQuery.Jpql jpql, Condition extra) {
        return extra == null ? jpql.where()
                : (jpql.where().isEmpty() ? " where " : jpql.where() + " and ") + "(" + extra.jpql() + ")";
    }

    private static void bind(jakarta.persistence.Query query, TicketQuery.Jpql jpql, Condition extra) {
        for (Object[] p : jpql.params()) {
            query.setParameter((String) p[0], p[1]);
        }
        if (extra != null) {
            extra.parameters().forEach(query::setParameter);
        }
    }

    /** Applies a merge patch if the client saw the current version. */
    public Ticket patch(String number, JsonObject body) {
        Ticket t = get(number);
        List<FieldError> errors = new ArrayList<>();
        TicketRequests.Patch parsed = null;
        try {
            parsed = TicketRequests.patch(body, t.kind());
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        JsonObject sentFields = TicketRequests.fields(body);
        List<FieldDefinition> fieldDefs = List.of();
        FormValidator.Outcome fields = null;
        if (sentFields != null) {
            // A change of category in the same patch chooses the forms the values are judged by.
            String category = parsed != null && parsed.edit().category() != null ? parsed.edit().category().orNull() : t.category();
            fieldDefs = forms.ticketFields(t.kind(), category);
            fields = FormValidator.validate(fieldDefs, t.status(), storedFields(t), sentFields, FormValidator.Mode.UPDATE);
            errors.addAll(fields.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        TicketRequests.Patch patch = parsed;
        requireVersion(t, patch.version());
        if (patch.edit().customerId() != null) {
            requireCustomer(patch.edit().customerId().orNull());
        }
        TicketEdit edit = patch.edit();
        if (edit.teamId() != null && edit.teamId().orNull() != null) {
            edit = edit.withTeamId(new TicketEdit.Value(teamId(edit.teamId().orNull(), "team")));
        }
        Instant now = clock.instant();
        var before = t.auditState();
        List<FieldChange> changes = new ArrayList<>(t.edit(edit, now));
        var after = t.auditState();
        if (fields != null && !fields.changes().isEmpty()) {
            t.storeCustomFields(fields.values().isEmpty() ? null : fields.values().toString());
            t.recordActivity(now);
            projection.replace(t.id(), fieldDefs, fields.values());
            Map<String, FieldDefinition> defs = new HashMap<>();
            fieldDefs.forEach(d -> defs.put(d.key(), d));
            for (FormValidator.Change c : fields.changes()) {
                FieldDefinition d = defs.get(c.key());
                changes.add(new FieldChange("fields." + c.key(), FieldValues.logged(d, c.before()), FieldValues.logged(d, c.after())));
            }
            before.put("fields", FieldValues.logged(fieldDefs, fields.changes(), true));
            after = t.auditState();
            after.put("fields", FieldValues.logged(fieldDefs, fields.changes(), false));
        }
        if (!changes.isEmpty()) {
            EntityManager em = data.entityManager();
            for (FieldChange c : changes) {
                event(em, t, now, EventType.FIELD_CHANGE, TicketEvent.Visibility.INTERNAL, null, change(c));
            }
            audit.record("ticket.updated", "ticket", t.number(), before, after);
            flush(t);
            this.changes.fire(TicketChanged.of(t, matchedOrOther(changes), t.status(), now, changes));
        }
        return t;
    }

    /** Fields a service standard matches on (the customer: through the customer's grade). */
    private static final java.util.Set<String> MATCHED_FIELDS = java.util.Set.of("priority", "category", "customer");

    /** One event per edit: MATCHED_FIELDS when a service standard may now match differently, else FIELDS. */
    private static TicketChanged.Change matchedOrOther(List<FieldChange> changed) {
        return changed.stream().anyMatch(c -> MATCHED_FIELDS.contains(c.field()))
                ? TicketChanged.Change.MATCHED_FIELDS : TicketChanged.Change.FIELDS;
    }

    /**
     * The ticket as the API shows it: custom fields by the current forms (retired ones apart),
     * personal data masked unless {@code reveal}, which only supervisors and admins may ask and
     * which is audited (the field keys shown, never the values); its service standard in
     * {@code locale}. One transaction reads the forms and the clocks.
     */
    public JsonObject json(Ticket t, boolean reveal, Locale locale) {
        if (reveal && !mayReveal()) {
            throw new ForbiddenException("ticket.reveal.forbidden");
        }
        FormDefinitions.TicketFields current = forms.ticketFields();
        List<FieldDefinition> defs = current.of(t.kind(), t.category());
        JsonObject stored = storedFields(t);
        if (reveal) {
            List<String> personal = new ArrayList<>();
            if (stored != null) {
                stored.keySet().stream().sorted().forEach(k -> defs.stream().filter(d -> d.key().equals(k)).findFirst()
                        .or(() -> current.last(k)).filter(FieldDefinition::personalData).ifPresent(d -> personal.add(k)));
            }
            if (!personal.isEmpty()) {
                audit.recordRead("ticket", t.number(), Map.of("fields", personal));
            }
        }
        return TicketJson.ticket(t, FieldValues.show(defs, stored, reveal, current::last), standards(List.of(t), locale).get(0));
    }

    /** Tickets as a list shows them: personal data always masked; the page's clocks read in one query. */
    public List<JsonObject> json(List<Ticket> tickets, Locale locale) {
        FormDefinitions.TicketFields current = forms.ticketFields();
        List<JsonValue> standards = standards(tickets, locale);
        List<JsonObject> out = new ArrayList<>(tickets.size());
        for (int i = 0; i < tickets.size(); i++) {
            Ticket t = tickets.get(i);
            out.add(TicketJson.ticket(t, FieldValues.show(current.of(t.kind(), t.category()), storedFields(t), false, current::last),
                    standards.get(i)));
        }
        return out;
    }

    /** Each ticket's custom fields as a list shows them (personal data masked), for lists that show no more of the ticket. */
    public List<JsonObject> shownFields(List<Ticket> tickets) {
        FormDefinitions.TicketFields current = forms.ticketFields();
        return tickets.stream().map(t -> FieldValues.show(current.of(t.kind(), t.category()), storedFields(t), false, current::last).fields())
                .toList();
    }

    /** Each ticket's {@code sla} member; all null when the service standards are not deployed. */
    private List<JsonValue> standards(List<Ticket> tickets, Locale locale) {
        return sla.isResolvable() ? sla.get().of(tickets, locale) : java.util.Collections.nCopies(tickets.size(), JsonValue.NULL);
    }

    /** Whether the caller may see personal data in clear (supervisors, admins, Kefu itself). */
    public boolean mayReveal() {
        Caller caller = callers.current().orElse(null);
        return !(caller instanceof Caller.TenantUser u) || u.role() != io.kefu.platform.identity.Role.AGENT;
    }

    /** KPI aggregation over the tenant's tickets (see {@link FormDefinitions#aggregate}). */
    public List<FieldProjection.Group> aggregateField(String numericKey, String groupKey) {
        return forms.aggregate(numericKey, groupKey);
    }

    private static JsonObject storedFields(Ticket t) {
        return t.customFields() == null ? null : Jsons.createReader(new StringReader(t.customFields())).readObject();
    }

    /**
     * Moves a ticket. {@code byCustomer}: a channel relays the customer's own action (confirm,
     * reopen, answer) and the move is judged as the customer's.
     */
    public Ticket transition(String number, TransitionRequest move, Long expectedVersion, boolean byCustomer) {
        return transition(number, move, expectedVersion, byCustomer, null);
    }

    /**
     * As above; assigning without an assignee lets the team choose by its strategy (round-robin,
     * least-loaded): the team named in {@code teamRef}, which then becomes the ticket's team, or
     * else the ticket's own team.
     */
    public Ticket transition(String number, TransitionRequest requested, Long expectedVersion, boolean byCustomer, String teamRef) {
        Ticket t = get(number);
        if (expectedVersion != null) {
            requireVersion(t, expectedVersion);
        }
        TransitionRequest move = requested;
        boolean noAssignee = move.assignee() == null || move.assignee().isBlank();
        if (move.to() == TicketStatus.ASSIGNED && noAssignee && (teamRef != null || t.teamId() != null)
                && Lifecycle.isLegal(t.status(), TicketStatus.ASSIGNED)) {
            String team = teamRef != null ? teamId(teamRef, "team") : t.teamId();
            if (!team.equals(t.teamId())) {
                List<FieldChange> moved = t.edit(new TicketEdit(null, null, null, null, null, new TicketEdit.Value(team), null, null),
                        clock.instant());
                moved.forEach(c -> event(data.entityManager(), t, clock.instant(), EventType.FIELD_CHANGE,
                        TicketEvent.Visibility.INTERNAL, null, change(c)));
            }
            String chosen = teamAssignment.pickAssignee(team)
                    .orElseThrow(() -> new InvalidInputException(FieldError.of("assignee", "team.no-assignee")));
            move = move.withAssignee(chosen);
        }
        if (move.to() == TicketStatus.ASSIGNED && move.assignee() != null && !move.assignee().isBlank()
                && members.byUsername(move.assignee().strip()).filter(m -> m.role() != null).isEmpty()) {
            throw new InvalidInputException(FieldError.of("assignee", "user.not-found", move.assignee().strip()));
        }
        Instant now = clock.instant();
        Actor actor = actor(byCustomer, t);
        var before = t.auditState();
        TicketStatus from = t.status();
        List<FieldChange> changes = t.transition(move, actor, now, reopenWindow());
        EntityManager em = data.entityManager();
        var details = Jsons.createObjectBuilder().add("from", from.name()).add("to", move.to().name());
        if (move.reason() != null && !move.reason().isBlank()) {
            details.add("reason", move.reason().strip());
        }
        if (move.to() == TicketStatus.RESOLVED) {
            details.add("resolution", move.resolution().strip());
        }
        if (byCustomer) {
            details.add("relayedBy", actorName());
        }
        event(em, t, now, EventType.STATUS_CHANGE, TicketEvent.Visibility.PUBLIC, null, details.build(), actor);
        for (FieldChange c : changes) {
            if (c.field().equals("assignee")) {
                event(em, t, now, EventType.ASSIGNMENT, TicketEvent.Visibility.INTERNAL, null, change(c), actor);
            }
        }
        audit.record("ticket.transitioned", "ticket", t.number(), before, t.auditState());
        flush(t);
        if (from != t.status()) {
            this.changes.fire(TicketChanged.of(t, TicketChanged.Change.STATUS, from, now, changes));
        } else if (changes.stream().anyMatch(c -> c.field().equals("assignee"))) {
            this.changes.fire(TicketChanged.of(t, TicketChanged.Change.ASSIGNMENT, from, now, changes));
        }
        pluginHooks.transitioned(TicketSnapshot.of(t), from.name(), move.to().name(), settings.get(SettingKey.DEFAULT_LOCALE));
        return t;
    }

    /** A public reply or an internal note by staff, or a message from the customer relayed by a channel. */
    public TicketEvent comment(String number, String body, boolean internal, boolean byCustomer) {
        String text = Inputs.text(body, "body", BODY_MAX, true);
        if (internal && byCustomer) {
            throw new InvalidInputException(FieldError.of("internal", "ticket.comment.customer-internal"));
        }
        Ticket t = get(number);
        if (t.status().isTerminal()) {
            throw new ConflictException("ticket.read-only", t.number(), t.status().name());
        }
        Instant now = clock.instant();
        Actor actor = actor(byCustomer, t);
        EventType type = byCustomer ? EventType.CUSTOMER_MESSAGE : internal ? EventType.NOTE : EventType.REPLY;
        if (type == EventType.REPLY) {
            t.recordPublicReply(now);
        } else {
            t.recordActivity(now);
        }
        TicketEvent e = event(data.entityManager(), t, now, type,
                internal ? TicketEvent.Visibility.INTERNAL : TicketEvent.Visibility.PUBLIC, text,
                byCustomer ? Jsons.createObjectBuilder().add("relayedBy", actorName()).build() : null, actor);
        flush(t);
        changes.fire(new TicketChanged(t, switch (type) {
            case CUSTOMER_MESSAGE -> TicketChanged.Change.CUSTOMER_MESSAGE;
            case NOTE -> TicketChanged.Change.INTERNAL_NOTE;
            default -> TicketChanged.Change.PUBLIC_REPLY;
        }, t.status(), now));
        return e;
    }

    /** Records a contact with the customer about a complaint (required before it may close). */
    public TicketEvent recordCustomerContact(String number, String summary, String channel) {
        String text = Inputs.text(summary, "summary", BODY_MAX, true);
        Channel via = Inputs.enumValue(Channel.class, channel, "channel", Channel.PHONE);
        Ticket t = get(number);
        if (t.status().isTerminal()) {
            throw new ConflictException("ticket.read-only", t.number(), t.status().name());
        }
        Instant now = clock.instant();
        t.recordCustomerContact(now);
        TicketEvent e = event(data.entityManager(), t, now, EventType.CUSTOMER_CONTACT, TicketEvent.Visibility.INTERNAL, text,
                Jsons.createObjectBuilder().add("channel", via.name()).build());
        audit.record("ticket.customer-contacted", "ticket", t.number(), null,
                java.util.Map.of("channel", via.name(), "at", now.toString()));
        flush(t);
        changes.fire(new TicketChanged(t, TicketChanged.Change.CUSTOMER_CONTACT, t.status(), now));
        return e;
    }

    /**
     * Puts what the service standards did on the ticket's timeline (internal): a clock started,
     * was recomputed, warned or breached. {@code details} carries the codes and instants.
     */
    public void recordServiceStandardEvent(Ticket t, Instant at, JsonObject details) {
        event(data.entityManager(), t, at, EventType.SLA, TicketEvent.Visibility.INTERNAL, null, details, Actor.system());
        String change = details.getString("change", "");
        // Warnings and breaches are news for open views; starting and recomputing clocks ride on the change that caused them.
        if (change.equals("WARNED") || change.equals("BREACHED")) {
            changes.fire(new TicketChanged(t, TicketChanged.Change.SERVICE_STANDARD, t.status(), at));
        }
    }

    /**
     * A breached service standard raises the priority one step (LOW to NORMAL to HIGH to
     * URGENT), as Kefu. Returns false when it is already URGENT or the ticket is read-only.
     */
    public boolean raisePriorityForBreach(Ticket t, String ruleCode) {
        if (t.priority() == Priority.URGENT || t.status().isTerminal()) {
            return false;
        }
        Priority higher = Priority.values()[t.priority().ordinal() - 1];
        return systemEdit(t, new TicketEdit(null, null, higher, null, null, null, null, null), ruleCode);
    }

    /** A breached service standard tags the ticket {@code escalated}; false when it already is. */
    public boolean markEscalatedForBreach(Ticket t, String ruleCode) {
        if (t.tags().contains(ESCALATED_TAG) || t.status().isTerminal()) {
            return false;
        }
        List<String> tags = new java.util.ArrayList<>(t.tags());
        tags.add(ESCALATED_TAG);
        return systemEdit(t, new TicketEdit(null, null, null, null, null, null, tags, null), ruleCode);
    }

    /**
     * A breached service standard moves the ticket to {@code teamRef}; the team's strategy picks
     * the assignee when the lifecycle allows assigning now. Returns the new assignee, or null
     * when the team chose nobody (the ticket then waits in the team's queue).
     */
    public String reassignForBreach(Ticket t, String teamRef, String ruleCode) {
        if (t.status().isTerminal()) {
            return null;
        }
        String team = teamId(teamRef, "team");
        if (!team.equals(t.teamId())) {
            systemEdit(t, new TicketEdit(null, null, null, null, null, new TicketEdit.Value(team), null, null), ruleCode);
        }
        if (!Lifecycle.isLegal(t.status(), TicketStatus.ASSIGNED)) {
            return null;
        }
        Optional<String> chosen = teamAssignment.pickAssignee(team);
        if (chosen.isEmpty() || chosen.get().equals(t.assignee())) {
            return null;
        }
        transition(t.number(), TransitionRequest.to(TicketStatus.ASSIGNED).withAssignee(chosen.get())
                .withReason("service standard " + ruleCode + " breached"), null, false);
        return chosen.get();
    }

    /** The tag a breach with MARK_ESCALATED puts on a ticket. */
    public static final String ESCALATED_TAG = "escalated";

    private boolean systemEdit(Ticket t, TicketEdit edit, String ruleCode) {
        Instant now = clock.instant();
        var before = t.auditState();
        List<FieldChange> changed = t.edit(edit, now);
        if (changed.isEmpty()) {
            return false;
        }
        EntityManager em = data.entityManager();
        for (FieldChange c : changed) {
            JsonObject details = Jsons.createObjectBuilder(change(c)).add("serviceStandard", ruleCode).build();
            event(em, t, now, EventType.FIELD_CHANGE, TicketEvent.Visibility.INTERNAL, null, details, Actor.system());
        }
        audit.record("ticket.updated", "ticket", t.number(), before, t.auditState());
        changes.fire(TicketChanged.of(t, matchedOrOther(changed), t.status(), now, changed));
        return true;
    }

    /**
     * Numbers of resolved tickets whose confirmation window has passed: the customer did not
     * answer within the tenant's auto-close days. Complaints wait for their customer contact.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<String> dueForAutoClose(Instant now, int limit) {
        long days = Long.parseLong(settings.get(SettingKey.TICKET_AUTO_CLOSE_DAYS));
        return data.entityManager().createQuery("select t.number from Ticket t where t.status = :resolved and t.resolvedAt <= :due"
                        + " and (t.kind <> :complaint or t.customerContactedAt is not null) order by t.resolvedAt", String.class)
                .setParameter("resolved", TicketStatus.RESOLVED)
                .setParameter("due", now.minus(Duration.ofDays(days)).atOffset(java.time.ZoneOffset.UTC))
                .setParameter("complaint", TicketKind.COMPLAINT)
                .setMaxResults(limit).getResultList();
    }

    /** Closes one ticket on Kefu's own authority, in its own transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void autoClose(String number) {
        long days = Long.parseLong(settings.get(SettingKey.TICKET_AUTO_CLOSE_DAYS));
        transition(number, TransitionRequest.to(TicketStatus.CLOSED).withReason("auto-close: no confirmation within " + days + " days"),
                null, false);
    }

    /** Puts a new attachment on the ticket's timeline (public: the customer may see what was attached). */
    public TicketEvent recordAttachment(Ticket t, String attachmentId, String filename, long size) {
        Instant now = clock.instant();
        t.recordActivity(now);
        TicketEvent e = event(data.entityManager(), t, now, EventType.ATTACHMENT, TicketEvent.Visibility.PUBLIC, null,
                Jsons.createObjectBuilder().add("attachment", attachmentId).add("filename", filename).add("size", size).build());
        flush(t);
        changes.fire(new TicketChanged(t, TicketChanged.Change.ATTACHMENT, t.status(), now));
        return e;
    }

    /**
     * The timeline, oldest first; internal entries only for staff who ask for them, and with
     * them the entries other features keep elsewhere ({@link TimelineSource}), each after the
     * last stored entry not later than it.
     */
    public List<TicketEvent> timeline(String number, boolean includeInternal) {
        Ticket t = get(number);
        String visibility = includeInternal ? "" : " and e.visibility = :public";
        TypedQuery<TicketEvent> q = data.entityManager().createQuery(
                "select e from TicketEvent e where e.ticketId = :id" + visibility + " order by e.seq", TicketEvent.class)
                .setParameter("id", t.id());
        if (!includeInternal) {
            q.setParameter("public", TicketEvent.Visibility.PUBLIC);
            return q.getResultList();
        }
        List<TicketEvent> kept = new ArrayList<>();
        timelineSources.forEach(s -> kept.addAll(s.entries(t.id())));
        return merged(q.getResultList(), kept);
    }

    /** Stored entries (by seq) with kept ones placed by time: a kept entry goes before the first stored entry later than it. */
    static List<TicketEvent> merged(List<TicketEvent> stored, List<TicketEvent> kept) {
        if (kept.isEmpty()) {
            return stored;
        }
        List<TicketEvent> pending = new ArrayList<>(kept);
        pending.sort(java.util.Comparator.comparing(TicketEvent::occurredAt));
        List<TicketEvent> out = new ArrayList<>(stored.size() + pending.size());
        int k = 0;
        int seq = 0;
        for (TicketEvent e : stored) {
            while (k < pending.size() && pending.get(k).occurredAt().isBefore(e.occurredAt())) {
                out.add(pending.get(k++).after(seq));
            }
            out.add(e);
            seq = e.seq();
        }
        while (k < pending.size()) {
            out.add(pending.get(k++).after(seq));
        }
        return out;
    }

    /** PostgreSQL answers equality on custom fields from its jsonb index (ADR 0006). */
    private boolean postgres() {
        return data.postgres();
    }

    /** The id of the bound tenant's team named by id or code, or a field error. */
    private String teamId(String ref, String field) {
        return teams.find(ref).map(Team::id)
                .orElseThrow(() -> new InvalidInputException(FieldError.of(field, "team.not-found", ref)));
    }

    /** A ticket may only point to a customer of its own tenant. */
    private void requireCustomer(String customerId) {
        if (customerId != null && !customers.exists(customerId)) {
            throw new InvalidInputException(FieldError.of("customer", "customer.not-found", customerId));
        }
    }

    private void requireVersion(Ticket t, long expected) {
        if (t.version() != expected) {
            throw new ConflictException("ticket.version.conflict", t.number(), expected, t.version());
        }
    }

    /** Writes now, so that a concurrent change is reported as a conflict, not as a failed commit. */
    private void flush(Ticket t) {
        try {
            data.entityManager().flush();
        } catch (OptimisticLockException e) {
            throw new ConflictException("ticket.version.conflict", t.number(), t.version(), t.version() + 1);
        }
    }

    Duration reopenWindow() {
        return Duration.ofDays(Long.parseLong(settings.get(SettingKey.TICKET_REOPEN_DAYS)));
    }

    private Actor actor(boolean byCustomer, Ticket t) {
        if (byCustomer) {
            return new Actor(Actor.Kind.CUSTOMER, t.customerId() == null ? "customer" : "customer:" + t.customerId());
        }
        Caller caller = callers.current().orElse(null);
        if (caller instanceof Caller.TenantUser u) {
            return new Actor(switch (u.role()) {
                case TENANT_ADMIN -> Actor.Kind.TENANT_ADMIN;
                case SUPERVISOR -> Actor.Kind.SUPERVISOR;
                case AGENT -> Actor.Kind.AGENT;
            }, u.username());
        }
        return Actor.system();
    }

    private String actorName() {
        return callers.username(AuditLog.SYSTEM);
    }


    private TicketEvent event(EntityManager em, Ticket t, Instant now, EventType type, TicketEvent.Visibility v,
                              String body, JsonObject details) {
        return event(em, t, now, type, v, body, details, null);
    }

    private TicketEvent event(EntityManager em, Ticket t, Instant now, EventType type, TicketEvent.Visibility v,
                              String body, JsonObject details, Actor actor) {
        String who = actor == null || actor.kind() != Actor.Kind.CUSTOMER ? actorName() : actor.name();
        TicketEvent e = new TicketEvent(t.id(), t.nextEventSeq(), now, who, type, v, body, details == null ? null : details.toString());
        em.persist(e);
        return e;
    }

    private static JsonObject change(FieldChange c) {
        var b = Jsons.createObjectBuilder().add("field", c.field());
        if (c.before() == null) {
            b.addNull("before");
        } else {
            b.add("before", c.before());
        }
        if (c.after() == null) {
            b.addNull("after");
        } else {
            b.add("after", c.after());
        }
        return b.build();
    }
}
