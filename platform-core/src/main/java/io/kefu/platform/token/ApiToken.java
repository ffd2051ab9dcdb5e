package io.kefu.platform.token;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.persistence.PlatformSchema;

/**
 * An API token of a tenant, acting as one of its users. In the platform schema so that a
 * Bearer token alone finds its tenant. The secret itself is never stored, only its hash.
 */
@Entity
@Table(name = "api_token", schema = PlatformSchema.NAME)
public class ApiToken {

    /** {@link #recordUse} writes at most this often per token: not a write on every request. */
    static final Duration USE_RECORDING_INTERVAL = Duration.ofMinutes(1);

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "tenant_code", nullable = false)
    private String tenantCode;

    @Column(name = "username", nullable = false)
    private String username;

    @Column(name = "name", nullable = false)
    private String name;

    /** The name while live, null once revoked: lets the database keep live names unique. */
    @Column(name = "active_name")
    private String activeName;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(name = "prefix", nullable = false)
    private String prefix;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected ApiToken() {
    }

    ApiToken(TenantCode tenant, String username, String name, String secret, OffsetDateTime now) {
        this.id = UUID.randomUUID().toString();
        this.tenantCode = tenant.value();
        this.username = Objects.requireNonNull(username, "username");
        this.name = Objects.requireNonNull(name, "name");
        this.activeName = name;
        this.tokenHash = TokenSecret.hash(secret);
        this.prefix = TokenSecret.prefix(secret);
        this.createdAt = now;
    }

    /**
     * Notes that the token was used at {@code now}, unless that was already noted less than
     * {@link #USE_RECORDING_INTERVAL} ago. Returns whether anything changed (to be written).
     */
    boolean recordUse(OffsetDateTime now) {
        if (lastUsedAt != null && lastUsedAt.plus(USE_RECORDING_INTERVAL).isAfter(now)) {
            return false;
        }
        lastUsedAt = now;
        return true;
    }

    /** Revokes the token for good; a second revocation changes nothing and returns false. */
    boolean revoke(OffsetDateTime now) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = now;
        activeName = null;
        return true;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public String id() {
        return id;
    }

    public TenantCode tenant() {
        return new TenantCode(tenantCode);
    }

    public String username() {
        return username;
    }

    public String name() {
        return name;
    }

    public String prefix() {
        return prefix;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime lastUsedAt() {
        return lastUsedAt;
    }

    public OffsetDateTime revokedAt() {
        return revokedAt;
    }

    String tokenHash() {
        return tokenHash;
    }
}
