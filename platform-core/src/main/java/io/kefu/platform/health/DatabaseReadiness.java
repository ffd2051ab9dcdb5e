package io.kefu.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.kefu.platform.startup.PlatformStartup;
import io.kefu.platform.tenant.persistence.TenantSchemas;

/** Ready when start-up migrations are done and the database answers. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    TenantSchemas schemas;

    @Inject
    PlatformStartup startup;

    @Override
    public HealthCheckResponse call() {
        boolean reachable = schemas.databaseReachable();
        var builder = HealthCheckResponse.named("database")
                .withData("reachable", reachable)
                .withData("migrated", startup.ready());
        if (startup.failure() != null) {
            builder.withData("failure", startup.failure());
        }
        return builder.status(reachable && startup.ready()).build();
    }
}
