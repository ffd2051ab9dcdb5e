package io.kefu.platform.plugin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.kefu.platform.tenant.persistence.PlatformSchema;

/** The installation's record of a plugin, rewritten at every start from what the host found. */
@Entity
@Table(name = "plugin", schema = PlatformSchema.NAME)
public class CatalogEntry {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "version", nullable = false)
    private String version;

    @Column(name = "api_version", nullable = false)
    private String apiVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private PluginState state;

    @Column(name = "installed_at", nullable = false)
    private OffsetDateTime installedAt;

    @Column(name = "name_zh")
    private String nameZh;

    @Column(name = "name_en")
    private String nameEn;

    @Column(name = "source")
    private String source;

    @Column(name = "refused_reason")
    private String refusedReason;

    @Column(name = "seen_at")
    private OffsetDateTime seenAt;

    protected CatalogEntry() {
    }

    CatalogEntry(LoadedPlugin p, Instant now) {
        this.id = p.id();
        this.installedAt = now.atOffset(ZoneOffset.UTC);
        seen(p, now);
    }

    /** Takes what this start found; a new version counts as newly installed. */
    void seen(LoadedPlugin p, Instant now) {
        if (version != null && !version.equals(p.version())) {
            installedAt = now.atOffset(ZoneOffset.UTC);
        }
        version = p.version();
        apiVersion = p.apiVersion();
        state = p.state();
        nameZh = p.name() == null ? null : p.name().zhCN();
        nameEn = p.name() == null ? null : p.name().en();
        source = cut(p.source(), 500);
        refusedReason = p.refusedReason() == null ? null : cut(p.refusedReason(), 1000);
        seenAt = now.atOffset(ZoneOffset.UTC);
    }

    void missing() {
        state = PluginState.MISSING;
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    public String id() {
        return id;
    }

    public PluginState state() {
        return state;
    }

    public String version() {
        return version;
    }

    public OffsetDateTime installedAt() {
        return installedAt;
    }
}
