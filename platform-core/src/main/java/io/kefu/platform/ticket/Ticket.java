package io.kefu.platform.ticket;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * A service request or complaint (工单) through its whole life. Changes go through behaviour
 * named in the domain ({@link #transition}, {@link #edit}, {@link #recordPublicReply}, ...), each
 * returning what changed so the service can put it on the timeline and in the audit log.
 */
@Entity
@Table(name = "ticket")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantPersistence.TENANT_PROPERTY)
public class Ticket {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "number", nullable = false)
    private String number;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private TicketKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private TicketStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "priority", nullable = false)
    private Priority priority;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false)
    private Channel channel;

    @Column(name = "subject", nullable = false)
    private String subject;

    /** Lower-cased subject for case-insensitive search on both databases. */
    @Column(name = "subject_search", nullable = false)
    private String subjectSearch;

    @Lob
    @Column(name = "description")
    private String description;

    @Column(name = "category")
    private String category;

    @Column(name = "customer_id")
    private String customerId;

    @Column(name = "team_id")
    private String teamId;

    @Column(name = "assignee")
    private String assignee;

    @Column(name = "tags", nullable = false)
    private String tags;

    @Lob
    @Column(name = "custom_fields")
    private String customFields;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "first_response_at")
    private OffsetDateTime firstResponseAt;

    @Column(name = "resolved_at")
    private OffsetDateTime resolvedAt;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Column(name = "cancelled_at")
    private OffsetDateTime cancelledAt;

    @Column(name = "archived_at")
    private OffsetDateTime archivedAt;

    @Lob
    @Column(name = "resolution")
    private String resolution;

    @Column(name = "cancel_reason")
    private String cancelReason;

    @Column(name = "reopen_count", nullable = false)
    private int reopenCount;

    @Column(name = "last_event_seq", nullable = false)
    private int lastEventSeq;

    @Enumerated(EnumType.STRING)
    @Column(name = "severity")
    private Severity severity;

    @Column(name = "escalation_level")
    private Integer escalationLevel;

    @Column(name = "root_cause")
    private String rootCause;

    @Column(name = "remedy")
    private String remedy;

    @Column(name = "compensation_amount")
    private BigDecimal compensationAmount;

    @Column(name = "compensation_currency")
    private String compensationCurrency;

    @Column(name = "customer_contacted_at")
    private OffsetDateTime customerContactedAt;

    @Version
    @Column(name = "version")
    private long version;

    protected Ticket() {
    }

    /** A new ticket, status NEW, as recorded by {@code createdBy}. */
    static Ticket open(String number, TicketDraft d, String createdBy, Instant now) {
        Ticket t = new Ticket();
        t.id = UUID.randomUUID().toString();
        t.number = Objects.requireNonNull(number);
        t.kind = d.kind();
        t.status = TicketStatus.NEW;
        t.priority = d.priority();
        t.channel = d.channel();
        t.setSubject(d.subject());
        t.description = d.description();
        t.category = d.category();
        t.customerId = d.customerId();
        t.teamId = d.teamId();
        t.tags = joinTags(d.tags());
        t.applyComplaint(d.complaint());
        t.createdBy = createdBy;
        t.createdAt = at(now);
        t.updatedAt = t.createdAt;
        return t;
    }

    /** What the lifecycle's guards look at. */
    public TicketFacts facts() {
        return new TicketFacts(status, kind, assignee, instant(resolvedAt), instant(closedAt),
                customerContactedAt != null, rootCause != null);
    }

    /**
     * Moves the ticket if {@link Lifecycle} allows it, with the move's side effects (assignee,
     * resolution, timestamps). Returns the changed fields, status first.
     */
    List<FieldChange> transition(TransitionRequest move, Actor actor, Instant now, Duration reopenWindow) {
        Lifecycle.check(facts(), actor, move, now, reopenWindow);
        List<FieldChange> changes = new ArrayList<>();
        TicketStatus from = status;
        TicketStatus to = move.to();
        if (from != to) {
            changes.add(new FieldChange("status", from.name(), to.name()));
        }
        status = to;
        switch (to) {
            case ASSIGNED -> changeAssignee(move.assignee().trim(), changes);
            case IN_PROGRESS -> {
                if (assignee == null && actor.isStaff()) {
                    // Picking up an unassigned ticket makes it yours.
                    changeAssignee(actor.name(), changes);
                }
            }
            case RESOLVED -> {
                resolution = move.resolution().strip();
                resolvedAt = at(now);
            }
            case CLOSED -> closedAt = at(now);
            case CANCELLED -> {
                cancelReason = move.reason().strip();
                cancelledAt = at(now);
            }
            case REOPENED -> {
                reopenCount++;
                resolvedAt = null;
                closedAt = null;
                resolution = null;
            }
            case ARCHIVED -> archivedAt = at(now);
            default -> {
            }
        }
        touch(now);
        return changes;
    }

    /** Applies the edits that differ from the current values; returns what changed. */
    List<FieldChange> edit(TicketEdit e, Instant now) {
        if (status.isTerminal()) {
            throw new io.kefu.platform.problem.ConflictException("ticket.read-only", number, status.name());
        }
        List<FieldChange> changes = new ArrayList<>();
        if (e.subject() != null && !e.subject().equals(subject)) {
            changes.add(new FieldChange("subject", subject, e.subject()));
            setSubject(e.subject());
        }
        if (e.description() != null && !e.description().value().equals(Objects.toString(description, ""))) {
            changes.add(new FieldChange("description", description, e.description().value()));
            description = e.description().value().isEmpty() ? null : e.description().value();
        }
        if (e.priority() != null && e.priority() != priority) {
            changes.add(new FieldChange("priority", priority.name(), e.priority().name()));
            priority = e.priority();
        }
        change("category", category, e.category(), v -> category = v, changes);
        change("customer", customerId, e.customerId(), v -> customerId = v, changes);
        change("team", teamId, e.teamId(), v -> teamId = v, changes);
        if (e.tags() != null && !joinTags(e.tags()).equals(tags)) {
            changes.add(new FieldChange("tags", String.join(",", tags()), String.join(",", e.tags())));
            tags = joinTags(e.tags());
        }
        if (e.complaint() != null) {
            Complaint before = complaint();
            applyComplaint(e.complaint());
            if (!before.equals(complaint())) {
                changes.add(new FieldChange("complaint", String.valueOf(before), String.valueOf(complaint())));
            }
        }
        if (!changes.isEmpty()) {
            touch(now);
        }
        return changes;
    }

    /** A public answer by staff: the first one is the first response the SLA measures. */
    void recordPublicReply(Instant now) {
        if (firstResponseAt == null) {
            firstResponseAt = at(now);
        }
        touch(now);
    }

    /** The position of the next timeline entry. */
    int nextEventSeq() {
        return ++lastEventSeq;
    }

    /** Custom field values as sent, kept until the forms engine validates them by definition. */
    void storeCustomFields(String json) {
        customFields = json;
    }

    public String customFields() {
        return customFields;
    }

    void recordActivity(Instant now) {
        touch(now);
    }

    /** A complaint may close only after this. */
    void recordCustomerContact(Instant now) {
        customerContactedAt = at(now);
        touch(now);
    }

    private void changeAssignee(String to, List<FieldChange> changes) {
        if (!Objects.equals(assignee, to)) {
            changes.add(new FieldChange("assignee", assignee, to));
            assignee = to;
        }
    }

    private static void change(String field, String current, TicketEdit.Value wanted,
                               java.util.function.Consumer<String> set, List<FieldChange> changes) {
        if (wanted != null && !Objects.equals(current, wanted.orNull())) {
            changes.add(new FieldChange(field, current, wanted.orNull()));
            set.accept(wanted.orNull());
        }
    }

    private void applyComplaint(Complaint c) {
        if (c == null) {
            return;
        }
        severity = c.severity();
        escalationLevel = c.escalationLevel();
        rootCause = c.rootCause();
        remedy = c.remedy();
        compensationAmount = c.compensationAmount();
        compensationCurrency = c.compensationCurrency();
    }

    private void setSubject(String s) {
        subject = s;
        subjectSearch = s.toLowerCase(java.util.Locale.ROOT);
    }

    private void touch(Instant now) {
        updatedAt = at(now);
    }

    static String joinTags(List<String> tags) {
        return tags.isEmpty() ? "," : "," + String.join(",", tags) + ",";
    }

    private static OffsetDateTime at(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    public String id() {
        return id;
    }

    public String number() {
        return number;
    }

    public TicketKind kind() {
        return kind;
    }

    public TicketStatus status() {
        return status;
    }

    public Priority priority() {
        return priority;
    }

    public Channel channel() {
        return channel;
    }

    public String subject() {
        return subject;
    }

    public String description() {
        return description;
    }

    public String category() {
        return category;
    }

    public String customerId() {
        return customerId;
    }

    public String teamId() {
        return teamId;
    }

    public String assignee() {
        return assignee;
    }

    public List<String> tags() {
        return Arrays.stream(tags.split(",")).filter(s -> !s.isEmpty()).toList();
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public OffsetDateTime firstResponseAt() {
        return firstResponseAt;
    }

    public OffsetDateTime resolvedAt() {
        return resolvedAt;
    }

    public OffsetDateTime closedAt() {
        return closedAt;
    }

    public String resolution() {
        return resolution;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public int reopenCount() {
        return reopenCount;
    }

    public OffsetDateTime customerContactedAt() {
        return customerContactedAt;
    }

    public Complaint complaint() {
        return new Complaint(severity, escalationLevel, rootCause, remedy, compensationAmount, compensationCurrency);
    }

    public long version() {
        return version;
    }

    /** Fields for the audit log's before/after. */
    Map<String, Object> auditState() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", number);
        m.put("kind", kind.name());
        m.put("status", status.name());
        m.put("priority", priority.name());
        m.put("subject", subject);
        m.put("category", category);
        m.put("customer", customerId);
        m.put("team", teamId);
        m.put("assignee", assignee);
        m.put("tags", tags());
        return m;
    }
}
