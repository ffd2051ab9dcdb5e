package io.kefu.platform.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;

import io.kefu.platform.plugin.TenantPlugins.Decision;

/** Re-enabling after an upgrade: new items are added, untouched copies follow, the tenant's changes stay. */
class UpgradeDecisionTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private static DefaultItem item(String json) {
        return new DefaultItem(DefaultKind.CANNED_REPLY, "r1", null, Json.createReader(new StringReader(json)).readObject());
    }

    private final DefaultItem v1 = item("{\"code\":\"r1\",\"title\":{\"zh-CN\":\"致歉\",\"en\":\"Sorry\"}}");
    private final DefaultItem v2 = item("{\"code\":\"r1\",\"title\":{\"zh-CN\":\"致歉\",\"en\":\"Our apologies\"}}");

    @Test
    void aMissingItemIsAddedAndAnIdenticalOneLeftAsItIs() {
        assertEquals(Decision.ADD, TenantPlugins.decide(null, v1, "express"));
        assertEquals(Decision.SAME, TenantPlugins.decide(new CannedReply(v1, "express", "1.0.0", NOW), v1, "express"));
    }

    @Test
    void anUntouchedCopyTakesTheNewVersion() {
        CannedReply copy = new CannedReply(v1, "express", "1.0.0", NOW);
        assertTrue(copy.untouched());
        assertEquals(Decision.UPDATE, TenantPlugins.decide(copy, v2, "express"));
        copy.copy(v2, "express", "1.1.0", NOW);
        assertEquals("1.1.0", copy.originVersion());
        assertTrue(copy.untouched());
        assertEquals(Decision.SAME, TenantPlugins.decide(copy, v2, "express"));
    }

    @Test
    void aCopyTheTenantChangedIsKept() {
        CannedReply copy = new CannedReply(v1, "express", "1.0.0", NOW);
        copy.edit("{\"code\":\"r1\",\"title\":{\"zh-CN\":\"抱歉\",\"en\":\"So sorry\"}}", NOW);
        assertFalse(copy.untouched());
        assertEquals(Decision.KEEP, TenantPlugins.decide(copy, v2, "express"));
    }

    @Test
    void anotherPluginsItemOfTheSameCodeIsKept() {
        assertEquals(Decision.KEEP, TenantPlugins.decide(new CannedReply(v1, "hotel", "1.0.0", NOW), v2, "express"));
    }
}
