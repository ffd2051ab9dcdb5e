/**
 * Who may log in: tenant users (login in the platform schema, member profile in the tenant's
 * schema), operators, roles, password hashing and the caller of a request.
 */
package io.kefu.platform.identity;
