package io.kefu.platform.startup;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import io.kefu.db.TenantUpgrades;
import io.kefu.platform.config.KefuConfig;
import io.kefu.platform.identity.IdentityService;
import io.kefu.platform.tenant.Tenant;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantStatus;
import io.kefu.platform.tenant.Tenants;
import io.kefu.platform.tenant.persistence.TenantSchemas;

/**
 * Brings the database up to date when the application starts: platform schema, operator account,
 * then every tenant's schema. Readiness stays DOWN until this has finished.
 *
 * <p>A start-up EJB rather than a CDI observer of {@code @Initialized(ApplicationScoped)}: on
 * Payara that event fires before the WAR's {@code java:app} data source is bound.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlatformStartup {

    private static final Logger LOG = Logger.getLogger(PlatformStartup.class.getName());

    @Inject
    TenantSchemas schemas;

    @Inject
    IdentityService identities;

    @Inject
    Tenants tenants;

    @Inject
    Event<PlatformStarted> started;

    private volatile boolean ready;
    private volatile String failure;

    @PostConstruct
    void start() {
        long t0 = System.nanoTime();
        try {
            LOG.info("Kefu starting on " + describeDatabase() + ", data in " + KefuConfig.dataDir());
            // Settings read only later (at a rule change) are checked now: a bad value stops start-up, naming it.
            KefuConfig.slaReevaluationPageSize();
            KefuConfig.slaReevaluationLease();
            schemas.migratePlatform();
            identities.ensureOperator();
            List<Tenant> toUpgrade = tenants.all().stream().filter(t -> t.status() != TenantStatus.PROVISIONING).toList();
            upgrade(toUpgrade.stream().map(Tenant::code).toList());
            started.fire(new PlatformStarted(toUpgrade.size()));
            ready = true;
            LOG.info(String.format("Kefu ready: platform and %d tenant schemas current in %d ms",
                    toUpgrade.size(), (System.nanoTime() - t0) / 1_000_000));
        } catch (RuntimeException e) {
            failure = e.getMessage();
            LOG.log(Level.SEVERE, "Kefu could not start: " + e.getMessage(), e);
            throw e;
        }
    }

    /**
     * Upgrades the tenants, {@link KefuConfig#upgradeParallelism()} schemas at a time on
     * PostgreSQL (ADR 0003), and logs progress every 100 schemas. A tenant
     * whose upgrade fails keeps the platform from becoming ready, naming the tenants: serving a
     * tenant on a half-upgraded schema would fail its requests in confusing ways. A restart
     * resumes where the failed run stopped.
     */
    private void upgrade(List<TenantCode> codes) {
        if (codes.isEmpty()) {
            return;
        }
        AtomicInteger done = new AtomicInteger();
        TenantUpgrades.Report report = schemas.upgradeAll(codes, KefuConfig.upgradeParallelism(), outcome -> {
            int n = done.incrementAndGet();
            if (!outcome.succeeded()) {
                LOG.severe("Upgrading " + outcome.schema().value() + " failed: " + outcome.error());
            } else if (n % 100 == 0) {
                LOG.info(String.format("Tenant schemas upgraded: %d of %d", n, codes.size()));
            }
        });
        LOG.info(String.format("Tenant schemas: %d upgraded in %d ms, %d failed",
                report.succeeded(), report.millis(), report.failures().size()));
        if (!report.allSucceeded()) {
            throw new IllegalStateException(report.failures().size() + " tenant schema(s) could not be upgraded: "
                    + report.failures().stream().map(f -> f.schema().value()).limit(20).toList()
                    + "; see the log, mend, and restart to resume");
        }
    }

    public boolean ready() {
        return ready;
    }

    /** Why start-up failed, if it did. */
    public String failure() {
        return failure;
    }

    static String describeDatabase() {
        return KefuConfig.embeddedDatabase() ? "the embedded H2 database"
                : KefuConfig.effectiveDbUrl().replaceAll("password=[^&]*", "password=***");
    }
}
