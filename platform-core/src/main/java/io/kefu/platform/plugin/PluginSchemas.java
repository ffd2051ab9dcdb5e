package io.kefu.platform.plugin;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.kefu.db.SchemaMigrator;
import io.kefu.platform.db.KefuDatabase;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.plugin.api.PluginDatabase;

/**
 * A plugin's own tables in a tenant's schema: its Liquibase changelog applied (outside any JTA
 * transaction, as DDL commits by itself), and the JDBC access its hooks get.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class PluginSchemas {

    @Inject
    KefuDatabase database;

    /** Applies the plugin's changelog, read through the plugin's own class loader; a re-run changes nothing. */
    public void migrate(TenantCode tenant, LoadedPlugin plugin) {
        String changelog = plugin.plugin().changelog().orElse(null);
        if (changelog == null) {
            return;
        }
        try (Connection c = database.dataSource().getConnection()) {
            SchemaMigrator.migrate(c, tenant.schemaName(), changelog, plugin.classLoader());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to migrate plugin " + plugin.id() + " for tenant " + tenant, e);
        }
    }

    /** JDBC access bound to the tenant's schema, for the hooks of one plugin call. */
    public PluginDatabase database(TenantCode tenant) {
        return new TenantSchemaDatabase(database, tenant);
    }

    /** Connections from the pool with the tenant's schema as default, restored before they go back. */
    record TenantSchemaDatabase(KefuDatabase database, TenantCode tenant) implements PluginDatabase {
        @Override
        public <T> T inTenantSchema(Work<T> work) throws SQLException {
            try (Connection c = database.dataSource().getConnection()) {
                String previous = c.getSchema();
                // Unquoted names fold: upper case on H2, lower case on PostgreSQL.
                String schema = c.getMetaData().storesUpperCaseIdentifiers()
                        ? tenant.schemaName().value().toUpperCase(java.util.Locale.ROOT) : tenant.schemaName().value();
                c.setSchema(schema);
                try {
                    return work.run(c);
                } finally {
                    c.setSchema(previous);
                }
            }
        }
    }
}
