/**
 * The plugin host: finds industry plugins (bundled in the application and in
 * {@code KEFU_PLUGINS_DIR}, each folder JAR in a class loader that sees only the plugin API and
 * the JDK), checks their API version, keeps the platform's catalog of them, enables them per
 * tenant (their tables, and copies of their defaults: categories, canned replies, knowledge
 * articles, emergency-plan templates, KPI definitions), computes KPIs, and runs their hooks in
 * isolation (time limit, failure counting, DEGRADED per tenant).
 *
 * <p>Plugins reach the platform only through {@code io.kefu.plugin.api}; nothing here is
 * visible to a folder plugin. Forms and service standards are handed to their engines through
 * {@link io.kefu.platform.plugin.PluginDefaultsImporter}. ADR 0009 and 0010.
 */
package io.kefu.platform.plugin;
