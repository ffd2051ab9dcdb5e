package io.kefu.platform.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void phonesShowTheFirstThreeAndLastFourDigits() {
        assertEquals("138****5678", Masking.mask(ContactKind.PHONE, "13812345678"));
        assertEquals("+861****5678", Masking.mask(ContactKind.PHONE, "+86 138 1234 5678"));
        assertEquals("010****6666", Masking.mask(ContactKind.PHONE, "010-8888-6666"));
        assertEquals("955****8888", Masking.mask(ContactKind.PHONE, "95588888"), "8 digits: still 3 + 4");
        assertEquals("****95", Masking.mask(ContactKind.PHONE, "10095"), "short numbers: the last two only");
        assertEquals("****88", Masking.mask(ContactKind.PHONE, "9558888"));
    }

    @Test
    void theMaskDoesNotGiveTheLengthAway() {
        assertEquals(Masking.mask(ContactKind.PHONE, "13812345678").length(),
                Masking.mask(ContactKind.PHONE, "138123456789012").length());
        assertEquals("a*****@example.com", Masking.mask(ContactKind.EMAIL, "a1@example.com"));
        assertEquals("a*****@example.com", Masking.mask(ContactKind.EMAIL, "abcdefghij@example.com"));
    }

    @Test
    void emailsShowTheFirstCharacterAndTheDomain() {
        assertEquals("l*****@example.com", Masking.mask(ContactKind.EMAIL, "li.wei@example.com"));
        assertEquals("x*****@mail.example.cn", Masking.mask(ContactKind.EMAIL, "x@mail.example.cn"));
        assertEquals("李*****@例子.中国", Masking.mask(ContactKind.EMAIL, "李伟@例子.中国"));
    }

    @Test
    void idNumbersShowTheFirstThreeAndLastFour() {
        assertEquals("110***********002X", Masking.mask(ContactKind.ID_NUMBER, "11010519491231002X"));
        assertEquals("E12**5678", Masking.mask(ContactKind.ID_NUMBER, "E12345678"));
        assertEquals("A***5", Masking.mask(ContactKind.ID_NUMBER, "A1235"), "short documents: first and last");
        assertEquals("H*****7", Masking.mask(ContactKind.ID_NUMBER, "H123457"));
    }

    @Test
    void addressesShowTheFirstSixCharacters() {
        assertEquals("北京市朝阳区****", Masking.mask(ContactKind.ADDRESS, "北京市朝阳区建国路88号SOHO现代城A座1201"));
        assertEquals("10 Dow****", Masking.mask(ContactKind.ADDRESS, "10 Downing Street, London"));
        assertEquals("上海****", Masking.mask(ContactKind.ADDRESS, "上海浦东"), "short: the first half");
        assertEquals("****", Masking.mask(ContactKind.ADDRESS, "沪"));
        assertEquals("𠀀𠀁𠀂𠀃𠀄𠀅****", Masking.mask(ContactKind.ADDRESS, "𠀀𠀁𠀂𠀃𠀄𠀅𠀆"), "characters, not UTF-16 units");
    }

    @Test
    void aMaskedValueNeverContainsTheHiddenPart() {
        String phone = Masking.mask(ContactKind.PHONE, "13812345678");
        assertFalse(phone.contains("1234"), phone);
        String id = Masking.mask(ContactKind.ID_NUMBER, "11010519491231002X");
        assertFalse(id.contains("19491231"), id);
        String address = Masking.mask(ContactKind.ADDRESS, "北京市朝阳区建国路88号");
        assertFalse(address.contains("建国路"), address);
    }

    @Test
    void personNamesKeepOnlyTheirFirstCharacter() {
        assertEquals("李**", Masking.personName("李伟"));
        assertEquals("欧**", Masking.personName("欧阳娜娜"));
        assertEquals("J**", Masking.personName("Jane Doe"));
        assertNull(Masking.personName(null));
    }

    @Test
    void nullStaysNull() {
        assertNull(Masking.mask(ContactKind.PHONE, null));
        assertThrows(NullPointerException.class, () -> Masking.mask(null, "x"));
    }
}
