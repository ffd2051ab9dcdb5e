/**
 * Tenants: the code that names them (and from which alone schema names are derived), their
 * industry and status, the registry in the platform schema, and the per-thread tenant context.
 */
package io.kefu.platform.tenant;
