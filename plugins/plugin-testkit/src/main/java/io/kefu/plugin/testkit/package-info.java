/**
 * The partner test kit: extend {@link io.kefu.plugin.testkit.PluginContractTest} in your plugin's
 * tests and return your plugin; the kit runs the checks the platform runs when it loads and a
 * tenant enables your plugin. See docs/plugin-guide.md.
 */
package io.kefu.plugin.testkit;
