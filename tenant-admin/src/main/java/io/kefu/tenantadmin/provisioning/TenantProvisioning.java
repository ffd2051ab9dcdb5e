package io.kefu.tenantadmin.provisioning;

import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kefu.platform.identity.EmailAddress;
import io.kefu.platform.identity.IdentityService;
import io.kefu.platform.identity.NewPassword;
import io.kefu.platform.identity.PasswordHash;
import io.kefu.platform.identity.Role;
import io.kefu.platform.identity.Username;
import io.kefu.platform.plugin.Plugins;
import io.kefu.platform.problem.OperationFailedException;
import io.kefu.platform.problem.Validation;
import io.kefu.platform.tenant.Industry;
import io.kefu.platform.tenant.Tenant;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.persistence.TenantSchemas;

/**
 * Creates a tenant: claims its code, builds its schema with Liquibase, creates its admin, enables
 * the plugin of its industry when one is installed, and activates it. Either all of that happens or none of it remains: on any failure the schema is
 * dropped and the rows removed, so the same request can simply be sent again.
 */
@ApplicationScoped
public class TenantProvisioning {

    private static final Logger LOG = Logger.getLogger(TenantProvisioning.class.getName());
    static final String DEFAULT_PLAN = "standard";

    private final TenantRegistry registry;
    private final TenantSchemas schemas;
    private final IdentityService identities;
    private final Plugins plugins;

    @Resource
    ManagedExecutorService executor;

    @Inject
    public TenantProvisioning(TenantRegistry registry, TenantSchemas schemas, IdentityService identities, Plugins plugins) {
        this.registry = registry;
        this.schemas = schemas;
        this.identities = identities;
        this.plugins = plugins;
    }

    /** For CDI's proxy only. */
    protected TenantProvisioning() {
        this(null, null, null, null);
    }

    /**
     * @throws io.kefu.platform.problem.InvalidInputException listing every invalid field
     * @throws io.kefu.platform.problem.ConflictException when the code is taken
     * @throws OperationFailedException when the database failed; nothing was kept
     */
    public Tenant provision(NewTenant request) {
        Validation v = new Validation();
        TenantCode code = v.check(() -> TenantCode.parse(request.code(), "code"));
        String name = request.name() == null ? "" : request.name().trim();
        if (name.isEmpty()) {
            v.reject("name", "field.required");
        } else if (name.length() > 200) {
            v.reject("name", "tenant.name.length");
        }
        Industry industry = v.check(() -> Industry.parse(request.industry(), "industry"));
        Username admin = v.check(() -> Username.parse(request.adminUsername(), "adminUsername"));
        char[] password = v.check(() -> NewPassword.check(request.adminPassword(), "adminPassword"));
        EmailAddress email = v.check(() -> EmailAddress.parse(request.adminEmail(), "adminEmail"));
        v.throwIfInvalid();

        Tenant tenant = Tenant.beginProvisioning(code, name, industry, DEFAULT_PLAN, email.value());
        registry.claim(tenant);
        try {
            // Each step's time goes to the log: provisioning time is a published figure (docs/benchmarks.md).
            long t0 = System.nanoTime();
            // PBKDF2 is a few hundred ms of CPU; Liquibase mostly waits on the database meanwhile.
            CompletableFuture<PasswordHash.Hashed> adminPassword = hashing(password);
            schemas.migrate(code);
            long t1 = System.nanoTime();
            identities.createUser(code, admin, adminPassword.join(), Role.TENANT_ADMIN, admin.value(), email);
            long t2 = System.nanoTime();
            // The industry's plugin (express, hotel, ...) is part of what the tenant signed up for.
            boolean plugin = plugins.enableForIndustry(code, industry.id(), "system");
            long t3 = System.nanoTime();
            registry.activate(code);
            LOG.info(String.format("Provisioned tenant %s (%s%s) in %d ms: schema %d ms, admin %d ms, plugin %d ms", code,
                    industry.id(), plugin ? ", plugin enabled" : "", (System.nanoTime() - t0) / 1_000_000,
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000));
            return registry.find(code).orElseThrow();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Provisioning tenant " + code + " failed; rolling it back", e);
            undo(code);
            throw new OperationFailedException("tenant.provisioning.failed", e, code.value());
        }
    }

    private CompletableFuture<PasswordHash.Hashed> hashing(char[] password) {
        if (executor == null) {
            // Built by hand (unit tests): no container threads to lend.
            return CompletableFuture.completedFuture(PasswordHash.of(password));
        }
        return CompletableFuture.supplyAsync(() -> PasswordHash.of(password), executor);
    }

    private void undo(TenantCode code) {
        try {
            schemas.drop(code);
        } finally {
            registry.forget(code);
        }
    }
}
