package io.kefu.plugin.api;

/**
 * Handed to every hook call: the tenant the call is for and access to the plugin's own tables in
 * that tenant's schema. Valid only during the call.
 */
@Stable
public interface HookContext {

    String tenantCode();

    /** The language of the person the answer is for ({@code zh-CN} or {@code en}). */
    String language();

    /** The plugin's own tables in this tenant's schema (see {@link KefuPlugin#changelog()}). */
    PluginDatabase database();
}
