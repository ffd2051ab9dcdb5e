package io.kefu.platform.customer;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import io.kefu.platform.audit.AuditLog;
import io.kefu.platform.db.LockFailures;
import io.kefu.platform.form.FieldDefinition;
import io.kefu.platform.form.FieldValues;
import io.kefu.platform.form.FormDefinitions;
import io.kefu.platform.form.FormValidator;
import io.kefu.platform.idempotency.Idempotency;
import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Role;
import io.kefu.platform.json.Jsons;
import io.kefu.platform.problem.ConflictException;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.ForbiddenException;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.NotFoundException;
import io.kefu.platform.problem.Validation;
import io.kefu.platform.security.CallerContext;
import io.kefu.platform.settings.SettingKey;
import io.kefu.platform.settings.TenantSettings;
import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * The bound tenant's customers. Every change is audited with before and after (contact values
 * masked); contact data reaches a person in clear only through {@link #get(String, boolean)}
 * with {@code reveal}, which supervisors and admins may ask for and which is audited too.
 *
 * <p>Writes lock the customer's row for their short transaction, so two edits of one customer
 * queue instead of racing: the second then sees the first's version and gets a clean conflict.
 */
@ApplicationScoped
@Transactional
public class Customers {


    @Inject
    Idempotency idempotency;

    /** The audit log's subject type for customers. */
    public static final String SUBJECT = "customer";
    public static final int MAX_CONTACTS = 50;

    static final String NOT_FOUND = "customer.not-found";
    static final String CONTACT_NOT_FOUND = "customer.contact.not-found";
    static final String ERASED = "customer.erased";
    static final String BUSY = "customer.busy";
    static final String VERSION_CONFLICT = "customer.version.conflict";
    static final String EXTERNAL_ID_TAKEN = "customer.external-id.taken";
    static final String EXTERNAL_ID_INVALID = "customer.external-id.invalid";
    static final String NAME_LENGTH = "customer.name.length";
    static final String GRADE_FORBIDDEN = "customer.grade.forbidden";
    static final String REVEAL_FORBIDDEN = "customer.reveal.forbidden";
    static final String ERASURE_FORBIDDEN = "customer.erasure.forbidden";
    static final String CONTACT_DUPLICATE = "customer.contact.duplicate";
    static final String PRIMARY_TWICE = "customer.contact.primary.twice";
    static final String TOO_MANY_CONTACTS = "customer.contacts.too-many";

    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Comparator<CustomerContact> CONTACT_ORDER = Comparator
            .comparing(CustomerContact::kind)
            .thenComparing(CustomerContact::isPrimary, Comparator.reverseOrder())
            .thenComparing(CustomerContact::createdAt)
            .thenComparing(CustomerContact::id);

    @Inject
    TenantPersistence data;

    @Inject
    AuditLog audit;

    @Inject
    TenantSettings settings;

    @Inject
    CallerContext callers;

    @Inject
    FormDefinitions forms;

    /** The tenant's grades (setting {@code customer.grades}). */
    public Grades grades() {
        return Grades.of(settings.get(SettingKey.CUSTOMER_GRADES));
    }

    /** Serialises a request to compare retries (never stored, only hashed); created on first use. */
    private static final class Fingerprint {
        static final jakarta.json.bind.Jsonb JSON = jakarta.json.bind.JsonbBuilder.create();
    }

    /** What a create produced, and whether an earlier request with the same Idempotency-Key did. */
    public record Created(CustomerDetails customer, boolean replayed) {
    }

    /** Creates once per {@code Idempotency-Key}: a retry returns the customer the first request created. */
    public Created create(NewCustomer in, String idempotencyKey) {
        Optional<Idempotency.Claim> claim = idempotency.claim("customer", idempotencyKey,
                idempotencyKey == null || idempotencyKey.isBlank() ? "" : Fingerprint.JSON.toJson(in));
        if (claim.isPresent()) {
            Optional<String> earlier = idempotency.earlier(claim.get());
            if (earlier.isPresent()) {
                return new Created(get(earlier.get(), false), true);
            }
        }
        CustomerDetails created = create(in);
        claim.ifPresent(c -> idempotency.remember(c, created.id()));
        return new Created(created, false);
    }

    public CustomerDetails create(NewCustomer in) {
        if (in.grade() != null && !in.grade().isBlank() && isAgent()) {
            throw new ForbiddenException(GRADE_FORBIDDEN);
        }
        Validation v = new Validation();
        CustomerType type = in.type() == null || in.type().isBlank() ? CustomerType.INDIVIDUAL
                : v.check(() -> Choice.parse(CustomerType.class, in.type(), "type"));
        String name = v.check(() -> name(in.name(), "name"));
        Grades grades = grades();
        String grade = v.check(() -> grades.check(in.grade(), "grade"));
        CustomerStatus status = in.status() == null || in.status().isBlank() ? CustomerStatus.CURRENT
                : v.check(() -> Choice.parse(CustomerStatus.class, in.status(), "status"));
        String externalId = v.check(() -> externalId(in.externalId(), "externalId"));
        List<NewContact> newContacts = in.contacts() == null ? List.of() : in.contacts();
        if (newContacts.size() > MAX_CONTACTS) {
            v.reject("contacts", TOO_MANY_CONTACTS, MAX_CONTACTS);
        }
        List<Checked> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<ContactKind> explicitPrimary = new HashSet<>();
        for (int i = 0; i < newContacts.size() && i < MAX_CONTACTS; i++) {
            String at = "contacts[" + i + "]";
            NewContact nc = newContacts.get(i);
            if (nc == null) {
                v.reject(at, "field.required");
                continue;
            }
            Checked c = v.check(() -> check(nc, at + "."));
            if (c == null) {
                continue;
            }
            if (!seen.add(c.value().sameness())) {
                v.reject(at + ".value", CONTACT_DUPLICATE, c.value().kind().name());
            } else if (c.primary() && !explicitPrimary.add(c.value().kind())) {
                v.reject(at + ".primary", PRIMARY_TWICE, c.value().kind().name());
            } else {
                checked.add(c);
            }
        }
        List<FieldDefinition> fieldDefs = forms.customerFields();
        FormValidator.Outcome fields = FormValidator.validate(fieldDefs, null, null, in.fields(), FormValidator.Mode.CREATE);
        fields.errors().forEach(e -> v.reject(e.field(), e.code(), e.args().toArray()));
        v.throwIfInvalid();

        EntityManager em = data.entityManager();
        requireExternalIdFree(em, externalId, null);
        Customer customer = new Customer(type, name, grade, status, externalId);
        if (!fields.values().isEmpty()) {
            customer.storeCustomFields(fields.values().toString());
        }
        em.persist(customer);
        List<CustomerContact> contacts = new ArrayList<>();
        Set<ContactKind> hasPrimary = new HashSet<>();
        for (Checked c : checked) {
            // The one marked primary wins; otherwise the first of its kind.
            boolean primary = c.primary() || (!explicitPrimary.contains(c.value().kind()) && !hasPrimary.contains(c.value().kind()));
            if (primary) {
                hasPrimary.add(c.value().kind());
            }
            CustomerContact contact = new CustomerContact(customer.id(), c.value(), c.label(), primary);
            em.persist(contact);
            contacts.add(contact);
        }
        flush(em, externalId);
        contacts.sort(CONTACT_ORDER);
        Map<String, Object> after = customer.auditState();
        after.put("contacts", contacts.stream().map(CustomerContact::auditState).toList());
        after.put("fields", FieldValues.logged(fieldDefs, fields.changes(), false));
        audit.record("customer.created", SUBJECT, customer.id(), null, after);
        return CustomerDetails.of(customer, contacts, false, shown(customer, false, forms.customerFieldsView()));
    }

    /**
     * One customer, contacts masked; with {@code reveal} in clear, for supervisors and admins
     * only, and recorded in the audit log (which kinds were shown, never the values).
     */
    public CustomerDetails get(String id, boolean reveal) {
        if (reveal && !mayReveal()) {
            throw new ForbiddenException(REVEAL_FORBIDDEN);
        }
        EntityManager em = data.entityManager();
        Customer c = find(em, id, false);
        List<CustomerContact> contacts = contactsOf(em, c.id());
        FormDefinitions.FieldsView fieldsView = forms.customerFieldsView();
        List<String> personalFields = reveal ? fieldsView.personalKeys(stored(c)) : List.of();
        if (reveal && (!contacts.isEmpty() || !personalFields.isEmpty())) {
            List<String> kinds = new ArrayList<>(contacts.stream().map(k -> k.kind().name()).collect(Collectors.toCollection(TreeSet::new)));
            // Custom personal-data fields by key, after the contact kinds.
            personalFields.forEach(k -> kinds.add("fields." + k));
            audit.recordRead(SUBJECT, c.id(), Map.of("fields", kinds));
        }
        return CustomerDetails.of(c, contacts, reveal, shown(c, reveal, fieldsView));
    }

    /** Whether the bound tenant has a customer with this id (tickets refer to customers by id). */
    public boolean exists(String id) {
        try {
            return data.entityManager().find(Customer.class, id) != null;
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }

    /** A page of customers in creation order (oldest first), contacts masked. */
    public CustomerPage list(CustomerQuery query) {
        EntityManager em = data.entityManager();
        CustomerFilter f = query.filter();
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (f.text() != null) {
            where.add("(c.nameSearch like :q escape '\\' or lower(c.externalId) like :q escape '\\')");
            params.put("q", "%" + likeEscaped(Customer.searchForm(f.text())) + "%");
        }
        if (f.grade() != null) {
            where.add("c.grade = :grade");
            params.put("grade", f.grade());
        }
        if (f.status() != null) {
            where.add("c.status = :status");
            params.put("status", f.status());
        }
        if (f.type() != null) {
            where.add("c.type = :type");
            params.put("type", f.type());
        }
        if (query.after() != null) {
            where.add("(c.createdAt > :t or (c.createdAt = :t and c.id > :id))");
            params.put("t", query.after().createdAt());
            params.put("id", query.after().id());
        }
        String jpql = "select c from Customer c" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by c.createdAt, c.id";
        TypedQuery<Customer> q = em.createQuery(jpql, Customer.class);
        params.forEach(q::setParameter);
        List<Customer> rows = q.setMaxResults(query.limit() + 1).getResultList();
        boolean more = rows.size() > query.limit();
        List<Customer> page = more ? rows.subList(0, query.limit()) : rows;

        Map<String, List<CustomerContact>> contacts = new HashMap<>();
        if (!page.isEmpty()) {
            em.createQuery("select k from CustomerContact k where k.customerId in :ids", CustomerContact.class)
                    .setParameter("ids", page.stream().map(Customer::id).toList())
                    .getResultList()
                    .forEach(k -> contacts.computeIfAbsent(k.customerId(), x -> new ArrayList<>()).add(k));
        }
        FormDefinitions.FieldsView fieldsView = forms.customerFieldsView();
        List<CustomerDetails> items = page.stream().map(c -> {
            List<CustomerContact> own = contacts.getOrDefault(c.id(), new ArrayList<>());
            own.sort(CONTACT_ORDER);
            return CustomerDetails.of(c, own, false, shown(c, false, fieldsView));
        }).toList();
        Customer last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new CustomerPage(items, more ? new PageCursor(last.createdAt(), last.id()) : null);
    }

    /** Changes the fields sent; refused when the customer changed since the client's version. */
    public CustomerDetails change(String id, CustomerChanges changes) {
        EntityManager em = data.entityManager();
        Customer c = find(em, id, true);
        requireNotErased(c);
        if (changes.version() == null) {
            throw new InvalidInputException(FieldError.of("version", "field.required"));
        }
        if (changes.version() != c.version()) {
            throw new ConflictException(VERSION_CONFLICT, c.version(), changes.version());
        }
        Validation v = new Validation();
        String name = changes.name() == null ? c.name() : v.check(() -> name(changes.name().value(), "name"));
        String grade = c.grade();
        if (changes.grade() != null) {
            String sent = changes.grade().value() == null || changes.grade().value().isBlank() ? null
                    : changes.grade().value().strip().toUpperCase(Locale.ROOT);
            // Sending back the grade unchanged is fine, even one the tenant has since dropped.
            if (!Objects.equals(sent, c.grade())) {
                if (isAgent()) {
                    throw new ForbiddenException(GRADE_FORBIDDEN);
                }
                Grades grades = grades();
                grade = v.check(() -> grades.check(changes.grade().value(), "grade"));
            }
        }
        CustomerStatus status = c.status();
        if (changes.status() != null) {
            status = v.check(() -> Choice.parse(CustomerStatus.class, changes.status().value(), "status"));
        }
        String externalId = changes.externalId() == null ? c.externalId()
                : v.check(() -> externalId(changes.externalId().value(), "externalId"));
        List<FieldDefinition> fieldDefs = changes.fields() == null ? List.of() : forms.customerFields();
        FormValidator.Outcome fields = changes.fields() == null ? null
                : FormValidator.validate(fieldDefs, null, stored(c), changes.fields(), FormValidator.Mode.UPDATE);
        if (fields != null) {
            fields.errors().forEach(e -> v.reject(e.field(), e.code(), e.args().toArray()));
        }
        v.throwIfInvalid();
        if (externalId != null && !externalId.equals(c.externalId())) {
            requireExternalIdFree(em, externalId, c.id());
        }

        Map<String, Object> before = c.auditState();
        List<String> changed = new ArrayList<>();
        if (!name.equals(c.name())) {
            changed.add("name");
        }
        if (!Objects.equals(grade, c.grade())) {
            changed.add("grade");
        }
        if (status != c.status()) {
            changed.add("status");
        }
        if (!Objects.equals(externalId, c.externalId())) {
            changed.add("externalId");
        }
        boolean fieldsChanged = fields != null && !fields.changes().isEmpty();
        if (changed.isEmpty() && !fieldsChanged) {
            return CustomerDetails.of(c, contactsOf(em, c.id()), false, shown(c, false, forms.customerFieldsView()));
        }
        if (fieldsChanged) {
            c.storeCustomFields(fields.values().isEmpty() ? null : fields.values().toString());
            c.touch();
        }
        c.rename(name);
        c.regrade(grade);
        c.moveTo(status);
        c.linkExternal(externalId);
        flush(em, externalId);
        Map<String, Object> after = c.auditState();
        // Only what changed, as the audit keeps it (a person's name masked: 李伟 → 李明 shows as 李** → 李**,
        // the entry still says that and when the name changed).
        Map<String, Object> changedBefore = new LinkedHashMap<>();
        Map<String, Object> changedAfter = new LinkedHashMap<>();
        for (String k : changed) {
            changedBefore.put(k, before.get(k));
            changedAfter.put(k, after.get(k));
        }
        if (fieldsChanged) {
            changedBefore.put("fields", FieldValues.logged(fieldDefs, fields.changes(), true));
            changedAfter.put("fields", FieldValues.logged(fieldDefs, fields.changes(), false));
        }
        audit.record("customer.updated", SUBJECT, c.id(), changedBefore, changedAfter);
        return CustomerDetails.of(c, contactsOf(em, c.id()), false, shown(c, false, forms.customerFieldsView()));
    }

    /** Adds a contact; returns it masked. Contacts do not change the customer's version (see package doc). */
    public CustomerDetails.Contact addContact(String customerId, NewContact in) {
        EntityManager em = data.entityManager();
        Customer c = find(em, customerId, true);
        requireNotErased(c);
        Checked checked = check(in == null ? new NewContact(null, null, null, null, null) : in, "");
        List<CustomerContact> existing = contactsOf(em, c.id());
        if (existing.size() >= MAX_CONTACTS) {
            throw new ConflictException(TOO_MANY_CONTACTS, MAX_CONTACTS);
        }
        String same = checked.value().sameness();
        if (existing.stream().anyMatch(k -> k.contactValue().sameness().equals(same))) {
            throw new ConflictException(CONTACT_DUPLICATE, checked.value().kind().name());
        }
        ContactKind kind = checked.value().kind();
        List<CustomerContact> sameKind = existing.stream().filter(k -> k.kind() == kind).toList();
        boolean primary = checked.primary() || sameKind.stream().noneMatch(CustomerContact::isPrimary);
        if (primary) {
            sameKind.forEach(CustomerContact::losePrimary);
        }
        CustomerContact contact = new CustomerContact(c.id(), checked.value(), checked.label(), primary);
        em.persist(contact);
        em.flush();
        audit.record("customer.contact.added", SUBJECT, c.id(), null, contact.auditState());
        return new CustomerDetails.Contact(contact.id(), contact.kind(), contact.documentType(),
                Masking.mask(contact.kind(), contact.value()), contact.label(), contact.isPrimary());
    }

    /** Deletes a contact; when it was primary, the oldest remaining one of its kind takes over. */
    public void removeContact(String customerId, String contactId) {
        EntityManager em = data.entityManager();
        Customer c = find(em, customerId, true);
        requireNotErased(c);
        List<CustomerContact> contacts = contactsOf(em, c.id());
        CustomerContact gone = contacts.stream().filter(k -> k.id().equals(contactId)).findFirst()
                .orElseThrow(() -> new NotFoundException(CONTACT_NOT_FOUND, contactId));
        Map<String, Object> before = gone.auditState();
        em.remove(gone);
        if (gone.isPrimary()) {
            contacts.stream().filter(k -> k != gone && k.kind() == gone.kind()).findFirst().ifPresent(CustomerContact::makePrimary);
        }
        em.flush();
        audit.record("customer.contact.removed", SUBJECT, c.id(), before, null);
    }

    /**
     * The right to erasure (PIPL art. 47, GDPR art. 17): deletes every contact, replaces the name
     * by a neutral marker, forgets the external id. The customer stays, erased, so that tickets
     * keep their reference. Erasing twice changes nothing. Tenant admins only.
     */
    public CustomerDetails erase(String id) {
        if (role().map(r -> r != Role.TENANT_ADMIN).orElse(false)) {
            throw new ForbiddenException(ERASURE_FORBIDDEN);
        }
        EntityManager em = data.entityManager();
        Customer c = find(em, id, true);
        if (c.isErased()) {
            return CustomerDetails.of(c, List.of(), false, shown(c, false, forms.customerFieldsView()));
        }
        List<CustomerContact> contacts = contactsOf(em, c.id());
        contacts.forEach(em::remove);
        // Custom field values describe the person too: erasure forgets all of them.
        boolean hadFields = c.customFields() != null;
        c.storeCustomFields(null);
        c.erase();
        em.flush();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("erased", false);
        before.put("contacts", contacts.size());
        before.put("fields", hadFields);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("erased", true);
        after.put("contacts", 0);
        after.put("fields", false);
        audit.record("customer.erased", SUBJECT, c.id(), before, after);
        return CustomerDetails.of(c, List.of(), false, shown(c, false, forms.customerFieldsView()));
    }

    // ---------------------------------------------------------------------------------------

    private record Checked(ContactValue value, String label, boolean primary) {
    }

    /** {@code prefix} is prepended to the field names ("contacts[2]." inside a creation). */
    private static Checked check(NewContact in, String prefix) {
        Validation v = new Validation();
        ContactKind kind = v.check(() -> Choice.parse(ContactKind.class, in.kind(), prefix + "kind"));
        DocumentType doc = v.check(() -> Choice.parseOptional(DocumentType.class, in.documentType(), prefix + "documentType"));
        String label = v.check(() -> ContactValue.label(in.label(), prefix + "label"));
        ContactValue value = null;
        if (kind != null) {
            value = v.check(() -> ContactValue.parse(kind, doc, in.value(), prefix + "value", prefix + "documentType"));
        }
        v.throwIfInvalid();
        return new Checked(value, label, Boolean.TRUE.equals(in.primary()));
    }

    private static String name(String input, String field) {
        if (input == null || input.isBlank()) {
            throw new InvalidInputException(FieldError.of(field, "field.required"));
        }
        String v = input.replaceAll("\\p{Cntrl}", " ").strip().replaceAll("\\s+", " ");
        if (v.isEmpty() || v.codePointCount(0, v.length()) > Customer.MAX_NAME) {
            throw new InvalidInputException(FieldError.of(field, NAME_LENGTH, Customer.MAX_NAME));
        }
        return v;
    }

    /** Null when blank (no external id). */
    private static String externalId(String input, String field) {
        if (input == null || input.isBlank()) {
            return null;
        }
        String v = input.strip();
        if (v.length() > Customer.MAX_EXTERNAL_ID || v.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(FieldError.of(field, EXTERNAL_ID_INVALID, Customer.MAX_EXTERNAL_ID));
        }
        return v;
    }

    private Customer find(EntityManager em, String id, boolean forUpdate) {
        // Not an id Kefu hands out: nothing to look up (and the same answer as for another tenant's id).
        if (id == null || !UUID_SHAPE.matcher(id).matches()) {
            throw new NotFoundException(NOT_FOUND, String.valueOf(id));
        }
        Customer c;
        try {
            c = forUpdate ? em.find(Customer.class, id, LockModeType.PESSIMISTIC_WRITE) : em.find(Customer.class, id);
        } catch (PersistenceException e) {
            // Another write held the row longer than the database waits (H2: one second): a
            // conflict the client can retry, not a server error.
            if (LockFailures.isLockFailure(e)) {
                throw new ConflictException(BUSY);
            }
            throw e;
        }
        if (c == null) {
            throw new NotFoundException(NOT_FOUND, id);
        }
        return c;
    }

    private static void requireNotErased(Customer c) {
        if (c.isErased()) {
            throw new ConflictException(ERASED);
        }
    }

    private static List<CustomerContact> contactsOf(EntityManager em, String customerId) {
        List<CustomerContact> list = new ArrayList<>(em.createQuery(
                        "select k from CustomerContact k where k.customerId = :id", CustomerContact.class)
                .setParameter("id", customerId).getResultList());
        list.sort(CONTACT_ORDER);
        return list;
    }

    private static void requireExternalIdFree(EntityManager em, String externalId, String exceptId) {
        if (externalId == null) {
            return;
        }
        boolean taken = em.createQuery("select c.id from Customer c where c.externalId = :e", String.class)
                .setParameter("e", externalId).getResultStream().anyMatch(other -> !other.equals(exceptId));
        if (taken) {
            throw new ConflictException(EXTERNAL_ID_TAKEN, externalId);
        }
    }

    /**
     * Writes now, so that a race is a clean conflict, not a failed commit: a unique-key race on the
     * external id, or (should a write ever bypass the row lock) the version check of the update.
     */
    private static void flush(EntityManager em, String externalId) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConflictException(BUSY);
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new ConflictException(EXTERNAL_ID_TAKEN, String.valueOf(externalId));
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Optional<Role> role() {
        return callers.current().filter(Caller.TenantUser.class::isInstance).map(c -> ((Caller.TenantUser) c).role());
    }

    private boolean isAgent() {
        return role().map(r -> r == Role.AGENT).orElse(false);
    }

    /** Supervisors and admins; Kefu itself (no person calling) as well. */
    /** The customer's custom field values as the caller sees them (forms engine). */
    private static FieldValues.Shown shown(Customer c, boolean reveal, FormDefinitions.FieldsView view) {
        return view.show(stored(c), reveal);
    }

    private static JsonObject stored(Customer c) {
        return c.customFields() == null ? null : Jsons.createReader(new java.io.StringReader(c.customFields())).readObject();
    }

    private boolean mayReveal() {
        return role().map(r -> r == Role.SUPERVISOR || r == Role.TENANT_ADMIN).orElse(true);
    }
}
