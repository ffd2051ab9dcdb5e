/**
 * Tenant provisioning: validate a sign-up, claim the code, build the schema, create the admin,
 * activate; all or nothing. The operator REST API for tenants.
 */
package io.kefu.tenantadmin.provisioning;
