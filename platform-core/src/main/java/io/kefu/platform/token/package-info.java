/**
 * Tenant API tokens for channels and integrations: issued by a tenant admin, shown once, kept only
 * as a SHA-256 hash in the platform schema, revocable. {@code Authorization: Bearer <token>}
 * authenticates as the token's user and selects its tenant (see ADR 0004).
 */
package io.kefu.platform.token;
