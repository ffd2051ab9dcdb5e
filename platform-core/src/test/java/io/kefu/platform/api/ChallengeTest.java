package io.kefu.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChallengeTest {

    @Test
    void aRequestThatSentABearerTokenIsChallengedForOne() {
        assertEquals(AccessControlFilter.BEARER_CHALLENGE, AccessControlFilter.challenge("Bearer kefu_wrong"));
        assertEquals(AccessControlFilter.BEARER_CHALLENGE, AccessControlFilter.challenge("bearer x"));
        assertEquals(AccessControlFilter.BEARER_CHALLENGE, AccessControlFilter.challenge("Bearer"));
        assertEquals("Bearer realm=\"kefu\", error=\"invalid_token\"", AccessControlFilter.BEARER_CHALLENGE);
    }

    @Test
    void everyOtherRequestIsChallengedForBasic() {
        assertEquals(AccessControlFilter.CHALLENGE, AccessControlFilter.challenge(null));
        assertEquals(AccessControlFilter.CHALLENGE, AccessControlFilter.challenge("Basic YTpi"));
        assertEquals(AccessControlFilter.CHALLENGE, AccessControlFilter.challenge("Bearerish x"));
        assertEquals("Basic realm=\"kefu\"", AccessControlFilter.CHALLENGE);
    }
}
