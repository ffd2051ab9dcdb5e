package io.kefu.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.kefu.db.SchemaMigrator;
import io.kefu.db.SchemaMigrator.SchemaName;
import io.kefu.platform.plugin.PluginDocuments;
import io.kefu.platform.plugin.PluginHooks;
import io.kefu.plugin.api.HookContext;
import io.kefu.plugin.api.KefuPlugin;
import io.kefu.plugin.api.KpiContext;
import io.kefu.plugin.api.KpiValue;
import io.kefu.plugin.api.PluginApi;
import io.kefu.plugin.api.PluginDatabase;
import io.kefu.plugin.api.PluginDescriptor;
import io.kefu.plugin.api.SidePanel;
import io.kefu.plugin.api.TicketHooks;
import io.kefu.plugin.api.TicketView;
import io.kefu.plugin.api.ValidationProblem;

/**
 * The contract every Kefu plugin keeps. Extend it in your plugin's tests:
 *
 * <pre>{@code
 * class MyPluginContractTest extends PluginContractTest {
 *     protected KefuPlugin plugin() { return new MyPlugin(); }
 * }
 * }</pre>
 *
 * It checks what the platform checks when it loads the plugin and a tenant enables it: the
 * descriptor, the API version, the service registration, every document (formats, codes,
 * references, both languages in every label), that every KPI computes on a sample data set,
 * that the changelog applies (twice, the second time changing nothing) on H2 and on PostgreSQL,
 * and that every hook answers within the host's time limit. PostgreSQL needs
 * {@code KEFU_TEST_PG_URL} (e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres});
 * without it that test is skipped with a warning.
 */
public abstract class PluginContractTest {

    /** The plugin under test, as its {@code META-INF/services} entry would create it. */
    protected abstract KefuPlugin plugin();

    /** The tickets KPIs and hooks are tried on; by default {@link SampleTickets#of(KefuPlugin)}. */
    protected List<TicketView> sampleTickets() {
        return SampleTickets.of(plugin());
    }

    @Test
    void descriptorIsValidAndStable() {
        PluginDescriptor d = plugin().descriptor();
        assertNotNull(d, "descriptor()");
        assertTrue(PluginDescriptor.ID.matcher(d.id()).matches(), "id " + d.id());
        assertTrue(PluginDescriptor.VERSION.matcher(d.version()).matches(), "version " + d.version());
        assertEquals(d, plugin().descriptor(), "descriptor() must return the same description every time");
    }

    @Test
    void requiredApiVersionIsOfferedByThisPlatform() {
        Optional<String> why = PluginApi.incompatibility(plugin().descriptor().requiredApiVersion());
        assertTrue(why.isEmpty(), () -> "The platform would refuse this plugin: " + why.orElse(""));
    }

    @Test
    void pluginIsRegisteredInMetaInfServices() {
        Class<?> type = plugin().getClass();
        boolean found = ServiceLoader.load(KefuPlugin.class, type.getClassLoader()).stream().anyMatch(p -> p.type().equals(type));
        assertTrue(found, "META-INF/services/io.kefu.plugin.api.KefuPlugin must name " + type.getName());
    }

    @Test
    void documentsAreValidWithEveryLabelInBothLanguages() {
        List<String> problems = PluginDocuments.check(plugin());
        assertTrue(problems.isEmpty(), () -> problems.size() + " problem(s):\n" + String.join("\n", problems));
    }

    @Test
    void everyKpiComputesOnASampleDataSet() {
        List<TicketView> tickets = sampleTickets();
        KpiContext context = new KpiContext() {
            public String tenantCode() {
                return "kit";
            }

            public java.time.Instant from() {
                return SampleTickets.FROM;
            }

            public java.time.Instant to() {
                return SampleTickets.TO;
            }

            public Optional<String> setting(String key) {
                return Optional.of("1000000");
            }
        };
        Map<String, KpiValue> values = PluginDocuments.kpiValues(plugin(), context, tickets);
        for (Map.Entry<String, KpiValue> e : values.entrySet()) {
            KpiValue v = e.getValue();
            assertNotNull(v, e.getKey());
            if (v.value().isPresent()) {
                assertTrue(Double.isFinite(v.value().getAsDouble()), e.getKey() + " = " + v.value());
            } else {
                assertNotNull(v.note(), e.getKey() + " has no value and does not say why");
            }
        }
    }

    @Test
    void changelogAppliesOnH2() throws Exception {
        try (Connection c = KitDatabases.h2()) {
            migrateTwice(c);
        }
    }

    @Test
    void changelogAppliesOnPostgreSQL() throws Exception {
        Optional<String> url = KitDatabases.postgresUrl();
        if (url.isEmpty()) {
            System.err.println("WARNING: " + getClass().getSimpleName() + ": changelog NOT checked on PostgreSQL: set "
                    + KitDatabases.PG_ENV + " (e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres)");
            Assumptions.abort("set " + KitDatabases.PG_ENV + " to check the changelog on PostgreSQL");
        }
        try (Connection c = DriverManager.getConnection(url.get())) {
            SchemaName schema = migrateTwice(c);
            SchemaMigrator.dropSchema(c, schema);
        }
    }

    private SchemaName migrateTwice(Connection c) throws SQLException {
        SchemaName schema = KitDatabases.tenantSchema(c);
        Optional<String> changelog = plugin().changelog();
        if (changelog.isEmpty()) {
            return schema;
        }
        ClassLoader own = plugin().getClass().getClassLoader();
        assertNotNull(own.getResource(changelog.get()), "changelog " + changelog.get() + " is not in the plugin's JAR");
        SchemaMigrator.migrate(c, schema, changelog.get(), own);
        int applied = KitDatabases.changesetsOf(c, schema, changelog.get());
        assertTrue(applied > 0, "the changelog applied no changeset");
        SchemaMigrator.migrate(c, schema, changelog.get(), own);
        assertEquals(applied, KitDatabases.changesetsOf(c, schema, changelog.get()), "a second run must change nothing");
        return schema;
    }

    @Test
    void everyHookAnswersWithinTheTimeLimit() throws Exception {
        TicketHooks hooks = plugin().hooks();
        List<TicketView> tickets = sampleTickets().stream().limit(20).toList();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Connection c = KitDatabases.h2()) {
            SchemaName schema = KitDatabases.tenantSchema(c);
            plugin().changelog().ifPresent(log -> SchemaMigrator.migrate(c, schema, log, plugin().getClass().getClassLoader()));
            PluginDatabase db = KitDatabases.database(c, schema);
            HookContext ctx = new HookContext() {
                public String tenantCode() {
                    return "kit";
                }

                public String language() {
                    return "zh-CN";
                }

                public PluginDatabase database() {
                    return db;
                }
            };
            List<String> slow = new ArrayList<>();
            for (TicketView t : tickets) {
                timed(executor, "validate " + t.number(), slow, () -> {
                    List<ValidationProblem> problems = hooks.validate(ctx, t);
                    assertNotNull(problems, "validate returned null");
                    return problems;
                });
                timed(executor, "onCreate " + t.number(), slow, () -> {
                    hooks.onCreate(ctx, t);
                    return null;
                });
                timed(executor, "onTransition " + t.number(), slow, () -> {
                    hooks.onTransition(ctx, t, "NEW", t.status());
                    return null;
                });
                timed(executor, "sidePanel " + t.number(), slow, () -> {
                    Optional<SidePanel> panel = hooks.sidePanel(ctx, t);
                    assertNotNull(panel, "sidePanel returned null");
                    return panel;
                });
            }
            assertTrue(slow.isEmpty(), () -> "hooks slower than " + PluginHooks.TIME_LIMIT_MILLIS + " ms: " + slow);
        } finally {
            executor.shutdownNow();
        }
    }

    private static void timed(ExecutorService executor, String what, List<String> slow, Callable<?> call) throws Exception {
        Future<?> f = executor.submit(call);
        try {
            f.get(PluginHooks.TIME_LIMIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            slow.add(what);
        } catch (java.util.concurrent.ExecutionException e) {
            fail(what + " threw " + e.getCause(), e.getCause());
        }
    }
}
