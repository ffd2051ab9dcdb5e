package io.kefu.tenantadmin.provisioning;

/** A sign-up as an operator or the sign-up page sends it; checked by {@link TenantProvisioning}. */
public record NewTenant(String code, String name, String industry, String adminUsername, String adminPassword,
                        String adminEmail) {

    @Override
    public String toString() {
        // Never log the password.
        return "NewTenant[code=" + code + ", name=" + name + ", industry=" + industry + ", adminUsername="
                + adminUsername + ", adminEmail=" + adminEmail + "]";
    }
}
