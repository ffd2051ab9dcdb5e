package io.kefu.plugin.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.kefu.db.SchemaMigrator;
import io.kefu.db.SchemaMigrator.SchemaName;
import io.kefu.plugin.api.PluginDatabase;

/** The databases the kit migrates: an in-memory H2, and PostgreSQL when {@code KEFU_TEST_PG_URL} names one. */
final class KitDatabases {

    static final String PG_ENV = "KEFU_TEST_PG_URL";

    private KitDatabases() {
    }

    static Connection h2() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:kit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    static Optional<String> postgresUrl() {
        return Optional.ofNullable(System.getenv(PG_ENV)).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(System.getProperty("kefu.test.pg.url")).filter(s -> !s.isBlank()));
    }

    /** A fresh tenant-like schema with the platform's tenant tables, as a real tenant has them. */
    static SchemaName tenantSchema(Connection c) {
        SchemaName schema = new SchemaName("t_kit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        SchemaMigrator.migrate(c, schema, SchemaMigrator.TENANT_CHANGELOG);
        return schema;
    }

    static int changesetsOf(Connection c, SchemaName schema, String changelog) throws SQLException {
        String s = folded(c, schema);
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from " + s + ".databasechangelog where filename = '" + changelog.replace("'", "") + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static String folded(Connection c, SchemaName schema) throws SQLException {
        return c.getMetaData().storesUpperCaseIdentifiers() ? schema.value().toUpperCase(Locale.ROOT) : schema.value();
    }

    /** JDBC access for hooks, bound to {@code schema}, as the host gives it. */
    static PluginDatabase database(Connection c, SchemaName schema) {
        return new PluginDatabase() {
            @Override
            public <T> T inTenantSchema(Work<T> work) throws SQLException {
                String previous = c.getSchema();
                c.setSchema(folded(c, schema));
                try {
                    return work.run(c);
                } finally {
                    c.setSchema(previous);
                }
            }
        };
    }
}
