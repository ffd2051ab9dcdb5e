package io.kefu.plugin.express;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kefu.db.SchemaMigrator;
import io.kefu.platform.plugin.TicketSnapshot;
import io.kefu.plugin.api.HookContext;
import io.kefu.plugin.api.PluginDatabase;
import io.kefu.plugin.api.SidePanel;
import io.kefu.plugin.api.TicketView;

class ParcelTrackingHooksTest {

    private Connection c;
    private HookContext context;
    private final ExpressPlugin plugin = new ExpressPlugin();

    @BeforeEach
    void setUp() throws SQLException {
        c = DriverManager.getConnection("jdbc:h2:mem:express-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        SchemaMigrator.SchemaName schema = new SchemaMigrator.SchemaName("t_acme");
        SchemaMigrator.migrate(c, schema, plugin.changelog().orElseThrow(), ExpressPlugin.class.getClassLoader());
        PluginDatabase db = new PluginDatabase() {
            public <T> T inTenantSchema(Work<T> work) throws SQLException {
                c.setSchema("T_ACME");
                return work.run(c);
            }
        };
        context = new HookContext() {
            public String tenantCode() {
                return "acme";
            }

            public String language() {
                return "en";
            }

            public PluginDatabase database() {
                return db;
            }
        };
    }

    @AfterEach
    void tearDown() throws SQLException {
        c.close();
    }

    private static TicketView ticket(Map<String, String> fields) {
        return new TicketSnapshot("KF-2026-000001", "COMPLAINT", "NEW", "HIGH", "PHONE", Optional.of("express.delay"), "Late",
                Instant.parse("2026-12-01T09:30:00Z"), Optional.empty(), Optional.empty(), Optional.empty(), 0, fields);
    }

    private int rows() throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("select count(*) from T_ACME.EXPRESS_PARCEL_EVENT")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void creatingATicketWithAWaybillStoresItsTrackingOnceAndThePanelShowsItNewestFirst() throws SQLException {
        TicketView t = ticket(Map.of("waybillNo", "SF1234563000"));
        plugin.hooks().onCreate(context, t);
        plugin.hooks().onCreate(context, t);
        int expected = new SimulatedCarrier().track("SF1234563000", t.createdAt()).size();
        assertEquals(expected, rows(), "stored once, not twice");

        SidePanel panel = plugin.hooks().sidePanel(context, t).orElseThrow();
        assertEquals("Parcel tracking", panel.title().en());
        assertEquals("SF1234563000", panel.facts().get(0).value());
        assertEquals(expected + 1, panel.facts().size());
        assertTrue(panel.facts().get(1).label().en().startsWith("Delivery exception"), panel.facts().get(1).toString());
        assertTrue(panel.facts().get(1).at().isAfter(panel.facts().get(2).at()));
    }

    @Test
    void aWaybillAddedLaterIsFetchedWhenThePanelIsFirstShown() throws SQLException {
        TicketView t = ticket(Map.of("waybillNo", "YT9876543210"));
        assertEquals(0, rows());
        assertTrue(plugin.hooks().sidePanel(context, t).isPresent());
        assertTrue(rows() > 0);
    }

    @Test
    void ticketsWithoutAWaybillHaveNoPanelAndAMalformedOneIsObjectedTo() {
        assertEquals(Optional.empty(), plugin.hooks().sidePanel(context, ticket(Map.of())));
        assertEquals(List.of(), plugin.hooks().validate(context, ticket(Map.of("waybillNo", "SF1234567890"))));
        assertEquals("fields.waybillNo", plugin.hooks().validate(context, ticket(Map.of("waybillNo", "12-34"))).get(0).field());
    }
}
