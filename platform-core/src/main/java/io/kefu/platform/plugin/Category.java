package io.kefu.platform.plugin;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

import io.kefu.platform.tenant.persistence.TenantPersistence;

/** The tenant's ticket category (分类), a tree by parent code. */
@Entity
@Table(name = "category")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantPersistence.TENANT_PROPERTY)
public class Category extends PluginDefault {

    @Column(name = "parent_code")
    private String parentCode;

    public String parentCode() {
        return parentCode;
    }

    protected Category() {
    }

    Category(DefaultItem item, String plugin, String version, Instant now) {
        super(item, plugin, version, now);
    }

    @Override
    protected void copied(DefaultItem item) {
        this.parentCode = item.parentCode();
    }
}
