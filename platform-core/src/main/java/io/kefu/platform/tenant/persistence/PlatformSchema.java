package io.kefu.platform.tenant.persistence;

import io.kefu.db.SchemaMigrator.SchemaName;

/** The one schema shared by all tenants: tenants, plans, plugin catalog, logins, operators. */
public final class PlatformSchema {
    public static final String NAME = "kefu";
    public static final SchemaName SCHEMA = new SchemaName(NAME);

    private PlatformSchema() {
    }
}
