/**
 * The append-only audit log of a tenant: changes with before/after and reads of personal data.
 * Every feature records through {@link io.kefu.platform.audit.AuditLog}; nothing updates or
 * deletes an entry.
 */
package io.kefu.platform.audit;
