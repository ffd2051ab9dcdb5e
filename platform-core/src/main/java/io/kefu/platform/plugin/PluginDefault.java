package io.kefu.platform.plugin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.MappedSuperclass;

/**
 * A tenant's copy of a default that a plugin brought (or the tenant's own item: no origin). The
 * content is the item's JSON; {@code originChecksum} is the checksum of the content as the plugin
 * shipped it when copied, so "the tenant changed it" is simply "the content no longer has that
 * checksum" (ADR 0009).
 */
@MappedSuperclass
public abstract class PluginDefault {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "code", nullable = false, updatable = false)
    private String code;

    @Lob
    @Column(name = "content", nullable = false)
    private String content;

    @Column(name = "origin_plugin")
    private String originPlugin;

    @Column(name = "origin_version")
    private String originVersion;

    @Column(name = "origin_checksum")
    private String originChecksum;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected PluginDefault() {
    }

    protected PluginDefault(DefaultItem item, String plugin, String version, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.code = item.code();
        copy(item, plugin, version, now);
    }

    /** Takes the plugin's version of the item, as a fresh untouched copy. */
    final void copy(DefaultItem item, String plugin, String version, Instant now) {
        this.content = item.text();
        this.originPlugin = plugin;
        this.originVersion = version;
        this.originChecksum = item.checksum();
        this.updatedAt = now.atOffset(ZoneOffset.UTC);
        copied(item);
    }

    /** Subclasses keep their own columns in step with the content. */
    protected void copied(DefaultItem item) {
    }

    /** Changes the content as the tenant's own edit: from now on an upgrade leaves it alone. */
    final void edit(String newContent, Instant now) {
        this.content = Objects.requireNonNull(newContent);
        this.updatedAt = now.atOffset(ZoneOffset.UTC);
    }

    /** True when the content is still exactly what its plugin shipped. */
    public boolean untouched() {
        return originChecksum != null && originChecksum.equals(DefaultItem.checksum(content));
    }

    public String id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String content() {
        return content;
    }

    public String originPlugin() {
        return originPlugin;
    }

    public String originVersion() {
        return originVersion;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
