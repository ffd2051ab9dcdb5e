/** Demo tenants on the embedded database, so a first start has something to log in to. */
package io.kefu.tenantadmin.demo;
