package io.kefu.plugin.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who a plugin is: a stable id (also the folder of its documents, {@code kefu-plugin/<id>/}), its
 * own version, its names, and the plugin API version it was built for.
 *
 * @param id                 {@code [a-z][a-z0-9-]{1,31}}; never changes between versions
 * @param version            the plugin's version, dotted numbers with an optional qualifier
 *                           ({@code 1.2.0}, {@code 2.0.1-SNAPSHOT}); the host compares the numbers
 *                           to tell an upgrade
 * @param name               shown to operators and tenant admins
 * @param requiredApiVersion the {@link PluginApi#VERSION} it was compiled against, {@code major.minor}
 * @param usesExperimentalApi true when it calls members marked {@link Experimental}
 */
@Stable
public record PluginDescriptor(String id, String version, Label name, String requiredApiVersion, boolean usesExperimentalApi) {

    /** The rule for {@link #id()}. */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,31}");
    /** The rule for {@link #version()}. */
    public static final Pattern VERSION = Pattern.compile("[0-9]{1,6}(\\.[0-9]{1,6}){0,3}(-[A-Za-z0-9.]{1,20})?");

    public PluginDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(requiredApiVersion, "requiredApiVersion");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Plugin id '" + id + "' does not match " + ID);
        }
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("Plugin version '" + version + "' does not match " + VERSION);
        }
    }

    /** A plugin built against the API it is compiled with, using stable API only. */
    public static PluginDescriptor of(String id, String version, Label name) {
        return new PluginDescriptor(id, version, name, PluginApi.VERSION, false);
    }
}
