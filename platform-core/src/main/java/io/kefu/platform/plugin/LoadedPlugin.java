package io.kefu.platform.plugin;

import java.util.Objects;
import java.util.Optional;

import io.kefu.plugin.api.KefuPlugin;
import io.kefu.plugin.api.Label;

/**
 * One plugin the host found: what it says it is, where it came from, and whether it runs. A
 * refused plugin keeps no reference to its classes (its class loader is closed).
 *
 * @param id       the descriptor's id, or the JAR's file name when the descriptor could not be read
 * @param source   {@code bundled} or the JAR's path
 * @param plugin   the instance, only when {@link PluginState#ACTIVE}
 */
public record LoadedPlugin(String id, String version, String apiVersion, Label name, String source,
                           PluginState state, String refusedReason, KefuPlugin plugin) {

    public static final String BUNDLED = "bundled";

    public LoadedPlugin {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(state, "state");
        if ((state == PluginState.ACTIVE) != (plugin != null)) {
            throw new IllegalArgumentException("An active plugin has an instance, a refused one none");
        }
    }

    public Optional<KefuPlugin> active() {
        return Optional.ofNullable(plugin);
    }

    /** The class loader its documents and changelog are read from. */
    public ClassLoader classLoader() {
        return Objects.requireNonNull(plugin, "refused plugin").getClass().getClassLoader();
    }
}
