/**
 * How tenancy reaches the database: the platform schema's name and the tenant-bound
 * EntityManager. The only place that knows EclipseLink's multitenancy properties.
 */
package io.kefu.platform.tenant.persistence;
