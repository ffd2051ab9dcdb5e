package io.kefu.platform.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MaskTest {

    @Test
    void eachStyleKeepsWhatItNamesAndAFixedNumberOfStars() {
        assertEquals("******", Mask.ALL.apply("13812345678"));
        assertEquals("****5678", Mask.KEEP_LAST_4.apply("13812345678"));
        assertEquals("138****5678", Mask.KEEP_FIRST_3_LAST_4.apply("13812345678"));
        assertEquals("622202******1234", Mask.KEEP_FIRST_6_LAST_4.apply("6222021234567891234"));
    }

    @Test
    void shortValuesAreHiddenEntirelyRatherThanMostlyShown() {
        assertEquals("******", Mask.KEEP_LAST_4.apply("12345"), "keeping 4 of 5 would show nearly all");
        assertEquals("****5678", Mask.KEEP_LAST_4.apply("12345678"));
        assertEquals("******", Mask.KEEP_FIRST_3_LAST_4.apply("1234567"));
        assertEquals("******", Mask.KEEP_FIRST_6_LAST_4.apply("123456789012"));
        assertEquals("******", Mask.ALL.apply(""));
        assertNull(Mask.ALL.apply(null));
    }

    @Test
    void charactersBeyondTheBasicPlaneCountAsOne() {
        assertEquals("😀😀😀****😀😀😀😀", Mask.KEEP_FIRST_3_LAST_4.apply("😀".repeat(14)));
    }
}
