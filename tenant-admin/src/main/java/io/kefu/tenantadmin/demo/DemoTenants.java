package io.kefu.tenantadmin.demo;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.kefu.platform.config.KefuConfig;
import io.kefu.platform.identity.EmailAddress;
import io.kefu.platform.identity.IdentityService;
import io.kefu.platform.identity.Role;
import io.kefu.platform.identity.Username;
import io.kefu.platform.settings.SettingKey;
import io.kefu.platform.settings.TenantSettings;
import io.kefu.platform.startup.PlatformStarted;
import io.kefu.platform.tenant.TenantCode;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.platform.tenant.Tenants;
import io.kefu.tenantadmin.provisioning.NewTenant;
import io.kefu.tenantadmin.provisioning.TenantProvisioning;

/**
 * On the embedded database only, a demo tenant to log in to right after the first start. Its
 * logins are in the README. Never on PostgreSQL: a production installation gets no known
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

    void onStarted(@Observes PlatformStarted started) {
        if (!KefuConfig.embeddedDatabase() || !KefuConfig.demoEnabled()) {
            return;
        }
        TenantCode code = new TenantCode(CODE);
        if (tenants.exists(code)) {
            return;
        }
        provisioning.provision(new NewTenant(CODE, "Kefu 演示公司 Demo Co.", "general", "admin", PASSWORD, "admin@demo.kefu.local"));
        identities.createUser(code, new Username("supervisor"), PASSWORD.toCharArray(), Role.SUPERVISOR, "王主管 Wang (supervisor)",
                new EmailAddress("supervisor@demo.kefu.local"));
        identities.createUser(code, new Username("agent"), PASSWORD.toCharArray(), Role.AGENT, "李客服 Li (agent)",
                new EmailAddress("agent@demo.kefu.local"));
        tenantContext.run(code, () -> settings.set(SettingKey.DISPLAY_NAME, "Kefu 演示公司 Demo Co.", "system"));
        LOG.info("Created demo tenant '" + CODE + "' (users admin, supervisor, agent; password " + PASSWORD + ")");
    }
}
