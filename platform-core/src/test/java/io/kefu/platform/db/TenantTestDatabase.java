package io.kefu.platform.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import io.kefu.db.SchemaMigrator;
import io.kefu.db.testing.TestPostgres;
import io.kefu.platform.tenant.persistence.TenantPersistence;

/**
 * For database tests of platform code outside a container, on {@code "h2"} (a fresh in-memory
 * database) or {@code "postgresql"} (a fresh database on the test server): tenant schemas
 * migrated as provisioning does, Kefu's persistence unit with local transactions, and a
 * {@link TenantPersistence} that hands out the test's own EntityManager.
 */
public final class TenantTestDatabase {

    private TenantTestDatabase() {
    }

    /** A fresh database's URL with {@code schemas} migrated to the tenant changelog. */
    public static String migrated(String database, String... schemas) throws SQLException {
        String url = database.equals("h2")
                ? "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;DEFAULT_LOCK_TIMEOUT=20000"
                : TestPostgres.freshDatabaseUrl();
        try (Connection c = DriverManager.getConnection(url)) {
            for (String schema : schemas) {
                SchemaMigrator.migrate(c, new SchemaMigrator.SchemaName(schema), SchemaMigrator.TENANT_CHANGELOG);
            }
        }
        return url;
    }

    /** Kefu's persistence unit on {@code url}, with resource-local transactions (the caller closes it). */
    public static EntityManagerFactory persistenceUnit(String database, String url) {
        Map<String, Object> props = new HashMap<>();
        props.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        props.put("jakarta.persistence.jtaDataSource", "");
        props.put("jakarta.persistence.jdbc.url", url);
        props.put("jakarta.persistence.jdbc.driver", database.equals("h2") ? "org.h2.Driver" : "org.postgresql.Driver");
        props.put("eclipselink.target-server", "None");
        props.put("eclipselink.logging.level", "WARNING");
        return Persistence.createEntityManagerFactory("kefu", props);
    }

    /** Tenant data through the EntityManager the test holds now (its tenant set by the test). */
    public static TenantPersistence persistence(Supplier<EntityManager> current) {
        return new TenantPersistence() {
            @Override
            public EntityManager entityManager() {
                return current.get();
            }

            @Override
            public java.sql.Connection connection() {
                return current.get().unwrap(java.sql.Connection.class);
            }

            @Override
            public java.sql.Connection jdbcOnly(KefuDatabase.Pool pool) {
                return connection();
            }

            @Override
            public void flushIfUsed() {
                current.get().flush();
            }
        };
    }
}
