/**
 * Work that one node of the cluster does for all: a lease in the platform schema names the
 * node that runs a job ({@link io.kefu.platform.cluster.ClusterLeases}); a dead node's lease
 * runs out and a survivor takes over (ADR 0008). Jobs must still guard each effect in the
 * database, since a paused node may wake up holding an expired lease for one more tick.
 */
package io.kefu.platform.cluster;
