/**
 * Tests that start their own Kefu cluster: several processes of the runnable bundle on
 * loopback, sharing one fresh PostgreSQL database.
 */
package io.kefu.ui.cluster;
