package io.kefu.platform.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TokenSecretTest {

    @Test
    void aTokenIsTheMarkerAnd43UrlSafeCharactersOf32Bytes() {
        String token = TokenSecret.generate();
        assertTrue(token.startsWith("kefu_"), token);
        assertEquals(5 + 43, token.length(), token);
        assertTrue(token.substring(5).matches("[A-Za-z0-9_-]{43}"), token);
        assertEquals(32, Base64.getUrlDecoder().decode(token.substring(5)).length);
        assertTrue(TokenSecret.isWellFormed(token));
    }

    /**
     * Not a randomness test suite, but enough to catch a constant, a counter or a short seed:
     * no repeats, and every position of the random part takes many different characters.
     */
    @Test
    void tokensDoNotRepeatAndEveryPositionVaries() {
        int n = 2000;
        Set<String> seen = new HashSet<>();
        @SuppressWarnings("unchecked")
        Set<Character>[] perPosition = new Set[42];
        for (int i = 0; i < perPosition.length; i++) {
            perPosition[i] = new HashSet<>();
        }
        int ones = 0;
        for (int i = 0; i < n; i++) {
            String t = TokenSecret.generate();
            assertTrue(seen.add(t), "repeated token " + t);
            // The 43rd character carries only 4 bits; the first 42 carry 6 each.
            for (int p = 0; p < perPosition.length; p++) {
                perPosition[p].add(t.charAt(5 + p));
            }
            for (byte b : Base64.getUrlDecoder().decode(t.substring(5))) {
                ones += Integer.bitCount(b & 0xff);
            }
        }
        for (int p = 0; p < perPosition.length; p++) {
            assertTrue(perPosition[p].size() >= 60, "position " + p + " took only " + perPosition[p].size() + " characters");
        }
        double share = ones / (n * 256.0);
        assertTrue(share > 0.49 && share < 0.51, "share of one bits " + share);
    }

    @Test
    void theHashIsSha256InLowerCaseHex() {
        // FIPS 180-2 test vector.
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenSecret.hash("abc"));
        String token = TokenSecret.generate();
        String hash = TokenSecret.hash(token);
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        assertEquals(hash, TokenSecret.hash(token), "the same token always has the same hash (it is looked up by it)");
        assertNotEquals(hash, TokenSecret.hash(TokenSecret.generate()));
        assertFalse(hash.contains(token.substring(5)));
    }

    @Test
    void thePrefixIsTheFirstEightCharacters() {
        String token = TokenSecret.generate();
        assertEquals(token.substring(0, 8), TokenSecret.prefix(token));
        assertTrue(TokenSecret.prefix(token).startsWith("kefu_"));
    }

    @Test
    void anythingNotShapedLikeATokenIsRefusedBeforeALookup() {
        String good = TokenSecret.generate();
        for (String bad : new String[] {null, "", "kefu_", good.substring(0, good.length() - 1), good + "A",
                "KEFU_" + good.substring(5), "kefx_" + good.substring(5), good.substring(0, 20) + "+" + good.substring(21),
                good.substring(0, 20) + "/" + good.substring(21), good.substring(0, 47) + "=", " " + good,
                good.substring(0, 20) + " " + good.substring(21), "kefu_" + "é".repeat(43)}) {
            assertFalse(TokenSecret.isWellFormed(bad), String.valueOf(bad));
        }
    }
}
