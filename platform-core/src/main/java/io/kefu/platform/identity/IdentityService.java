package io.kefu.platform.identity;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import io.kefu.platform.audit.AuditLog;
import io.kefu.platform.config.KefuConfig;
import io.kefu.platform.problem.ConflictException;
import io.kefu.platform.tenant.Tenant;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.platform.tenant.Tenants;

/** Checks credentials and creates the people who may log in. */
@ApplicationScoped
@Transactional
public class IdentityService {

    private static final Logger LOG = Logger.getLogger(IdentityService.class.getName());

    @PersistenceContext(unitName = "kefu")
    EntityManager em;

    @Inject
    Tenants tenants;

    @Inject
    Members members;

    @Inject
    TenantContext tenantContext;

    @Inject
    AuditLog audit;

    /** The tenant user, when the tenant is active, the login enabled and the password right. */
    public Optional<Caller.TenantUser> authenticate(TenantCode tenant, String username, char[] password) {
        Optional<Login> login = em.createQuery(
                        "select l from Login l where l.tenantCode = :t and l.username = :u", Login.class)
                .setParameter("t", tenant.value()).setParameter("u", username)
                .getResultStream().findFirst();
        if (login.isEmpty()) {
            PasswordHash.verifyAgainstNothing(password);
            return Optional.empty();
        }
        boolean active = tenants.find(tenant).map(Tenant::isActive).orElse(false);
        if (!login.get().matches(password) || !login.get().enabled() || !active) {
            return Optional.empty();
        }
        return Optional.of(new Caller.TenantUser(tenant, login.get().username(), login.get().role()));
    }

    public Optional<Caller.Operator> authenticateOperator(String username, char[] password) {
        OperatorAccount account = em.find(OperatorAccount.class, username);
        if (account == null) {
            PasswordHash.verifyAgainstNothing(password);
            return Optional.empty();
        }
        return account.matches(password) ? Optional.of(new Caller.Operator(username)) : Optional.empty();
    }

    /**
     * Creates a tenant user: the login in the platform schema and the member in the tenant's
     * schema, in one transaction.
     */
    public Member createUser(TenantCode tenant, Username username, char[] password, Role role,
                             String displayName, EmailAddress email) {
        return createUser(tenant, username, PasswordHash.of(password), role, displayName, email);
    }

    /** As {@link #createUser(TenantCode, Username, char[], Role, String, EmailAddress)}, with the password hashed beforehand. */
    public Member createUser(TenantCode tenant, Username username, PasswordHash.Hashed password, Role role,
                             String displayName, EmailAddress email) {
        Member member = new Member(username, displayName, email, role);
        try (TenantContext.Binding ignored = tenantContext.bind(tenant)) {
            // The tenant's schema is set on this transaction's EntityManager before anything
            // else touches it (TenantPersistence), so the member goes first.
            members.add(member);
            Long taken = em.createQuery("select count(l) from Login l where l.tenantCode = :t and l.username = :u", Long.class)
                    .setParameter("t", tenant.value()).setParameter("u", username.value()).getSingleResult();
            if (taken > 0) {
                throw new ConflictException("user.username.taken", username.value());
            }
            em.persist(new Login(tenant, username, password.encoded(), role));
            audit.record("user.created", "user", username.value(), null,
                    Map.of("username", username.value(), "role", role.name(), "displayName", displayName));
        }
        return member;
    }

    /**
     * Makes sure the operator account exists. {@code KEFU_OPERATOR_PASSWORD} sets its password
     * at every start; without it, a password is generated at first start and printed once.
     */
    public void ensureOperator() {
        Optional<String> configured = KefuConfig.operatorPassword();
        OperatorAccount account = em.find(OperatorAccount.class, OperatorAccount.DEFAULT_USERNAME);
        if (configured.isPresent()) {
            if (account == null) {
                em.persist(new OperatorAccount(OperatorAccount.DEFAULT_USERNAME, configured.get().toCharArray()));
            } else if (!account.matches(configured.get().toCharArray())) {
                account.changePassword(configured.get().toCharArray());
            }
            return;
        }
        if (account == null) {
            String generated = generatePassword();
            em.persist(new OperatorAccount(OperatorAccount.DEFAULT_USERNAME, generated.toCharArray()));
            String banner = "\n==================== Kefu operator ====================\n"
                    + " user: " + OperatorAccount.DEFAULT_USERNAME + "\n password: " + generated + "\n"
                    + " Shown once. Set KEFU_OPERATOR_PASSWORD to choose your own.\n"
                    + "=======================================================\n";
            System.out.println(banner);
            LOG.info("Generated the operator password (printed once on standard output)");
        }
    }

    private static String generatePassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
