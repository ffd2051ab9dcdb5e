package io.kefu.ui.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.kefu.ui.it.Api.Credentials;
import io.kefu.ui.it.Api.Reply;
import io.kefu.ui.it.TestTenants.Tenant;

/**
 * Two tenants provisioned over REST must never see each other's data or accept each other's
 * credentials. Runs on H2 and on PostgreSQL (two failsafe executions, see ui/pom.xml).
 */
@ExtendWith(ArquillianExtension.class)
class TenantIsolationIT {

    private static Api api;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.rootWar();
    }

    @BeforeAll
    static void serverReady() {
        api = Api.server().awaitReady(Duration.ofSeconds(90));
    }

    @Test
    void settingsChangedByOneTenantAreInvisibleToTheOther() {
        Tenant a = TestTenants.provision(api, "iso-a");
        Tenant b = TestTenants.provision(api, "iso-b");

        put(a, "display.name", "Alpha " + a.code());
        JsonObject afterA = put(a, "ticket.number.prefix", "AA");
        assertEquals("Alpha " + a.code(), afterA.getString("display.name"));
        assertEquals("AA", afterA.getString("ticket.number.prefix"));

        JsonObject seenByB = settings(b);
        assertEquals("", seenByB.getString("display.name"), "B must see the default display name, not A's");
        assertEquals("KF", seenByB.getString("ticket.number.prefix"), "B must see the default prefix, not A's");
        assertEquals("Asia/Shanghai", seenByB.getString("time.zone"));
        assertEquals("zh-CN", seenByB.getString("default.locale"));

        put(b, "display.name", "Beta " + b.code());
        put(b, "ticket.number.prefix", "BB");

        JsonObject seenByA = settings(a);
        assertEquals("Alpha " + a.code(), seenByA.getString("display.name"), "B's change must not reach A");
        assertEquals("AA", seenByA.getString("ticket.number.prefix"), "B's change must not reach A");
        JsonObject bAgain = settings(b);
        assertEquals("Beta " + b.code(), bAgain.getString("display.name"));
        assertEquals("BB", bAgain.getString("ticket.number.prefix"));
    }

    @Test
    void theAuditTrailRecordsChangesAndStaysInsideItsTenant() {
        Tenant a = TestTenants.provision(api, "iso-au-a");
        Tenant b = TestTenants.provision(api, "iso-au-b");
        put(a, "display.name", "Alpha " + a.code());

        Reply trailA = api.get("/api/v1/audit?subjectType=setting&subjectId=display.name", a.admin());
        assertEquals(200, trailA.status(), trailA::toString);
        var entries = Json.createReader(new java.io.StringReader(trailA.body())).readArray();
        assertEquals(1, entries.size(), trailA::toString);
        JsonObject e = entries.getJsonObject(0);
        assertEquals("setting.changed", e.getString("action"));
        assertEquals(a.code() + "/admin", e.getString("actor"));
        assertTrue(e.getString("before").contains("\"\""), e::toString);
        assertTrue(e.getString("after").contains("Alpha " + a.code()), e::toString);

        Reply trailB = api.get("/api/v1/audit?subjectType=setting&subjectId=display.name", b.admin());
        assertEquals(200, trailB.status(), trailB::toString);
        assertEquals("[]", trailB.body().strip(), "B's audit log must not show A's change");
    }

    @Test
    void meNamesTheCallersOwnTenant() {
        Tenant a = TestTenants.provision(api, "iso-me-a");
        Tenant b = TestTenants.provision(api, "iso-me-b");

        Reply meA = api.get("/api/v1/me", a.admin());
        assertEquals(200, meA.status(), meA::toString);
        assertEquals(a.code(), meA.string("tenant"), meA::toString);
        assertEquals("admin", meA.string("username"), meA::toString);
        assertEquals("TENANT_ADMIN", meA.string("role"), meA::toString);

        Reply meB = api.get("/api/v1/me", b.admin());
        assertEquals(200, meB.status(), meB::toString);
        assertEquals(b.code(), meB.string("tenant"), meB::toString);
    }

    @Test
    void oneTenantsCredentialsDoNotOpenAnother() {
        // Different admin names: A's user does not exist in B.
        Tenant a = TestTenants.provision(api, "iso-cr-a", "alice");
        Tenant b = TestTenants.provision(api, "iso-cr-b", "bob");
        assertEquals(200, api.get("/api/v1/me", a.admin()).status());
        assertEquals(200, api.get("/api/v1/me", b.admin()).status());

        assertUnauthorized(api.get("/api/v1/me", Credentials.tenantUser(b.code(), a.adminUsername(), a.adminPassword())));
        assertUnauthorized(api.get("/api/v1/settings", Credentials.tenantUser(b.code(), a.adminUsername(), a.adminPassword())));
        assertUnauthorized(api.get("/api/v1/me", Credentials.tenantUser(a.code(), b.adminUsername(), b.adminPassword())));

        // The same admin name in both tenants: A's password must not open B.
        Tenant c = TestTenants.provision(api, "iso-cr-c", "admin");
        Tenant d = TestTenants.provision(api, "iso-cr-d", "admin");
        assertUnauthorized(api.get("/api/v1/me", Credentials.tenantUser(d.code(), "admin", c.adminPassword())));
        assertUnauthorized(api.put("/api/v1/settings/display.name",
                Credentials.tenantUser(d.code(), "admin", c.adminPassword()), "{\"value\":\"taken over\"}"));
        assertEquals("", settings(d).getString("display.name"));
    }

    @Test
    void tenantUserCannotUseTheOperatorApi() {
        Tenant a = TestTenants.provision(api, "iso-op");

        assertForbidden(api.get("/api/v1/tenants", a.admin()));
        assertForbidden(api.get("/api/v1/tenants/" + a.code(), a.admin()));
        assertForbidden(api.post("/api/v1/tenants", a.admin(),
                TestTenants.body(TestTenants.uniqueCode("iso-op-x"), "X", "general", "admin", "pw-12345678", "x@example.com")));
    }

    /**
     * Looks into the database itself: the setting rows sit in A's schema and not in B's. On H2 the
     * server holds the database file locked (H2's default file lock), so there this one check is
     * skipped; on PostgreSQL it always runs.
     */
    @Test
    void rowsSitInTheTenantsOwnSchema() throws SQLException {
        Tenant a = TestTenants.provision(api, "iso-db-a");
        Tenant b = TestTenants.provision(api, "iso-db-b");
        put(a, "display.name", "Alpha " + a.code());
        put(a, "ticket.number.prefix", "AA");

        try (Connection c = connect()) {
            assertEquals(List.of("display.name=Alpha " + a.code(), "ticket.number.prefix=AA"),
                    rows(c, "select setting_key, setting_value from " + a.schema() + ".tenant_setting order by setting_key"));
            assertEquals(List.of(), rows(c, "select setting_key, setting_value from " + b.schema() + ".tenant_setting"),
                    "A's settings must not be in B's schema");
            assertEquals(List.of("admin=TENANT_ADMIN"), rows(c, "select username, role from " + a.schema() + ".member"));
            assertEquals(List.of("admin=TENANT_ADMIN"), rows(c, "select username, role from " + b.schema() + ".member"));
            assertTrue(schemaExists(c, a.schema()) && schemaExists(c, b.schema()));
        }
    }

    private static Connection connect() throws SQLException {
        String url = ItEnvironment.jdbcUrl();
        if (ItEnvironment.onPostgres()) {
            return DriverManager.getConnection(url);
        }
        try {
            return DriverManager.getConnection(url + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r", "sa", "");
        } catch (SQLException e) {
            // 90020: "Database may be already in use": the server holds the file lock.
            Assumptions.assumeFalse(e.getErrorCode() == 90020 || String.valueOf(e.getMessage()).contains("already in use"),
                    "H2 file is locked by the server; the JDBC cross-check runs on PostgreSQL only: " + e.getMessage());
            throw e;
        }
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "=" + rs.getString(2));
            }
        }
        return rows;
    }

    private static boolean schemaExists(Connection c, String schema) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "select count(*) from information_schema.schemata where lower(schema_name) = ?")) {
            st.setString(1, schema.toLowerCase());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    private static JsonObject settings(Tenant t) {
        Reply r = api.get("/api/v1/settings", t.admin());
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    private static JsonObject put(Tenant t, String key, String value) {
        Reply r = api.put("/api/v1/settings/" + key, t.admin(), Json.createObjectBuilder().add("value", value).build().toString());
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    static void assertUnauthorized(Reply r) {
        assertEquals(401, r.status(), r::toString);
        assertTrue(r.contentType().startsWith("application/problem+json"), r::toString);
        assertEquals("auth.required", r.string("code"), r::toString);
        assertTrue(r.header("WWW-Authenticate").orElse("").startsWith("Basic"), r::toString);
        assertFalse(r.body().contains("Alpha"), r::toString);
    }

    static void assertForbidden(Reply r) {
        assertEquals(403, r.status(), r::toString);
        assertTrue(r.contentType().startsWith("application/problem+json"), r::toString);
        assertEquals("auth.forbidden", r.string("code"), r::toString);
    }
}
