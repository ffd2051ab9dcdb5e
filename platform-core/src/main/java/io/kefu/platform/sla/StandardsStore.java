package io.kefu.platform.sla;

import java.io.StringReader;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.kefu.platform.audit.AuditLog;
import io.kefu.platform.json.Jsons;
import io.kefu.platform.problem.ConflictException;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.NotFoundException;
import io.kefu.platform.security.CallerContext;
import io.kefu.platform.sla.calendar.BusinessCalendar;
import io.kefu.platform.team.Teams;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * The bound tenant's calendars and service standards in the database, each change in one
 * transaction and in the audit log. Rules are kept in order; replacing one makes a new version
 * and keeps the old one. Re-evaluating tickets after a change is {@link ServiceStandards}' job.
 */
@ApplicationScoped
@Transactional
public class StandardsStore {

    @Inject
    TenantPersistence data;

    @Inject
    TenantContext tenants;

    @Inject
    Teams teams;

    @Inject
    AuditLog audit;

    @Inject
    CallerContext callers;

    @Inject
    Agenda agenda;

    @Inject
    CalendarArithmetic arithmetic;

    @Inject
    RulesGate gate;

    Clock clock = Clock.systemUTC();

    /** A stored rule and whether it was new. */
    public record Saved(ServiceStandard standard, boolean created) {
    }

    public List<ServiceStandard> standards() {
        return data.entityManager().createQuery("select s from StoredStandard s order by s.position, s.code", StoredStandard.class)
                .getResultList().stream().map(StandardsStore::parse).toList();
    }

    public ServiceStandard standard(String code) {
        return Optional.ofNullable(data.entityManager().find(StoredStandard.class, code)).map(StandardsStore::parse)
                .orElseThrow(() -> new NotFoundException("sla.standard.not-found", code));
    }

    /**
     * A rule as it was at {@code version}, also after it was replaced or deleted. Read with SQL
     * on the transaction's connection: the SLA sweep asks it for each due breach, also in
     * visits made through JDBC alone ({@link TenantPersistence#jdbcOnly(io.kefu.platform.db.KefuDatabase.Pool)}); versions never
     * change once written, but one stored in this transaction may still be pending, hence the flush.
     */
    public Optional<ServiceStandard> version(String code, int version) {
        data.flushIfUsed();
        try (PreparedStatement ps = data.connection().prepareStatement("select document from "
                + tenants.require().schemaName().value() + ".sla_standard_version where code = ? and rule_version = ?")) {
            ps.setString(1, code);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readStored(rs.getString(1), version)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new PersistenceException("Reading version " + version + " of service standard " + code + " failed", e);
        }
    }

    public List<CalendarDefinition> calendars() {
        return data.entityManager().createQuery("select c from StoredCalendar c order by c.code", StoredCalendar.class)
                .getResultList().stream().map(c -> StandardsDocument.readCalendar(json(c.document()))).toList();
    }

    public CalendarDefinition calendar(String code) {
        StoredCalendar c = data.entityManager().find(StoredCalendar.class, code);
        if (c == null) {
            throw new NotFoundException("sla.calendar.not-found", code);
        }
        return StandardsDocument.readCalendar(json(c.document()));
    }

    /** The arithmetic of a calendar code, built once per document ({@link CalendarArithmetic}); {@code 24x7} is built in. */
    public BusinessCalendar businessCalendar(String code) {
        if (BusinessCalendar.ALWAYS_CODE.equals(code)) {
            return BusinessCalendar.ALWAYS;
        }
        StoredCalendar c = data.entityManager().find(StoredCalendar.class, code);
        if (c == null) {
            throw new NotFoundException("sla.calendar.not-found", code);
        }
        return arithmetic.of(tenants.require(), c.document());
    }

    /** Creates or replaces the rule {@code code}; a replacement is a new version. */
    public Saved put(String code, JsonObject body) {
        gate.close();
        EntityManager em = data.entityManager();
        JsonObject withCode = Jsons.createObjectBuilder(body).add("code", code).build();
        if (body.containsKey("code") && !code.equals(body.getString("code", null))) {
            throw new InvalidInputException(FieldError.of("code", "sla.code.mismatch", code));
        }
        ServiceStandard s = StandardsDocument.readStandard(withCode, c -> em.find(StoredCalendar.class, c) != null,
                t -> teams.find(t).isPresent());
        return save(em, s, now());
    }

    private Saved save(EntityManager em, ServiceStandard s, OffsetDateTime now) {
        String doc = StandardsDocument.write(s).toString();
        StoredStandard stored = em.find(StoredStandard.class, s.code());
        int version;
        boolean created = stored == null;
        String before = null;
        if (created) {
            stored = new StoredStandard(s.code(), s.order(), doc, now);
            em.persist(stored);
            version = 1;
        } else {
            before = stored.document();
            if (before.equals(doc)) {
                return new Saved(s.withVersion(stored.ruleVersion()), false);
            }
            version = stored.replace(s.order(), doc, now);
        }
        em.persist(new StandardVersion(s.code(), version, doc, now, callers.username(AuditLog.SYSTEM)));
        agenda.ensure();
        audit.record(created ? "sla.standard.created" : "sla.standard.replaced", "service-standard", s.code(), before, doc);
        return new Saved(s.withVersion(version), created);
    }

    public void delete(String code) {
        gate.close();
        EntityManager em = data.entityManager();
        StoredStandard s = em.find(StoredStandard.class, code);
        if (s == null) {
            throw new NotFoundException("sla.standard.not-found", code);
        }
        em.remove(s);
        audit.record("sla.standard.deleted", "service-standard", code, s.document(), null);
    }

    /** Puts the rules in the given order (every code exactly once); their orders become 10, 20, ... */
    public List<ServiceStandard> reorder(List<String> codes) {
        gate.close();
        EntityManager em = data.entityManager();
        List<StoredStandard> all = em.createQuery("select s from StoredStandard s", StoredStandard.class).getResultList();
        Set<String> existing = new HashSet<>();
        all.forEach(s -> existing.add(s.code()));
        if (codes.size() != all.size() || !existing.equals(new HashSet<>(codes))) {
            throw new InvalidInputException(FieldError.of("codes", "sla.reorder.mismatch", String.join(", ", existing.stream().sorted().toList())));
        }
        OffsetDateTime now = now();
        Map<String, StoredStandard> byCode = new LinkedHashMap<>();
        all.forEach(s -> byCode.put(s.code(), s));
        for (int i = 0; i < codes.size(); i++) {
            StoredStandard stored = byCode.get(codes.get(i));
            int order = (i + 1) * 10;
            if (stored.position() != order) {
                ServiceStandard moved = parse(stored).withOrder(order);
                // The order decides which rule a ticket gets, so a move is a new version too.
                String doc = StandardsDocument.write(moved).toString();
                int version = stored.replace(order, doc, now);
                em.persist(new StandardVersion(moved.code(), version, doc, now, callers.username(AuditLog.SYSTEM)));
            }
        }
        audit.record("sla.standard.reordered", "service-standard", "*", null, codes);
        return standards();
    }

    public Saved putCalendar(String code, JsonObject body) {
        gate.close();
        if (BusinessCalendar.ALWAYS_CODE.equals(code)) {
            throw new InvalidInputException(FieldError.of("code", "sla.calendar.builtin"));
        }
        if (body.containsKey("code") && !code.equals(body.getString("code", null))) {
            throw new InvalidInputException(FieldError.of("code", "sla.code.mismatch", code));
        }
        CalendarDefinition c = StandardsDocument.readCalendar(Jsons.createObjectBuilder(body).add("code", code).build());
        boolean created = storeCalendar(data.entityManager(), c, now());
        return new Saved(null, created);
    }

    private boolean storeCalendar(EntityManager em, CalendarDefinition c, OffsetDateTime now) {
        String doc = StandardsDocument.write(c).toString();
        StoredCalendar stored = em.find(StoredCalendar.class, c.code());
        if (stored == null) {
            em.persist(new StoredCalendar(c.code(), doc, now));
            audit.record("sla.calendar.created", "calendar", c.code(), null, doc);
            return true;
        }
        if (!stored.document().equals(doc)) {
            audit.record("sla.calendar.replaced", "calendar", c.code(), stored.document(), doc);
            stored.replace(doc, now);
        }
        return false;
    }

    /** Refused while a rule counts in the calendar. */
    public void deleteCalendar(String code) {
        EntityManager em = data.entityManager();
        StoredCalendar c = em.find(StoredCalendar.class, code);
        if (c == null) {
            throw new NotFoundException("sla.calendar.not-found", code);
        }
        for (ServiceStandard s : standards()) {
            if (s.calendar().equals(code)) {
                throw new ConflictException("sla.calendar.in-use", code, s.code());
            }
        }
        em.remove(c);
        audit.record("sla.calendar.deleted", "calendar", code, c.document(), null);
    }

    /**
     * Replaces all calendars and rules by the document's, or changes nothing when any part is
     * invalid. Unchanged rules keep their version; rules missing from the document are deleted.
     */
    public StandardsDocument.Contents importDocument(JsonObject doc) {
        gate.close();
        EntityManager em = data.entityManager();
        StandardsDocument.Contents contents = StandardsDocument.read(doc, c -> false, t -> teams.find(t).isPresent());
        OffsetDateTime now = now();
        Set<String> calendarCodes = new HashSet<>();
        for (CalendarDefinition c : contents.calendars()) {
            storeCalendar(em, c, now);
            calendarCodes.add(c.code());
        }
        Set<String> standardCodes = new HashSet<>();
        List<ServiceStandard> saved = new ArrayList<>();
        for (ServiceStandard s : contents.standards()) {
            saved.add(save(em, s, now).standard());
            standardCodes.add(s.code());
        }
        for (StoredStandard s : em.createQuery("select s from StoredStandard s", StoredStandard.class).getResultList()) {
            if (!standardCodes.contains(s.code())) {
                em.remove(s);
                audit.record("sla.standard.deleted", "service-standard", s.code(), s.document(), null);
            }
        }
        for (StoredCalendar c : em.createQuery("select c from StoredCalendar c", StoredCalendar.class).getResultList()) {
            if (!calendarCodes.contains(c.code())) {
                em.remove(c);
                audit.record("sla.calendar.deleted", "calendar", c.code(), c.document(), null);
            }
        }
        saved.sort(Comparator.comparingInt(ServiceStandard::order).thenComparing(ServiceStandard::code));
        return new StandardsDocument.Contents(contents.calendars(), saved);
    }

    public JsonObject exportDocument() {
        List<ServiceStandard> standards = standards();
        return StandardsDocument.write(calendars(), standards);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static ServiceStandard parse(StoredStandard s) {
        return readStored(s.document(), s.ruleVersion());
    }

    /** Stored documents were valid when stored; their calendars and teams are not checked again. */
    static ServiceStandard readStored(String document, int version) {
        return StandardsDocument.readStandard(json(document), c -> true, t -> true).withVersion(version);
    }

    static JsonObject json(String s) {
        return Jsons.createReader(new StringReader(s)).readObject();
    }
}
