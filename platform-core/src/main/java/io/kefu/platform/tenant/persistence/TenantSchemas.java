package io.kefu.platform.tenant.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.kefu.db.SchemaMigrator;
import io.kefu.db.TenantUpgrades;
import io.kefu.platform.db.KefuDataSource;
import io.kefu.platform.db.KefuDatabase;
import io.kefu.platform.tenant.TenantCode;

/**
 * Creates, upgrades and drops schemas with Liquibase, outside any JTA transaction: DDL commits
 * on its own, and a migration must not be rolled back by an unrelated failure.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class TenantSchemas {

    @Inject
    KefuDatabase database;

    public void migratePlatform() {
        try (Connection c = database.dataSource().getConnection()) {
            SchemaMigrator.migrate(c, PlatformSchema.SCHEMA, SchemaMigrator.PLATFORM_CHANGELOG);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to migrate the platform schema", e);
        }
    }

    /** Creates the tenant's schema if needed and applies every pending tenant changeset. */
    public void migrate(TenantCode tenant) {
        try (Connection c = database.dataSource().getConnection()) {
            SchemaMigrator.migrate(c, tenant.schemaName(), SchemaMigrator.TENANT_CHANGELOG);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to migrate tenant " + tenant, e);
        }
    }

    /**
     * Brings every given tenant's schema up to date, each on a fresh physical connection outside
     * the pool (see {@link TenantUpgrades} for why), {@code parallelism} schemas at a time.
     * Failures are reported per tenant; the others are still upgraded.
     */
    public TenantUpgrades.Report upgradeAll(List<TenantCode> tenants, int parallelism, Consumer<TenantUpgrades.Outcome> progress) {
        KefuDataSource unpooled = new KefuDataSource();
        return TenantUpgrades.upgradeAll(unpooled::getConnection, tenants.stream().map(TenantCode::schemaName).toList(),
                SchemaMigrator.TENANT_CHANGELOG, parallelism, progress);
    }

    /** Removes the tenant's schema and all its data. */
    public void drop(TenantCode tenant) {
        try (Connection c = database.dataSource().getConnection()) {
            SchemaMigrator.dropSchema(c, tenant.schemaName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop the schema of tenant " + tenant, e);
        }
    }

    /** True when the database answers. */
    public boolean databaseReachable() {
        try (Connection c = database.dataSource().getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
