package io.kefu.platform.plugin;

import io.kefu.plugin.api.PluginDocument;

/** The defaults a plugin's documents bring that enabling copies into the tenant's own tables. */
public enum DefaultKind {
    CATEGORY(PluginDocument.CATEGORIES, "categories"),
    CANNED_REPLY(PluginDocument.CANNED_REPLIES, "replies"),
    KNOWLEDGE_ARTICLE(PluginDocument.KNOWLEDGE, "articles"),
    EMERGENCY_PLAN(PluginDocument.EMERGENCY_PLANS, "plans"),
    KPI(PluginDocument.KPIS, "kpis");

    private final PluginDocument document;
    private final String member;

    DefaultKind(PluginDocument document, String member) {
        this.document = document;
        this.member = member;
    }

    public PluginDocument document() {
        return document;
    }

    /** The array member of the document holding the items. */
    public String member() {
        return member;
    }
}
