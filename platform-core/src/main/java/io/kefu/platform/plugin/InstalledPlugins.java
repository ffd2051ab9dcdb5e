package io.kefu.platform.plugin;

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.kefu.platform.config.KefuConfig;
import io.kefu.platform.startup.PlatformStarted;
import io.kefu.plugin.api.PluginApi;

/**
 * The plugins of this installation, found once: those bundled in the application (the five
 * industry plugins) and those in {@code KEFU_PLUGINS_DIR}. Found at the first use or when the
 * platform has started, whichever comes first, and recorded in the platform catalog.
 */
@ApplicationScoped
public class InstalledPlugins {

    private static final Logger LOG = Logger.getLogger(InstalledPlugins.class.getName());

    @Inject
    PluginCatalog catalog;

    private volatile List<LoadedPlugin> plugins;

    void onStarted(@Observes PlatformStarted started) {
        all();
    }

    public List<LoadedPlugin> all() {
        List<LoadedPlugin> p = plugins;
        if (p == null) {
            synchronized (this) {
                if (plugins == null) {
                    plugins = discover();
                }
                p = plugins;
            }
        }
        return p;
    }

    private List<LoadedPlugin> discover() {
        List<LoadedPlugin> found = new PluginLoader(InstalledPlugins.class.getClassLoader(), PluginApi.VERSION)
                .load(KefuConfig.pluginsDir());
        try {
            catalog.record(found);
        } catch (RuntimeException e) {
            // The catalog is for operators; the plugins still run when it cannot be written.
            LOG.log(Level.WARNING, "Cannot record the plugin catalog", e);
        }
        LOG.info("Plugin API " + PluginApi.VERSION + ": " + found.stream().filter(x -> x.state() == PluginState.ACTIVE).count()
                + " plugin(s) active, " + found.stream().filter(x -> x.state() == PluginState.REFUSED).count() + " refused");
        return found;
    }

    /** The running plugin with this id. */
    public Optional<LoadedPlugin> active(String id) {
        return all().stream().filter(p -> p.id().equals(id) && p.state() == PluginState.ACTIVE).findFirst();
    }

    /** What was found with this id, running or refused. */
    public Optional<LoadedPlugin> find(String id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
