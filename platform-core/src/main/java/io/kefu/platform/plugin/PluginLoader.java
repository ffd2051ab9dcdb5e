package io.kefu.platform.plugin;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import io.kefu.plugin.api.KefuPlugin;
import io.kefu.plugin.api.PluginApi;
import io.kefu.plugin.api.PluginDescriptor;

/**
 * Finds plugins and decides which may run. Plain Java, so it is tested without a container.
 * Nothing a plugin does here may stop the platform: every failure becomes a REFUSED entry with
 * its reason.
 */
public final class PluginLoader {

    private static final Logger LOG = Logger.getLogger(PluginLoader.class.getName());

    private final ClassLoader application;
    private final String offeredApi;

    public PluginLoader(ClassLoader application, String offeredApi) {
        this.application = application;
        this.offeredApi = offeredApi;
    }

    /** Bundled plugins first (they win a clash of ids), then each JAR of {@code folder} in name order. */
    public List<LoadedPlugin> load(Optional<Path> folder) {
        List<LoadedPlugin> found = new ArrayList<>();
        Map<String, String> taken = new HashMap<>();
        each(ServiceLoader.load(KefuPlugin.class, application), LoadedPlugin.BUNDLED, found, taken, null);
        folder.ifPresent(dir -> jars(dir).forEach(jar -> loadJar(jar, found, taken)));
        return List.copyOf(found);
    }

    private static List<Path> jars(Path dir) {
        if (!Files.isDirectory(dir)) {
            LOG.warning("Plugins folder " + dir + " does not exist; no partner plugins loaded");
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot list plugins folder " + dir, e);
            return List.of();
        }
    }

    private void loadJar(Path jar, List<LoadedPlugin> found, Map<String, String> taken) {
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("kefu-plugin:" + jar.getFileName(), new URL[]{jar.toUri().toURL()},
                    new ApiOnlyClassLoader(application));
        } catch (MalformedURLException e) {
            found.add(refused(jar.getFileName().toString(), null, jar.toString(), "cannot open the JAR: " + e.getMessage()));
            return;
        }
        int before = found.size();
        each(ServiceLoader.load(KefuPlugin.class, loader), jar.toString(), found, taken, loader);
        boolean anyActive = found.subList(before, found.size()).stream().anyMatch(p -> p.state() == PluginState.ACTIVE);
        if (found.size() == before) {
            found.add(refused(jar.getFileName().toString(), null, jar.toString(),
                    "the JAR names no io.kefu.plugin.api.KefuPlugin in META-INF/services"));
        }
        if (!anyActive) {
            close(loader);
        }
    }

    private void each(ServiceLoader<KefuPlugin> services, String source, List<LoadedPlugin> found, Map<String, String> taken,
                      URLClassLoader loader) {
        Iterator<KefuPlugin> it = services.iterator();
        while (true) {
            KefuPlugin plugin;
            try {
                if (!it.hasNext()) {
                    return;
                }
                plugin = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                // A provider that cannot be instantiated (missing class, platform class asked for,
                // constructor failing): refuse it and go on with the next one.
                String name = loader == null ? "bundled plugin" : Path.of(source).getFileName().toString();
                found.add(refused(name, null, source, "cannot instantiate: " + e.getMessage()));
                continue;
            }
            found.add(check(plugin, source, taken));
        }
    }

    private LoadedPlugin check(KefuPlugin plugin, String source, Map<String, String> taken) {
        PluginDescriptor d;
        try {
            d = plugin.descriptor();
        } catch (RuntimeException | LinkageError e) {
            return refused(plugin.getClass().getName(), null, source, "its descriptor failed: " + e);
        }
        if (d == null) {
            return refused(plugin.getClass().getName(), null, source, "its descriptor is null");
        }
        Optional<String> incompatible = PluginApi.incompatibility(d.requiredApiVersion(), offeredApi);
        if (incompatible.isPresent()) {
            return refused(d, source, incompatible.get());
        }
        String earlier = taken.putIfAbsent(d.id(), source);
        if (earlier != null) {
            return refused(d, source, "id '" + d.id() + "' is already provided by " + earlier);
        }
        if (d.usesExperimentalApi()) {
            LOG.warning("Plugin " + d.id() + " " + d.version() + " relies on experimental plugin API: rebuild it for every platform upgrade");
        }
        LOG.info("Plugin " + d.id() + " " + d.version() + " (API " + d.requiredApiVersion() + ") loaded from " + source);
        return new LoadedPlugin(d.id(), d.version(), d.requiredApiVersion(), d.name(), source, PluginState.ACTIVE, null, plugin);
    }

    private static LoadedPlugin refused(PluginDescriptor d, String source, String reason) {
        LOG.severe("Plugin " + d.id() + " " + d.version() + " from " + source + " REFUSED: " + reason + ". The platform runs on without it.");
        return new LoadedPlugin(d.id(), d.version(), d.requiredApiVersion(), d.name(), source, PluginState.REFUSED, reason, null);
    }

    private static LoadedPlugin refused(String id, String version, String source, String reason) {
        LOG.severe("Plugin " + id + " from " + source + " REFUSED: " + reason + ". The platform runs on without it.");
        return new LoadedPlugin(id, version == null ? "?" : version, "?", null, source, PluginState.REFUSED, reason, null);
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "Closing a refused plugin's class loader", e);
        }
    }
}
