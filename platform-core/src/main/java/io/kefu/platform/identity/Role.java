package io.kefu.platform.identity;

/** What a tenant user may do. Operators of the installation are not tenant users (see {@link Caller.Operator}). */
public enum Role {
    /** Configures the tenant: users, teams, standards, forms, branding. */
    TENANT_ADMIN,
    /** Watches queues, SLA risk and KPIs; escalates; inspects quality. */
    SUPERVISOR,
    /** Works tickets. */
    AGENT
}
