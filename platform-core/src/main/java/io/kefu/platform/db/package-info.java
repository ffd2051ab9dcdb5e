/** The data source behind Payara's pool: embedded H2 or PostgreSQL from configuration. */
package io.kefu.platform.db;
