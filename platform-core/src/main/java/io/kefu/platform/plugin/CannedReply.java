package io.kefu.platform.plugin;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

import io.kefu.platform.tenant.persistence.TenantPersistence;

/** The tenant's canned reply (快捷回复) with placeholders. */
@Entity
@Table(name = "canned_reply")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantPersistence.TENANT_PROPERTY)
public class CannedReply extends PluginDefault {

    protected CannedReply() {
    }

    CannedReply(DefaultItem item, String plugin, String version, Instant now) {
        super(item, plugin, version, now);
    }
}
