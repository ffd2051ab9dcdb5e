package io.kefu.plugin.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The JSON documents a plugin ships, each at {@code kefu-plugin/<id>/<file>} in its own JAR. All
 * are optional; the host reads them through the plugin's own class loader
 * ({@link #read(KefuPlugin)}), so a plugin in its own folder never sees another's documents.
 * Their formats are described in {@code docs/plugin-guide.md}; each has {@code "formatVersion": 1}.
 */
@Stable
public enum PluginDocument {
    /** Ticket and customer forms (the forms engine's import format). */
    FORMS("forms.json"),
    /** Service standards and business calendars (the SLA engine's import format). */
    STANDARDS("standards.json"),
    /** Ticket categories, a tree by {@code parent}. */
    CATEGORIES("categories.json"),
    /** KPI definitions with their formulas. */
    KPIS("kpis.json"),
    /** Canned replies with placeholders. */
    CANNED_REPLIES("canned-replies.json"),
    /** Knowledge-base seed articles (Markdown). */
    KNOWLEDGE("knowledge.json"),
    /** Emergency-plan templates. */
    EMERGENCY_PLANS("emergency-plans.json"),
    /** Demo customers and tickets, used only for demo tenants. */
    DEMO("demo.json");

    private final String file;

    PluginDocument(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    /** The resource path inside the plugin's JAR. */
    public String path(String pluginId) {
        return "kefu-plugin/" + pluginId + "/" + file;
    }

    /** The document as UTF-8 text, read from the plugin's own class loader; empty when the plugin ships none. */
    public Optional<String> read(KefuPlugin plugin) {
        ClassLoader loader = plugin.getClass().getClassLoader();
        String path = path(plugin.descriptor().id());
        try (InputStream in = loader.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + " of plugin " + plugin.descriptor().id(), e);
        }
    }
}
