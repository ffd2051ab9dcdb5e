package io.kefu.platform.identity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.kefu.platform.tenant.persistence.PlatformSchema;

/** An operator of the installation. */
@Entity
@Table(name = "operator_account", schema = PlatformSchema.NAME)
public class OperatorAccount {

    public static final String DEFAULT_USERNAME = "operator";

    @Id
    @Column(name = "username")
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected OperatorAccount() {
    }

    OperatorAccount(String username, char[] password) {
        this.username = username;
        this.passwordHash = PasswordHash.hash(password);
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.updatedAt = createdAt;
    }

    public String username() {
        return username;
    }

    boolean matches(char[] password) {
        return PasswordHash.verify(password, passwordHash);
    }

    void changePassword(char[] password) {
        this.passwordHash = PasswordHash.hash(password);
        this.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
}
