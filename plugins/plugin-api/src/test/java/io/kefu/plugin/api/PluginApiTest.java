package io.kefu.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PluginApiTest {

    @Test
    void sameMajorAndLowerOrEqualMinorIsCompatible() {
        assertTrue(PluginApi.incompatibility("1.0", "1.0").isEmpty());
        assertTrue(PluginApi.incompatibility("1.0", "1.3").isEmpty());
        assertTrue(PluginApi.incompatibility("1.3", "1.3").isEmpty());
    }

    @Test
    void higherMinorIsRefusedAskingForAPlatformUpgrade() {
        String why = PluginApi.incompatibility("1.4", "1.3").orElseThrow();
        assertTrue(why.contains("1.4") && why.contains("1.3") && why.contains("upgrade the platform"), why);
    }

    @Test
    void anotherMajorIsRefusedEitherWay() {
        assertTrue(PluginApi.incompatibility("2.0", "1.9").orElseThrow().contains("another major"));
        assertTrue(PluginApi.incompatibility("0.9", "1.0").orElseThrow().contains("another major"));
    }

    @Test
    void malformedOrMissingRequirementIsRefused() {
        assertTrue(PluginApi.incompatibility("1", "1.0").orElseThrow().contains("major.minor"));
        assertTrue(PluginApi.incompatibility("latest", "1.0").isPresent());
        assertTrue(PluginApi.incompatibility(null, "1.0").isPresent());
    }

    @Test
    void thePlatformsOwnVersionIsWellFormedAndCompatibleWithItself() {
        assertTrue(PluginApi.incompatibility(PluginApi.VERSION).isEmpty());
    }

    @Test
    void descriptorRejectsBadIdsAndVersions() {
        Label name = Label.of("快递", "Express");
        assertThrows(IllegalArgumentException.class, () -> PluginDescriptor.of("Express", "1.0.0", name));
        assertThrows(IllegalArgumentException.class, () -> PluginDescriptor.of("x", "1.0.0", name));
        assertThrows(IllegalArgumentException.class, () -> PluginDescriptor.of("express", "v1", name));
        assertEquals("1.0.0-SNAPSHOT", PluginDescriptor.of("express", "1.0.0-SNAPSHOT", name).version());
    }

    @Test
    void labelNeedsBothLanguagesAndPicksByLanguageTag() {
        assertThrows(IllegalArgumentException.class, () -> Label.of("", "Express"));
        assertThrows(IllegalArgumentException.class, () -> Label.of("快递", " "));
        Label l = Label.of("快递", "Express");
        assertEquals("快递", l.in("zh-CN"));
        assertEquals("Express", l.in("en"));
    }

    @Test
    void documentsLiveUnderThePluginsOwnFolder() {
        assertEquals("kefu-plugin/express/forms.json", PluginDocument.FORMS.path("express"));
        assertEquals("kefu-plugin/hotel/canned-replies.json", PluginDocument.CANNED_REPLIES.path("hotel"));
    }
}
