package io.kefu.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.kefu.platform.token.TokenSecret;

class BearerCredentialTest {

    private static final String TOKEN = TokenSecret.generate();

    @Test
    void theTokenFollowsTheBearerScheme() {
        BearerCredential c = assertInstanceOf(BearerCredential.class,
                KefuAuthenticationMechanism.bearerCredential("Bearer " + TOKEN));
        assertEquals(TOKEN, c.token());
    }

    @Test
    void theSchemeIsCaseInsensitiveAndSpacesAroundTheTokenDoNotMatter() {
        assertEquals(TOKEN, ((BearerCredential) KefuAuthenticationMechanism.bearerCredential("bearer " + TOKEN)).token());
        assertEquals(TOKEN, ((BearerCredential) KefuAuthenticationMechanism.bearerCredential("BEARER   " + TOKEN + " ")).token());
    }

    @Test
    void malformedTokensAreNoCredential() {
        assertNull(KefuAuthenticationMechanism.bearerCredential(null));
        assertNull(KefuAuthenticationMechanism.bearerCredential("Bearer"));
        assertNull(KefuAuthenticationMechanism.bearerCredential("Bearer "));
        assertNull(KefuAuthenticationMechanism.bearerCredential("Bearer not-a-token"));
        assertNull(KefuAuthenticationMechanism.bearerCredential("Bearer " + TOKEN + "x"));
        assertNull(KefuAuthenticationMechanism.bearerCredential("Bearer " + TOKEN + " " + TOKEN));
        assertNull(KefuAuthenticationMechanism.bearerCredential("Bearer" + TOKEN));
        assertNull(KefuAuthenticationMechanism.bearerCredential("Basic " + TOKEN));
        assertNull(KefuAuthenticationMechanism.bearerCredential("Token " + TOKEN));
    }

    @Test
    void theCredentialNeverShowsTheSecret() {
        String shown = new BearerCredential(TOKEN).toString();
        assertFalse(shown.contains(TOKEN.substring(8)), shown);
    }
}
