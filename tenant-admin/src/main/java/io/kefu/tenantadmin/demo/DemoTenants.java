package io.kefu.tenantadmin.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.kefu.platform.config.KefuConfig;
import io.kefu.platform.identity.EmailAddress;
import io.kefu.platform.identity.IdentityService;
import io.kefu.platform.identity.Role;
import io.kefu.platform.identity.Username;
import io.kefu.platform.plugin.InstalledPlugins;
import io.kefu.platform.plugin.LoadedPlugin;
import io.kefu.platform.settings.SettingKey;
import io.kefu.platform.settings.TenantSettings;
import io.kefu.platform.startup.PlatformStarted;
import io.kefu.platform.tenant.Industry;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.platform.tenant.Tenants;
import io.kefu.tenantadmin.provisioning.NewTenant;
import io.kefu.tenantadmin.provisioning.TenantProvisioning;

/**
 * On the embedded database only, demo tenants to log in to right after the first start: the
 * general {@code demo} tenant, and one per industry plugin ({@code demo-express}, ...) with the
 * plugin enabled and its demo customers and tickets. Their logins are in the README. Never on PostgreSQL: a production installation gets no known
 * passwords.
 */
@ApplicationScoped
public class DemoTenants {

    private static final Logger LOG = Logger.getLogger(DemoTenants.class.getName());
    public static final String CODE = "demo";
    public static final String PASSWORD = "demo1234";

    @Inject
    TenantProvisioning provisioning;

    @Inject
    Tenants tenants;

    @Inject
    IdentityService identities;

    @Inject
    TenantSettings settings;

    @Inject
    TenantContext tenantContext;

    @Inject
    InstalledPlugins plugins;

    @Inject
    IndustryDemoData demoData;

    /** The industries that get a demo tenant {@code demo-<id>}, when their plugin is installed and running. */
    static final List<Industry> INDUSTRIES = List.of(Industry.EXPRESS, Industry.HOTEL, Industry.TELECOM, Industry.PROPERTY, Industry.BANKING);

    /**
     * Not in the start-up's transaction: each demo tenant, and each of its customers and tickets,
     * is its own unit of work, as it would be through the API (one transaction works for one tenant).
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    void onStarted(@Observes PlatformStarted started) {
        if (!KefuConfig.embeddedDatabase() || !KefuConfig.demoEnabled()) {
            return;
        }
        TenantCode code = new TenantCode(CODE);
        if (!tenants.exists(code)) {
            createGeneral(code);
        }
        for (Industry industry : INDUSTRIES) {
            TenantCode demo = new TenantCode(CODE + "-" + industry.id());
            if (!tenants.exists(demo)) {
                plugins.active(industry.id()).ifPresent(plugin -> {
                    try {
                        createIndustry(demo, industry, plugin);
                    } catch (RuntimeException e) {
                        // A demo is a convenience: the platform starts without it.
                        LOG.log(Level.SEVERE, "Demo tenant " + demo + " could not be completed", e);
                    }
                });
            }
        }
    }

    private void createIndustry(TenantCode code, Industry industry, LoadedPlugin plugin) {
        String name = "演示 " + plugin.name().zhCN() + " / Demo " + plugin.name().en();
        // Provisioning enables the industry's plugin (its tables and defaults).
        provisioning.provision(new NewTenant(code.value(), name, industry.id(), "admin", PASSWORD, "admin@" + code.value() + ".kefu.local"));
        identities.createUser(code, new Username("supervisor"), PASSWORD.toCharArray(), Role.SUPERVISOR, "王主管 Wang (supervisor)",
                new EmailAddress("supervisor@" + code.value() + ".kefu.local"));
        identities.createUser(code, new Username("agent"), PASSWORD.toCharArray(), Role.AGENT, "李客服 Li (agent)",
                new EmailAddress("agent@" + code.value() + ".kefu.local"));
        tenantContext.run(code, () -> settings.set(SettingKey.DISPLAY_NAME, name, "system"));
        String team = demoData.team(code, "admin", List.of("supervisor", "agent"));
        int[] loaded = demoData.load(code, plugin, "admin", "agent", team);
        LOG.info("Created demo tenant '" + code + "' (plugin " + plugin.id() + ", " + loaded[0] + " customers, " + loaded[1]
                + " tickets; users admin, supervisor, agent; password " + PASSWORD + ")");
    }

    private void createGeneral(TenantCode code) {
        provisioning.provision(new NewTenant(CODE, "Kefu 演示公司 Demo Co.", "general", "admin", PASSWORD, "admin@demo.kefu.local"));
        identities.createUser(code, new Username("supervisor"), PASSWORD.toCharArray(), Role.SUPERVISOR, "王主管 Wang (supervisor)",
                new EmailAddress("supervisor@demo.kefu.local"));
        identities.createUser(code, new Username("agent"), PASSWORD.toCharArray(), Role.AGENT, "李客服 Li (agent)",
                new EmailAddress("agent@demo.kefu.local"));
        tenantContext.run(code, () -> settings.set(SettingKey.DISPLAY_NAME, "Kefu 演示公司 Demo Co.", "system"));
        // The tenant the README sends people to first: its queues should not be empty.
        String team = demoData.team(code, "admin", List.of("supervisor", "agent"));
        int[] loaded = demoData.load(code, generalDemo(), "the general demo", "admin", "agent", team);
        LOG.info("Created demo tenant '" + CODE + "' (" + loaded[0] + " customers, " + loaded[1]
                + " tickets; users admin, supervisor, agent; password " + PASSWORD + ")");
    }

    /** A retailer's service desk (customers and tickets in Chinese and English), packaged with this module. */
    static String generalDemo() {
        try (InputStream in = DemoTenants.class.getResourceAsStream("general-demo.json")) {
            if (in == null) {
                throw new IllegalStateException("general-demo.json is missing from the tenant-admin module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
