package io.kefu.platform.attachment;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.kefu.platform.audit.AuditLog;
import io.kefu.platform.config.KefuConfig;
import io.kefu.platform.problem.ConflictException;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.NotFoundException;
import io.kefu.platform.security.CallerContext;
import io.kefu.platform.tenant.persistence.TenantPersistence;
import io.kefu.platform.ticket.Ticket;
import io.kefu.platform.ticket.TicketService;

/** Files on tickets of the bound tenant: type and size checked, recorded on the timeline and audited. */
@ApplicationScoped
@Transactional
public class Attachments {

    /** 10 MiB unless {@code kefu.attachments.max-bytes} says otherwise. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    @Inject
    TenantPersistence data;

    @Inject
    AttachmentStore store;

    @Inject
    TicketService tickets;

    @Inject
    AuditLog audit;

    @Inject
    CallerContext callers;

    public Attachment attach(String ticketNumber, String filename, InputStream content) {
        Ticket t = tickets.get(ticketNumber);
        if (t.status().isTerminal()) {
            throw new ConflictException("ticket.read-only", t.number(), t.status().name());
        }
        String name = Filenames.clean(filename);
        AttachmentStore.Upload upload = store.receive(content, maxBytes());
        FileType type = FileType.sniff(upload.head(), upload.headLength(), upload.size() > upload.headLength()).orElseThrow(() -> {
            store.discard(upload.file());
            return new InvalidInputException(FieldError.of("file", "attachment.type.refused"));
        });
        Attachment a = new Attachment(upload.id(), t.id(), name == null ? "attachment." + type.extension() : name, type,
                upload.size(), upload.sha256(), who(), Instant.now());
        data.entityManager().persist(a);
        tickets.recordAttachment(t, a.id(), a.filename(), a.size());
        audit.record("attachment.added", "ticket", t.number(), null,
                java.util.Map.of("attachment", a.id(), "filename", a.filename(), "size", a.size(), "sha256", a.sha256()));
        return a;
    }

    public List<Attachment> of(String ticketNumber) {
        Ticket t = tickets.get(ticketNumber);
        return data.entityManager().createQuery("select a from Attachment a where a.ticketId = :t order by a.createdAt, a.id", Attachment.class)
                .setParameter("t", t.id()).getResultList();
    }

    /** One attachment of one ticket; an id of another ticket or tenant is not found. */
    public Attachment get(String ticketNumber, String id) {
        Ticket t = tickets.get(ticketNumber);
        Attachment a;
        try {
            a = data.entityManager().find(Attachment.class, java.util.UUID.fromString(id).toString());
        } catch (IllegalArgumentException notAnId) {
            a = null;
        }
        if (a == null || !a.ticketId().equals(t.id())) {
            throw new NotFoundException("attachment.not-found", id);
        }
        return a;
    }

    /** The bytes of an attachment already checked to belong to the caller's ticket. */
    public InputStream content(Attachment a) throws java.io.IOException {
        return store.open(a.id());
    }

    static long maxBytes() {
        return KefuConfig.attachmentMaxBytes().orElse(DEFAULT_MAX_BYTES);
    }

    private String who() {
        return callers.username(AuditLog.SYSTEM);
    }
}
