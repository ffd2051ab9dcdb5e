package io.kefu.platform.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SettingKeyTest {

    @Test
    void eachSettingHasAValidDefault() {
        for (SettingKey k : SettingKey.values()) {
            assertTrue(k.accepts(k.defaultValue()), k.key());
        }
    }

    @Test
    void rulesRefuseBadValues() {
        assertTrue(SettingKey.TIME_ZONE.accepts("Europe/Berlin"));
        assertFalse(SettingKey.TIME_ZONE.accepts("Mars/Olympus"));
        assertFalse(SettingKey.DEFAULT_LOCALE.accepts("fr"));
        assertTrue(SettingKey.TICKET_NUMBER_PREFIX.accepts("SF2"));
        assertFalse(SettingKey.TICKET_NUMBER_PREFIX.accepts("kf"));
        assertFalse(SettingKey.TICKET_NUMBER_PREFIX.accepts("TOOLONGPREFIX"));
        assertFalse(SettingKey.DISPLAY_NAME.accepts("x".repeat(201)));
        assertFalse(SettingKey.DISPLAY_NAME.accepts(null));
    }

    @Test
    void keysAreLookedUpByTheirExternalName() {
        assertEquals(SettingKey.TIME_ZONE, SettingKey.byKey("time.zone").orElseThrow());
        assertTrue(SettingKey.byKey("TIME_ZONE").isEmpty());
    }
}
