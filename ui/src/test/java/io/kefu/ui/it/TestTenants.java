package io.kefu.ui.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.SecureRandom;

import jakarta.json.Json;

import io.kefu.ui.it.Api.Credentials;
import io.kefu.ui.it.Api.Reply;

/** Tenants made over the operator API, each with a code no other test (or run) uses. */
public final class TestTenants {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private TestTenants() {
    }

    /** e.g. {@code iso-a-k3v9x0q2}: a valid tenant code, unique per call. */
    public static String uniqueCode(String prefix) {
        StringBuilder b = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 8; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** The JSON an operator posts to create a tenant. */
    public static String body(String code, String name, String industry, String admin, String password, String email) {
        var b = Json.createObjectBuilder();
        add(b, "code", code);
        add(b, "name", name);
        add(b, "industry", industry);
        add(b, "adminUsername", admin);
        add(b, "adminPassword", password);
        add(b, "adminEmail", email);
        return b.build().toString();
    }

    private static void add(jakarta.json.JsonObjectBuilder b, String k, String v) {
        if (v == null) {
            b.addNull(k);
        } else {
            b.add(k, v);
        }
    }

    /**
     * Provisions a tenant of the general industry (no plugin, so no forms, standards or defaults
     * of an industry: each test sets up what it asserts on) with the given admin; asserts 201.
     */
    public static Tenant provision(Api api, String prefix, String adminUsername) {
        return provision(api, prefix, adminUsername, "general");
    }

    /** Provisions a tenant of {@code industry} (its plugin enabled with its defaults); asserts 201. */
    public static Tenant provision(Api api, String prefix, String adminUsername, String industry) {
        String code = uniqueCode(prefix);
        String password = "pw-" + code + "-9";
        Reply r = api.post("/api/v1/tenants", Credentials.operator(),
                body(code, "Tenant " + code, industry, adminUsername, password, adminUsername + "@" + code + ".example.com"));
        assertEquals(201, r.status(), () -> "provisioning " + code + ": " + r);
        return new Tenant(code, adminUsername, password);
    }

    /** Adds a person with {@code role} (AGENT, SUPERVISOR, TENANT_ADMIN) to the tenant, as its admin; asserts 201. */
    public static Credentials user(Api api, Tenant t, String username, String role) {
        String password = "pw-" + username + "-2026";
        Reply r = api.post("/api/v1/users", t.admin(), jakarta.json.Json.createObjectBuilder().add("username", username)
                .add("password", password).add("role", role).add("displayName", username)
                .add("email", username + "@" + t.code() + ".example.com").build().toString());
        assertEquals(201, r.status(), () -> "adding user " + username + ": " + r);
        return Credentials.tenantUser(t.code(), username, password);
    }

    public static Tenant provision(Api api, String prefix) {
        return provision(api, prefix, "admin");
    }

    /** A provisioned tenant and its admin's credentials. */
    public record Tenant(String code, String adminUsername, String adminPassword) {

        public Credentials admin() {
            return Credentials.tenantUser(code, adminUsername, adminPassword);
        }

        /** {@code t_} and the code with {@code -} as {@code _} (as TenantCode.schemaName()). */
        public String schema() {
            return "t_" + code.replace('-', '_');
        }
    }
}
