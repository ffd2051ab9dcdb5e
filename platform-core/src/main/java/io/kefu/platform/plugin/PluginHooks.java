package io.kefu.platform.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.plugin.api.HookContext;
import io.kefu.plugin.api.KefuPlugin;
import io.kefu.plugin.api.PluginDatabase;
import io.kefu.plugin.api.SidePanel;
import io.kefu.plugin.api.TicketHooks;
import io.kefu.plugin.api.TicketView;
import io.kefu.plugin.api.ValidationProblem;

/**
 * Runs the hooks of the bound tenant's enabled plugins, each call on a small bounded pool with a
 * time limit ({@link #TIME_LIMIT_MILLIS}). Anything a hook does wrong (throws, hangs, is slow, or
 * finds the pool full) is contained here: logged, counted in {@link HookHealth}, and the ticket
 * goes on as if the plugin had nothing to say. Why not MicroProfile Fault Tolerance: ADR 0010.
 */
@ApplicationScoped
public class PluginHooks {

    private static final Logger LOG = Logger.getLogger(PluginHooks.class.getName());

    /** The longest a hook call may take. */
    public static final long TIME_LIMIT_MILLIS = 2_000;
    static final int THREADS = 4;
    static final int QUEUE = 64;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Inject
    InstalledPlugins installed;

    @Inject
    TenantPlugins tenantPlugins;

    @Inject
    TenantContext tenants;

    @Inject
    PluginSchemas schemas;

    @Inject
    HookHealth health;

    private ThreadPoolExecutor executor;

    @PostConstruct
    void start() {
        // Container threads (with the application's context) in the container; plain ones in unit tests.
        ThreadFactory factory = threads != null ? threads : Executors.defaultThreadFactory();
        executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), factory,
                new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** A panel from one plugin, for the agent UI. */
    public record Panel(String pluginId, SidePanel panel) {
    }

    /** A validation problem, with the plugin that raised it. */
    public record Objection(String pluginId, ValidationProblem problem) {
    }

    public List<Objection> validate(TicketView ticket, String language) {
        List<Objection> out = new ArrayList<>();
        for (LoadedPlugin p : hooked()) {
            call(p, "validate", language, (hooks, ctx) -> hooks.validate(ctx, ticket))
                    .ifPresent(list -> list.forEach(problem -> out.add(new Objection(p.id(), problem))));
        }
        return out;
    }

    public void created(TicketView ticket, String language) {
        for (LoadedPlugin p : hooked()) {
            call(p, "onCreate", language, (hooks, ctx) -> {
                hooks.onCreate(ctx, ticket);
                return Boolean.TRUE;
            });
        }
    }

    public void transitioned(TicketView ticket, String from, String to, String language) {
        for (LoadedPlugin p : hooked()) {
            call(p, "onTransition", language, (hooks, ctx) -> {
                hooks.onTransition(ctx, ticket, from, to);
                return Boolean.TRUE;
            });
        }
    }

    public List<Panel> panels(TicketView ticket, String language) {
        List<Panel> out = new ArrayList<>();
        for (LoadedPlugin p : hooked()) {
            call(p, "sidePanel", language, (hooks, ctx) -> hooks.sidePanel(ctx, ticket))
                    .flatMap(o -> o).ifPresent(panel -> out.add(new Panel(p.id(), panel)));
        }
        return out;
    }

    /** The bound tenant's enabled, running plugins that have hooks. */
    private List<LoadedPlugin> hooked() {
        List<LoadedPlugin> out = new ArrayList<>();
        for (PluginEnablement e : tenantPlugins.enabled()) {
            installed.active(e.pluginId()).filter(p -> p.plugin().hooks() != TicketHooks.NONE).ifPresent(out::add);
        }
        return out;
    }

    @FunctionalInterface
    interface HookCall<T> {
        T call(TicketHooks hooks, HookContext context) throws Exception;
    }

    /** One hook call with every failure contained; empty when it failed or was skipped. */
    <T> Optional<T> call(LoadedPlugin plugin, String hook, String language, HookCall<T> work) {
        TenantCode tenant = tenants.require();
        HookContext context = new Context(tenant.value(), language, schemas.database(tenant));
        KefuPlugin instance = plugin.plugin();
        return run(plugin, hook, () -> work.call(instance.hooks(), context));
    }

    /**
     * Runs any plugin code for the bound tenant under the same rules as hooks (time limit,
     * containment, counting, DEGRADED skipping); empty when it failed or was skipped.
     */
    public <T> Optional<T> run(LoadedPlugin plugin, String what, Callable<T> work) {
        TenantCode tenant = tenants.require();
        if (!health.mayCall(plugin.id(), tenant.value())) {
            return Optional.empty();
        }
        ClassLoader own = plugin.classLoader();
        Callable<T> task = () -> {
            Thread current = Thread.currentThread();
            ClassLoader previous = current.getContextClassLoader();
            // A plugin's libraries look for resources through the context class loader: make it the plugin's own.
            current.setContextClassLoader(own);
            try {
                return work.call();
            } finally {
                current.setContextClassLoader(previous);
            }
        };
        Future<T> future;
        try {
            future = executor.submit(task);
        } catch (RejectedExecutionException e) {
            failure(plugin, tenant, what, false, "the hook executor is full");
            return Optional.empty();
        }
        try {
            T result = future.get(TIME_LIMIT_MILLIS, TimeUnit.MILLISECONDS);
            health.succeeded(plugin.id(), tenant.value());
            return Optional.ofNullable(result);
        } catch (TimeoutException e) {
            future.cancel(true);
            failure(plugin, tenant, what, true, "took longer than " + TIME_LIMIT_MILLIS + " ms");
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "Plugin " + plugin.id() + " " + what + " failed for tenant " + tenant, e.getCause());
            failure(plugin, tenant, what, false, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            failure(plugin, tenant, what, false, "interrupted");
        }
        return Optional.empty();
    }

    private void failure(LoadedPlugin plugin, TenantCode tenant, String hook, boolean timeout, String what) {
        LOG.warning("Plugin " + plugin.id() + " hook " + hook + " for tenant " + tenant + ": " + what);
        if (health.failed(plugin.id(), tenant.value(), timeout, hook + ": " + what)) {
            LOG.severe("Plugin " + plugin.id() + " is DEGRADED for tenant " + tenant + " after " + HookHealth.FAILURES
                    + " failures within " + HookHealth.WINDOW + "; its hooks are skipped for " + HookHealth.COOL_DOWN);
        }
    }

    private record Context(String tenantCode, String language, PluginDatabase database) implements HookContext {
    }
}
