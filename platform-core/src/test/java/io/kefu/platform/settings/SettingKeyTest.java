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
    void perMillionBasesArePositiveWholeNumbersOrUnset() {
        assertTrue(SettingKey.TELECOM_SUBSCRIBERS.accepts(""));
        assertTrue(SettingKey.TELECOM_SUBSCRIBERS.accepts("38000000"));
        assertFalse(SettingKey.TELECOM_SUBSCRIBERS.accepts("0"));
        assertFalse(SettingKey.TELECOM_SUBSCRIBERS.accepts("-5"));
        assertFalse(SettingKey.EXPRESS_PARCEL_VOLUME.accepts("1e6"));
    }

    @Test
    void customerGradesAreOneToTenDistinctUpperCaseCodes() {
        assertTrue(SettingKey.CUSTOMER_GRADES.accepts("VIP,A,B,C"));
        assertTrue(SettingKey.CUSTOMER_GRADES.accepts("GOLD"));
        assertTrue(SettingKey.CUSTOMER_GRADES.accepts("A1,A2,A3,A4,A5,A6,A7,A8,A9,B1"));
        assertTrue(SettingKey.CUSTOMER_GRADES.accepts("PLATINUM10"));
        assertFalse(SettingKey.CUSTOMER_GRADES.accepts("A1,A2,A3,A4,A5,A6,A7,A8,A9,B1,B2"), "11 codes");
        assertFalse(SettingKey.CUSTOMER_GRADES.accepts("PLATINUM100"), "11 characters");
        assertFalse(SettingKey.CUSTOMER_GRADES.accepts(""));
        assertFalse(SettingKey.CUSTOMER_GRADES.accepts("vip,a"), "lower case");
        assertFalse(SettingKey.CUSTOMER_GRADES.accepts("VIP,,A"));
        assertFalse(SettingKey.CUSTOMER_GRADES.accepts("VIP,A,"));
        assertFalse(SettingKey.CUSTOMER_GRADES.accepts("VIP, A"));
        assertFalse(SettingKey.CUSTOMER_GRADES.accepts("A-1"));
        assertFalse(SettingKey.CUSTOMER_GRADES.accepts("VIP,A,VIP"), "duplicate");
        assertEquals("VIP,A,B,C", SettingKey.CUSTOMER_GRADES.defaultValue());
    }

    @Test
    void keysAreLookedUpByTheirExternalName() {
        assertEquals(SettingKey.TIME_ZONE, SettingKey.byKey("time.zone").orElseThrow());
        assertTrue(SettingKey.byKey("TIME_ZONE").isEmpty());
    }
}
