package io.kefu.platform.form;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import io.kefu.platform.audit.AuditLog;
import io.kefu.platform.db.KefuDatabase;
import io.kefu.platform.problem.ConflictException;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.NotFoundException;
import io.kefu.platform.security.CallerContext;
import io.kefu.platform.tenant.TenantCache;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.platform.tenant.persistence.TenantPersistence;
import io.kefu.platform.ticket.TicketKind;

/**
 * The bound tenant's forms: every change is a new immutable version, the current version is
 * what tickets (and customers) get from now on, a retired form applies to nothing. Also the entry
 * point the plugin host calls when a plugin ships forms: {@link #importDocument} and
 * {@link #exportDocument}.
 */
@ApplicationScoped
@Transactional
public class FormDefinitions {

    /** Keys taken by the REST API's own paths under /forms. */
    static final List<String> RESERVED_KEYS = List.of("export", "import", "applicable");
    /**
     * Parsed versions by tenant and row id: versions never change, so a parse is good forever.
     * The key carries the tenant's schema because the row id alone names a row in one schema
     * only (a schema copied between tenants would share ids).
     */
    private static final Map<String, Form> PARSED = new ConcurrentHashMap<>();
    /**
     * How long a node trusts its cached current forms before it re-reads their stamp (ids,
     * version numbers, retirement of the form rows): the time a change made on another node may
     * take to be seen here. Changes made on this node are seen at once (ADR 0011).
     */
    static final Duration RECHECK_AFTER = Duration.ofSeconds(2);
    /** The transaction resource marking a transaction that changed forms: it reads them fresh. */
    private static final String CHANGED_KEY = FormDefinitions.class.getName() + ".changed";

    /** Each tenant's current forms, read once per {@link #RECHECK_AFTER} instead of once per request. */
    private final TenantCache<List<Stored>> currentForms = new TenantCache<>(RECHECK_AFTER, Clock.systemUTC());

    @Inject
    TenantPersistence data;

    @Inject
    AuditLog audit;

    @Inject
    CallerContext callers;

    @Inject
    FieldProjection projection;

    @Inject
    TenantContext tenants;

    @Inject
    KefuDatabase database;

    Clock clock = Clock.systemUTC();

    /** A form with the version shown. */
    public record Stored(FormRecord record, FormVersion version, Form form) {
    }

    /** What an import or a save did to one form: its version now, and whether that version is new. */
    public record Outcome(String key, int version, boolean changed, boolean created) {
    }

    /** Every form, retired ones too, by key; each with its current version. */
    public List<Stored> list() {
        return data.entityManager().createQuery("select f, v from FormRecord f, FormVersion v"
                        + " where v.formId = f.id and v.number = f.currentVersion order by f.key", Object[].class)
                .getResultList().stream().map(r -> stored((FormRecord) r[0], (FormVersion) r[1])).toList();
    }

    /** The forms in use (not retired) for {@code target}, by key. */
    public List<Form> current(FormTarget target) {
        return currentStored().stream().map(Stored::form).filter(f -> f.target() == target).toList();
    }

    /** The forms a ticket of this kind and category gets, by key. */
    public List<Stored> applicableToTicket(TicketKind kind, String category) {
        return currentStored().stream().filter(s -> s.form().appliesTo(kind, category)).toList();
    }

    /** The forms customers get, by key. */
    public List<Stored> applicableToCustomers() {
        return currentStored().stream().filter(s -> s.form().target() == FormTarget.CUSTOMER).toList();
    }

    /** The fields a ticket of this kind and category has: those of every applicable form, by form key. */
    public List<FieldDefinition> ticketFields(TicketKind kind, String category) {
        return fieldsOf(applicableToTicket(kind, category));
    }

    static List<FieldDefinition> fieldsOf(List<Stored> forms) {
        Map<String, FieldDefinition> fields = new LinkedHashMap<>();
        forms.forEach(s -> s.form().fields().forEach(f -> fields.putIfAbsent(f.key(), f)));
        return List.copyOf(fields.values());
    }

    /** The type a current form of {@code target} gives {@code fieldKey} (one type per key, enforced on save). */
    public Optional<FieldType> fieldType(FormTarget target, String fieldKey) {
        return current(target).stream().flatMap(f -> f.field(fieldKey).stream()).map(FieldDefinition::type).findFirst();
    }

    /**
     * The newest definition {@code fieldKey} had in any version of any form of {@code target}:
     * the label and mask a retired field's value is shown with.
     */
    public Optional<FieldDefinition> lastDefinition(FormTarget target, String fieldKey) {
        List<Object[]> rows = data.entityManager().createQuery("select f, v from FormRecord f, FormVersion v"
                        + " where v.formId = f.id and f.target = :t order by v.createdAt desc, v.number desc", Object[].class)
                .setParameter("t", target).getResultList();
        for (Object[] r : rows) {
            Optional<FieldDefinition> d = stored((FormRecord) r[0], (FormVersion) r[1]).form().field(fieldKey);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    /** One form: its current version, or version {@code number}. */
    public Stored get(String key, Integer number) {
        FormRecord f = find(key, false);
        int n = number == null ? f.currentVersion() : number;
        return data.entityManager().createQuery("select v from FormVersion v where v.formId = :f and v.number = :n", FormVersion.class)
                .setParameter("f", f.id()).setParameter("n", n).getResultStream().findFirst()
                .map(v -> stored(f, v))
                .orElseThrow(() -> new NotFoundException("form.version.not-found", key, n));
    }

    /** Every version of a form, newest first. */
    public List<FormVersion> versions(String key) {
        FormRecord f = find(key, false);
        return data.entityManager().createQuery("select v from FormVersion v where v.formId = :f order by v.number desc", FormVersion.class)
                .setParameter("f", f.id()).getResultList();
    }

    /**
     * Creates or replaces form {@code key} with the form in {@code json}: a new version unless it
     * equals the current one (then nothing changes, and a retired form stays retired).
     */
    public Outcome save(String key, String json) {
        Form form = FormDocument.parseForm(json);
        if (!form.key().equals(key)) {
            throw new InvalidInputException(FieldError.of("key", "form.key.mismatch", form.key(), key));
        }
        checkAgainstOthers(List.of(form), List.of(""));
        return apply(form);
    }

    /** Retires a form: it applies to nothing; values stay on tickets, shown as retired. */
    public void retire(String key) {
        FormRecord f = find(key, true);
        if (!f.isRetired()) {
            f.retire(clock.instant());
            changed();
            audit.record("form.retired", "form", key, Map.of("version", f.currentVersion()), Map.of("retired", true));
            flush();
        }
    }

    /**
     * Imports a whole form-definition document in the bound tenant, all or nothing: every error
     * of the document is reported (with its JSON path) and nothing is applied when there is any.
     * A form equal to its current version gets no new version, so importing twice changes nothing.
     */
    public List<Outcome> importDocument(String json) {
        List<Form> forms = FormDocument.parse(json);
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            prefixes.add("forms[" + i + "].");
        }
        checkAgainstOthers(forms, prefixes);
        List<Outcome> out = new ArrayList<>();
        forms.forEach(f -> out.add(apply(f)));
        return out;
    }

    /** The forms in use (not retired), current versions, as one document in the shared format. */
    public String exportDocument() {
        return FormDocument.write(currentStored().stream().map(Stored::form).toList()).toString();
    }

    /**
     * KPI aggregation: count, sum and average of NUMBER or MONEY field {@code numericKey} per option
     * of choice field {@code groupKey}, over the tenant's tickets.
     */
    public List<FieldProjection.Group> aggregate(String numericKey, String groupKey) {
        FieldType n = fieldType(FormTarget.TICKET, numericKey)
                .orElseThrow(() -> new InvalidInputException(FieldError.of("field", "field.unknown")));
        FieldType g = fieldType(FormTarget.TICKET, groupKey)
                .orElseThrow(() -> new InvalidInputException(FieldError.of("groupBy", "field.unknown")));
        List<FieldError> errors = new ArrayList<>();
        if (!n.isNumeric()) {
            errors.add(FieldError.of("field", "form.aggregate.numeric", n.name()));
        }
        if (!g.isChoice() && g != FieldType.BOOLEAN) {
            errors.add(FieldError.of("groupBy", "form.aggregate.choice", g.name()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return projection.aggregate(numericKey, groupKey);
    }

    /**
     * The current forms as read once, for showing many tickets (a list page) without reading the
     * forms again for each: fields per kind and category, last definitions of retired keys.
     */
    public TicketFields ticketFields() {
        return new TicketFields(currentStored(), this);
    }

    /** The fields customers have: those of every current customer form, by form key. */
    public List<FieldDefinition> customerFields() {
        return fieldsOf(applicableToCustomers());
    }

    /** Customers' current fields, read once, for showing one or many customers. */
    public FieldsView customerFieldsView() {
        return new FieldsView(customerFields(), key -> lastDefinition(FormTarget.CUSTOMER, key));
    }

    /** Stored values as one target's current fields show them; retired keys looked up once each. */
    public static final class FieldsView {
        private final List<FieldDefinition> current;
        private final java.util.function.Function<String, Optional<FieldDefinition>> last;
        private final Map<String, Optional<FieldDefinition>> retired = new java.util.HashMap<>();

        FieldsView(List<FieldDefinition> current, java.util.function.Function<String, Optional<FieldDefinition>> last) {
            this.current = current;
            this.last = last;
        }

        public FieldValues.Shown show(jakarta.json.JsonObject stored, boolean reveal) {
            return FieldValues.show(current, stored, reveal, k -> retired.computeIfAbsent(k, last));
        }

        /** The keys of stored values that are personal data, by key. */
        public List<String> personalKeys(jakarta.json.JsonObject stored) {
            if (stored == null) {
                return List.of();
            }
            return stored.keySet().stream().sorted().filter(k -> current.stream().filter(d -> d.key().equals(k)).findFirst()
                    .or(() -> retired.computeIfAbsent(k, last)).map(FieldDefinition::personalData).orElse(false)).toList();
        }
    }

    /** See {@link #ticketFields()}; lives as long as one request. */
    public static final class TicketFields {
        private final List<Stored> current;
        private final FormDefinitions owner;
        private final Map<String, List<FieldDefinition>> byKindAndCategory = new java.util.HashMap<>();
        private final Map<String, Optional<FieldDefinition>> retired = new java.util.HashMap<>();

        TicketFields(List<Stored> current, FormDefinitions owner) {
            this.current = current;
            this.owner = owner;
        }

        public List<FieldDefinition> of(TicketKind kind, String category) {
            return byKindAndCategory.computeIfAbsent(kind + "/" + category,
                    k -> fieldsOf(current.stream().filter(s -> s.form().appliesTo(kind, category)).toList()));
        }

        /** The definition a key last had, for showing a retired value. */
        public Optional<FieldDefinition> last(String key) {
            return retired.computeIfAbsent(key, k -> owner.lastDefinition(FormTarget.TICKET, k));
        }

        /** A field's type in any current ticket form. */
        public Optional<FieldType> type(String key) {
            return current.stream().filter(s -> s.form().target() == FormTarget.TICKET)
                    .flatMap(s -> s.form().field(key).stream()).map(FieldDefinition::type).findFirst();
        }
    }

    // ---- internals ----

    private Outcome apply(Form form) {
        EntityManager em = data.entityManager();
        Instant now = clock.instant();
        String canonical = FormDocument.write(form).toString();
        Optional<FormRecord> existing = findOptional(form.key(), true);
        if (existing.isPresent()) {
            FormRecord f = existing.get();
            FormVersion current = em.createQuery("select v from FormVersion v where v.formId = :f and v.number = :n", FormVersion.class)
                    .setParameter("f", f.id()).setParameter("n", f.currentVersion()).getSingleResult();
            if (current.definition().equals(canonical) && !f.isRetired()) {
                return new Outcome(form.key(), f.currentVersion(), false, false);
            }
            int next = latestNumber(f) + 1;
            em.persist(new FormVersion(f.id(), next, canonical, who(), now));
            int before = f.currentVersion();
            f.adopt(next, now);
            changed();
            audit.record("form.saved", "form", form.key(), Map.of("version", before), Map.of("version", next));
            flush();
            return new Outcome(form.key(), next, true, false);
        }
        FormRecord f = new FormRecord(form.key(), form.target(), now);
        f.adopt(1, now);
        changed();
        em.persist(f);
        em.persist(new FormVersion(f.id(), 1, canonical, who(), now));
        audit.record("form.created", "form", form.key(), null, Map.of("version", 1, "target", form.target().name()));
        flush();
        return new Outcome(form.key(), 1, true, true);
    }

    private int latestNumber(FormRecord f) {
        Integer max = data.entityManager().createQuery("select max(v.number) from FormVersion v where v.formId = :f", Integer.class)
                .setParameter("f", f.id()).getSingleResult();
        return max == null ? 0 : max;
    }

    /**
     * The forms being saved, together with the tenant's other current forms, must give each field
     * key one type (per target), and no key may be one of the API's own words.
     */
    private void checkAgainstOthers(List<Form> forms, List<String> prefixes) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            Form f = forms.get(i);
            if (RESERVED_KEYS.contains(f.key())) {
                errors.add(FieldError.of(prefixes.get(i) + "key", "form.key.reserved", f.key()));
            }
            Optional<FormRecord> existing = findOptional(f.key(), false);
            if (existing.isPresent() && existing.get().target() != f.target()) {
                errors.add(FieldError.of(prefixes.get(i) + "target", "form.target.fixed", existing.get().target().name()));
            }
        }
        List<String> saving = forms.stream().map(Form::key).toList();
        // Fresh, not cached: a save is judged against what is committed now, on any node.
        List<Form> others = loadCurrent().stream().map(Stored::form).filter(f -> !saving.contains(f.key())).toList();
        for (int i = 0; i < forms.size(); i++) {
            Form f = forms.get(i);
            for (int j = 0; j < f.fields().size(); j++) {
                FieldDefinition d = f.fields().get(j);
                for (Form o : others) {
                    Optional<FieldDefinition> same = o.target() == f.target() ? o.field(d.key()) : Optional.empty();
                    if (same.isPresent() && same.get().type() != d.type()) {
                        errors.add(FieldError.of(prefixes.get(i) + "fields[" + j + "].type", "form.field.type-conflict",
                                d.key(), same.get().type().name()));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * The bound tenant's current forms, from the per-tenant cache; read fresh in a transaction
     * that changed forms (it must see its own changes, and its commit invalidates the entry).
     */
    private List<Stored> currentStored() {
        TenantCode tenant = tenants.require();
        if (database.transactions().getResource(CHANGED_KEY) != null) {
            return loadCurrent();
        }
        return currentForms.get(tenant, this::currentStamp, this::loadCurrent);
    }

    private List<Stored> loadCurrent() {
        return data.entityManager().createQuery("select f, v from FormRecord f, FormVersion v"
                        + " where v.formId = f.id and v.number = f.currentVersion and f.retiredAt is null order by f.key", Object[].class)
                .getResultList().stream().map(r -> stored((FormRecord) r[0], (FormVersion) r[1])).toList();
    }

    /**
     * What the current forms were loaded from, without their definitions: every form row's id,
     * current version number and retirement. Any save, import or retirement changes it.
     */
    private List<String> currentStamp() {
        return data.entityManager().createQuery("select f.id, f.currentVersion, f.retiredAt from FormRecord f order by f.id", Object[].class)
                .getResultList().stream().map(r -> r[0] + ":" + r[1] + ":" + (r[2] != null)).toList();
    }

    /**
     * Marks the transaction as one that changed the bound tenant's forms: later reads in it go
     * to the database, and once it ends (committed or not) this node's cached forms are dropped.
     */
    private void changed() {
        TransactionSynchronizationRegistry tx = database.transactions();
        if (tx.getResource(CHANGED_KEY) != null) {
            return;
        }
        TenantCode tenant = tenants.require();
        tx.putResource(CHANGED_KEY, tenant);
        tx.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Until the commit, other transactions rightly see the forms as they were.
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    currentForms.invalidate(tenant);
                }
            }
        });
    }

    private Stored stored(FormRecord f, FormVersion v) {
        return stored(tenants.require(), f, v);
    }

    static Stored stored(TenantCode tenant, FormRecord f, FormVersion v) {
        String key = tenant.schemaName().value() + "/" + v.id();
        Form form = PARSED.get(key);
        if (form == null) {
            form = FormDocument.parseForm(v.definition());
            if (PARSED.size() > 50_000) {
                PARSED.clear();
            }
            PARSED.put(key, form);
        }
        return new Stored(f, v, form);
    }

    private FormRecord find(String key, boolean forUpdate) {
        return findOptional(key, forUpdate).orElseThrow(() -> new NotFoundException("form.not-found", key));
    }

    private Optional<FormRecord> findOptional(String key, boolean forUpdate) {
        var q = data.entityManager().createQuery("select f from FormRecord f where f.key = :k", FormRecord.class).setParameter("k", key);
        if (forUpdate) {
            // Two admins saving one form at once: the second waits and numbers its version after the first.
            q.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return q.getResultStream().findFirst();
    }

    private void flush() {
        try {
            data.entityManager().flush();
        } catch (PersistenceException e) {
            throw new ConflictException("form.busy");
        }
    }

    private String who() {
        return callers.username(AuditLog.SYSTEM);
    }

}
