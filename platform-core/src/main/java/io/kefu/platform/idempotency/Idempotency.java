package io.kefu.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.kefu.platform.problem.ConflictException;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.security.CallerContext;
import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * {@code Idempotency-Key} for creates: a retried request returns what the first one created.
 * The key is scoped to the kind of resource and the caller, and remembered with a hash of the
 * request in the creating transaction, so a create and its key commit or roll back together.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY = 120;

    @Inject
    TenantPersistence data;

    @Inject
    CallerContext callers;

    /** A key sent with a request, and the request's fingerprint. */
    public record Claim(String key, String requestHash) {
    }

    /** The claim of this request, or empty when it sent no key. */
    public Optional<Claim> claim(String resourceType, String header, String request) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String key = header.strip();
        if (key.length() > MAX_KEY) {
            throw new InvalidInputException(FieldError.of(HEADER, "field.too-long", MAX_KEY));
        }
        String caller = callers.username("-");
        return Optional.of(new Claim(resourceType + ":" + caller + ":" + key, sha256(request)));
    }

    /** The id created by an earlier request with this key; a different request with it is refused. */
    public Optional<String> earlier(Claim claim) {
        IdempotencyKey seen = data.entityManager().find(IdempotencyKey.class, claim.key());
        if (seen == null) {
            return Optional.empty();
        }
        if (!seen.requestHash().equals(claim.requestHash())) {
            throw new ConflictException("idempotency.key.reused");
        }
        return Optional.of(seen.resourceId());
    }

    /** Remembers what this request created; a twin still in flight makes this one fail. */
    public void remember(Claim claim, String resourceId) {
        EntityManager em = data.entityManager();
        em.persist(new IdempotencyKey(claim.key(), claim.requestHash(), resourceId));
        try {
            em.flush();
        } catch (PersistenceException concurrent) {
            throw new ConflictException("idempotency.key.concurrent");
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
