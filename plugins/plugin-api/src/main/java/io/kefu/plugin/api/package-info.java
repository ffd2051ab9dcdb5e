/**
 * The Kefu plugin API: everything an industry plugin compiles against, and nothing else.
 *
 * <p>Shaped after Keycloak's SPI, with what it lacks: an explicit version ({@link PluginApi#VERSION}),
 * stability markers ({@link Stable}, {@link Experimental}) and class-loader isolation in the host.
 * A plugin is one {@link KefuPlugin} implementation named in
 * {@code META-INF/services/io.kefu.plugin.api.KefuPlugin}, plus its documents under
 * {@code kefu-plugin/<id>/} ({@link PluginDocument}). The host reaches the plugin only through
 * this package; the plugin reaches the host only through the context objects it is handed
 * ({@link HookContext}, {@link KpiContext}), never through a static.
 *
 * <p>Depends on the JDK only (enforced by the build). It grows by {@code default} methods, so a
 * plugin built against 1.0 keeps loading on every 1.x platform.
 */
@Stable
package io.kefu.plugin.api;
