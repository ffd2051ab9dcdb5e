package io.kefu.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;

import org.junit.jupiter.api.Test;

class BasicCredentialTest {

    @Test
    void tenantUsersNameTheirTenantBeforeASlash() {
        Credential c = KefuAuthenticationMechanism.basicCredential(b64("acme/li.wei:pa:ss"));
        TenantCredential t = assertInstanceOf(TenantCredential.class, c);
        assertEquals("acme", t.tenant());
        assertEquals("li.wei", t.getCaller());
        assertEquals("pa:ss", t.getPasswordAsString(), "only the first colon separates the password");
    }

    @Test
    void aBareNameIsAnOperator() {
        Credential c = KefuAuthenticationMechanism.basicCredential(b64("operator:secret"));
        assertInstanceOf(UsernamePasswordCredential.class, c);
        assertFalse(c instanceof TenantCredential);
    }

    @Test
    void garbageIsNoCredential() {
        assertNull(KefuAuthenticationMechanism.basicCredential("%%%"));
        assertNull(KefuAuthenticationMechanism.basicCredential(b64("no-colon")));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
