package io.kefu.platform.plugin;

/**
 * An engine that takes a plugin document of its own format into the bound tenant: the forms
 * engine for {@code forms.json} ({@code kind() = "forms"}), the SLA engine for
 * {@code standards.json} ({@code "standards"}). Called inside the enabling transaction with the
 * tenant bound. The host looks implementations up with CDI; while none is installed for a kind,
 * the document waits in {@code plugin_pending_document}.
 */
public interface PluginDefaultsImporter {

    /** {@code forms} or {@code standards}. */
    String kind();

    /**
     * Imports the document, adding what the tenant lacks and leaving what the tenant changed.
     * Throws a {@link io.kefu.platform.problem.KefuException} when the document is invalid.
     */
    void importDocument(String json);
}
