package io.kefu.platform.plugin;

/** What the installation made of a plugin it found. */
public enum PluginState {
    /** Loaded and compatible: tenants may enable it. */
    ACTIVE,
    /** Not loaded (incompatible API version, broken JAR, duplicate id); the reason is recorded. */
    REFUSED,
    /** In the catalog from an earlier start, not found at this one (its JAR was removed). */
    MISSING
}
