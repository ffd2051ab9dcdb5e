package io.kefu.platform.token;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.kefu.platform.audit.AuditLog;
import io.kefu.platform.db.KefuDatabase;
import io.kefu.platform.identity.Caller;
import io.kefu.platform.identity.Login;
import io.kefu.platform.identity.Role;
import io.kefu.platform.problem.ConflictException;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.ForbiddenException;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.NotFoundException;
import io.kefu.platform.security.CallerContext;
import io.kefu.platform.tenant.Tenant;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.platform.tenant.Tenants;
import io.kefu.platform.tenant.persistence.TenantPersistence;

/** Issues, lists, revokes and checks the API tokens of tenants. */
@ApplicationScoped
@Transactional
public class ApiTokens {

    /** The longest name an admin may give a token. */
    public static final int NAME_MAX = 100;
    static final String AUDIT_SUBJECT = "api-token";

    @PersistenceContext(unitName = "kefu")
    EntityManager em;

    @Inject
    TenantPersistence data;

    @Inject
    TenantContext tenantContext;

    @Inject
    CallerContext callers;

    @Inject
    Tenants tenants;

    @Inject
    AuditLog audit;

    @Inject
    TrustedTokens trusted;

    @Inject
    KefuDatabase database;

    /** A token just issued, with its secret: the only time the secret exists outside the client. */
    public record Issued(ApiToken token, String secret) {
        @Override
        public String toString() {
            return "Issued[" + token.id() + ", " + token.prefix() + "...]";
        }
    }

    /** A token's name as the admin typed it: trimmed, 1 to {@value #NAME_MAX} characters. */
    public static String parseName(String input, String field) {
        if (input == null || input.isBlank()) {
            throw new InvalidInputException(FieldError.of(field, "field.required"));
        }
        String name = input.strip();
        if (name.length() > NAME_MAX || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(FieldError.of(field, "token.name.invalid", NAME_MAX));
        }
        return name;
    }

    /**
     * Issues a token acting as {@code admin}, in the admin's tenant. Only tenant admins issue
     * tokens; a live token of the same name in the tenant is a conflict.
     */
    public Issued issue(Caller.TenantUser admin, String name) {
        if (admin.role() != Role.TENANT_ADMIN) {
            throw new ForbiddenException("token.admin-required");
        }
        String n = parseName(name, "name");
        try (TenantContext.Binding t = tenantContext.bind(admin.tenant());
             CallerContext.Binding c = callers.actAs(admin)) {
            // The tenant's schema goes on this transaction's EntityManager before anything else
            // uses it (the audit entry below is tenant data).
            data.entityManager();
            long taken = em.createQuery(
                            "select count(t) from ApiToken t where t.tenantCode = :t and t.activeName = :n", Long.class)
                    .setParameter("t", admin.tenant().value()).setParameter("n", n).getSingleResult();
            if (taken > 0) {
                throw new ConflictException("token.name.taken", n);
            }
            String secret = TokenSecret.generate();
            ApiToken token = new ApiToken(admin.tenant(), admin.username(), n, secret, now());
            em.persist(token);
            try {
                em.flush();
            } catch (PersistenceException e) {
                // The unique constraint caught a concurrent issue of the same name.
                throw new ConflictException("token.name.taken", n);
            }
            audit.record("token.created", AUDIT_SUBJECT, token.id(), null, state(token));
            return new Issued(token, secret);
        }
    }

    /** The bound tenant's tokens, newest first, revoked ones included. */
    public List<ApiToken> all() {
        return em.createQuery("select t from ApiToken t where t.tenantCode = :t order by t.createdAt desc, t.id", ApiToken.class)
                .setParameter("t", tenantContext.require().value()).getResultList();
    }

    /** A token of the bound tenant; one of another tenant is not found, like one that never existed. */
    public ApiToken find(String id) {
        TenantCode tenant = tenantContext.require();
        ApiToken token = id == null ? null : em.find(ApiToken.class, id);
        if (token == null || !token.tenant().equals(tenant)) {
            throw new NotFoundException("token.not-found", id == null ? "" : id);
        }
        return token;
    }

    /**
     * Revokes a token of the bound tenant; revoking a revoked token changes nothing. A token of
     * another tenant is not found.
     */
    public void revoke(String id) {
        // The tenant's schema first: the audit entry is tenant data.
        data.entityManager();
        ApiToken token = find(id);
        Map<String, Object> before = state(token);
        if (token.revoke(now())) {
            audit.record("token.revoked", AUDIT_SUBJECT, token.id(), before, state(token));
        }
        // Now, and once the revocation has committed: a request that read the token meanwhile may have trusted it again.
        String tokenId = token.id();
        trusted.forget(tokenId);
        database.transactions().registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                trusted.forget(tokenId);
            }
        });
    }

    /**
     * The caller a Bearer token stands for, now: the token must be live, its tenant active and
     * its user's login enabled; the role is the login's current one. Notes the use, at most
     * once a minute per token. The answer is then trusted on this node for a few seconds
     * ({@link TrustedTokens}; callers ask it first, outside any transaction).
     */
    public Optional<Caller.TenantUser> authenticate(String secret) {
        if (!TokenSecret.isWellFormed(secret)) {
            return Optional.empty();
        }
        String hash = TokenSecret.hash(secret);
        Optional<ApiToken> found = em.createQuery("select t from ApiToken t where t.tokenHash = :h", ApiToken.class)
                .setParameter("h", hash).getResultStream().findFirst();
        if (found.isEmpty() || found.get().isRevoked()) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        TenantCode tenant = token.tenant();
        if (!tenants.find(tenant).map(Tenant::isActive).orElse(false)) {
            return Optional.empty();
        }
        Optional<Login> login = em.createQuery(
                        "select l from Login l where l.tenantCode = :t and l.username = :u", Login.class)
                .setParameter("t", tenant.value()).setParameter("u", token.username())
                .getResultStream().findFirst();
        if (login.isEmpty() || !login.get().enabled()) {
            return Optional.empty();
        }
        token.recordUse(now());
        Caller.TenantUser caller = new Caller.TenantUser(tenant, token.username(), login.get().role());
        trusted.remember(hash, token.id(), caller);
        return Optional.of(caller);
    }

    private static Map<String, Object> state(ApiToken token) {
        // Never the secret or its hash: the audit log is read by supervisors.
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", token.name());
        s.put("prefix", token.prefix());
        s.put("username", token.username());
        s.put("revokedAt", token.revokedAt() == null ? null : token.revokedAt().toString());
        return s;
    }

    /** To the microsecond, as the database keeps it: the issue answer and later lists agree. */
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
