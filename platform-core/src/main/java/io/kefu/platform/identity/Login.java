package io.kefu.platform.identity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.persistence.PlatformSchema;

/**
 * A tenant user's credentials, in the platform schema so that a login can be checked before any
 * tenant is bound. The user's profile lives in the tenant's schema ({@link Member}).
 */
@Entity
@Table(name = "login", schema = PlatformSchema.NAME)
public class Login {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "tenant_code", nullable = false)
    private String tenantCode;

    @Column(name = "username", nullable = false)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false)
    private Role role;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Login() {
    }

    Login(TenantCode tenant, Username username, String passwordHash, Role role) {
        this.id = UUID.randomUUID().toString();
        this.tenantCode = tenant.value();
        this.username = username.value();
        this.passwordHash = passwordHash;
        this.role = role;
        this.enabled = true;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public TenantCode tenant() {
        return new TenantCode(tenantCode);
    }

    public String username() {
        return username;
    }

    public Role role() {
        return role;
    }

    public boolean enabled() {
        return enabled;
    }

    boolean matches(char[] password) {
        return PasswordHash.verify(password, passwordHash);
    }
}
