package io.kefu.plugin.api;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * JDBC access to the tenant's schema for the plugin's own tables: the connection's default
 * schema is the tenant's, it is in auto-commit mode, and it is returned to the pool when the work
 * ends. Touch only tables your changelog created.
 */
@Stable
public interface PluginDatabase {

    <T> T inTenantSchema(Work<T> work) throws SQLException;

    /** Work done with a connection bound to the tenant's schema. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
