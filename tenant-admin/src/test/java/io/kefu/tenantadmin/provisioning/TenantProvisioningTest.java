package io.kefu.tenantadmin.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.kefu.platform.identity.EmailAddress;
import io.kefu.platform.identity.IdentityService;
import io.kefu.platform.identity.PasswordHash;
import io.kefu.platform.identity.Member;
import io.kefu.platform.identity.Role;
import io.kefu.platform.identity.Username;
import io.kefu.platform.problem.ConflictException;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.OperationFailedException;
import io.kefu.platform.tenant.Tenant;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantStatus;
import io.kefu.platform.tenant.persistence.TenantSchemas;

/** The all-or-nothing rule of provisioning, with the database replaced by in-memory fakes. */
class TenantProvisioningTest {

    private final FakeRegistry registry = new FakeRegistry();
    private final FakeSchemas schemas = new FakeSchemas();
    private final FakeIdentities identities = new FakeIdentities();
    private final FakePlugins plugins = new FakePlugins();
    private final TenantProvisioning provisioning = new TenantProvisioning(registry, schemas, identities, plugins);

    private static NewTenant acme() {
        return new NewTenant("acme", "Acme 快递", "express", "boss", "secret123", "boss@acme.cn");
    }

    @Test
    void aValidSignUpBuildsSchemaAndAdminAndActivatesTheTenant() {
        Tenant t = provisioning.provision(acme());
        assertEquals(TenantStatus.ACTIVE, t.status());
        assertEquals(Set.of("t_acme"), schemas.existing);
        assertEquals(List.of("acme/boss:TENANT_ADMIN"), identities.created);
        assertEquals(List.of("acme:express"), plugins.enabled);
    }

    @Test
    void aFailureEnablingTheIndustryPluginUndoesEverything() {
        plugins.failNext = true;
        assertThrows(OperationFailedException.class, () -> provisioning.provision(acme()));
        assertTrue(registry.rows.isEmpty());
        assertTrue(schemas.existing.isEmpty());
    }

    @Test
    void everyInvalidFieldIsReportedAndNothingIsTouched() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> provisioning.provision(
                new NewTenant("A B", " ", "shipping", "x", "short", "nope")));
        assertEquals(List.of("code", "name", "industry", "adminUsername", "adminPassword", "adminEmail"),
                e.errors().stream().map(FieldError::field).toList());
        assertTrue(registry.rows.isEmpty());
        assertTrue(schemas.existing.isEmpty());
    }

    @Test
    void aFailedMigrationLeavesNothingBehindAndARetrySucceeds() {
        schemas.failNextMigration = true;
        OperationFailedException e = assertThrows(OperationFailedException.class, () -> provisioning.provision(acme()));
        assertEquals("tenant.provisioning.failed", e.code());
        assertTrue(registry.rows.isEmpty(), "tenant row removed");
        assertTrue(schemas.existing.isEmpty(), "schema dropped");

        assertEquals(TenantStatus.ACTIVE, provisioning.provision(acme()).status());
    }

    @Test
    void aFailureCreatingTheAdminDropsTheFreshSchema() {
        identities.failNext = true;
        assertThrows(OperationFailedException.class, () -> provisioning.provision(acme()));
        assertTrue(registry.rows.isEmpty());
        assertTrue(schemas.existing.isEmpty());
    }

    @Test
    void aTakenCodeIsAConflictAndTheExistingTenantIsLeftAlone() {
        provisioning.provision(acme());
        ConflictException e = assertThrows(ConflictException.class, () -> provisioning.provision(acme()));
        assertEquals("tenant.code.taken", e.code());
        assertEquals(Set.of("t_acme"), schemas.existing, "the first tenant's schema must survive a duplicate sign-up");
        assertEquals(TenantStatus.ACTIVE, registry.rows.get("acme").status());
    }

    static class FakeRegistry extends TenantRegistry {
        final Map<String, Tenant> rows = new HashMap<>();

        @Override
        public void claim(Tenant tenant) {
            if (rows.putIfAbsent(tenant.code().value(), tenant) != null) {
                throw new ConflictException("tenant.code.taken", tenant.code().value());
            }
        }

        @Override
        public void activate(TenantCode code) {
            rows.get(code.value()).activate();
        }

        @Override
        public void forget(TenantCode code) {
            rows.remove(code.value());
        }

        @Override
        public Optional<Tenant> find(TenantCode code) {
            return Optional.ofNullable(rows.get(code.value()));
        }
    }

    static class FakeSchemas extends TenantSchemas {
        final Set<String> existing = new HashSet<>();
        boolean failNextMigration;

        @Override
        public void migrate(TenantCode tenant) {
            existing.add(tenant.schemaName().value());
            if (failNextMigration) {
                failNextMigration = false;
                throw new IllegalStateException("changeset tenant-1-members failed half-way");
            }
        }

        @Override
        public void drop(TenantCode tenant) {
            existing.remove(tenant.schemaName().value());
        }
    }

    static class FakeIdentities extends IdentityService {
        final List<String> created = new ArrayList<>();
        boolean failNext;

        @Override
        public Member createUser(TenantCode tenant, Username username, PasswordHash.Hashed password, Role role, String displayName,
                                 EmailAddress email) {
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("connection reset");
            }
            created.add(tenant.value() + "/" + username.value() + ":" + role);
            return null;
        }
    }

    /** Records which tenant got which industry plugin. */
    static final class FakePlugins extends io.kefu.platform.plugin.Plugins {
        final List<String> enabled = new ArrayList<>();
        boolean failNext;

        @Override
        public boolean enableForIndustry(TenantCode tenant, String industryId, String by) {
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("plugin changelog failed");
            }
            enabled.add(tenant.value() + ":" + industryId);
            return true;
        }
    }
}
