package io.kefu.platform.startup;

/** Fired once the platform schema is current, the operator exists and every tenant schema is upgraded. */
public record PlatformStarted(int tenantsUpgraded) {
}
