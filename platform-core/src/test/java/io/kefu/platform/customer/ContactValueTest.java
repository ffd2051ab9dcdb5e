package io.kefu.platform.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.InvalidInputException;

class ContactValueTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void phonesAreDigitsWithAnOptionalPlusSpacesAndHyphens() {
        assertEquals("13812345678", value(ContactKind.PHONE, " 13812345678 "));
        assertEquals("+86 138 1234 5678", value(ContactKind.PHONE, "+86  138 1234\t5678"));
        assertEquals("010-8888-6666", value(ContactKind.PHONE, "010-8888-6666"));
        assertEquals("95588", value(ContactKind.PHONE, "95588"), "5 digits");
        assertEquals("12345678901234567890", value(ContactKind.PHONE, "12345678901234567890"), "20 digits");
        assertEquals("13812345678", value(ContactKind.PHONE, "１３８１２３４５６７８"), "full-width digits from a Chinese IME");
        for (String bad : new String[] {"1234", "123456789012345678901", "138-1234-abcd", "++8613812345678", "138 1234 5678-",
                "(010) 88886666", "-13812345678", "1381234567８x"}) {
            assertEquals(ContactValue.PHONE_INVALID, error(ContactKind.PHONE, bad).code(), bad);
        }
    }

    @Test
    void theRefusalDoesNotEchoTheValue() {
        assertEquals(0, error(ContactKind.PHONE, "1381234abc").args().size());
        assertEquals(0, error(ContactKind.ID_NUMBER, "110105194912310021").args().size());
    }

    @Test
    void emailsAreCheckedLikeUsersEmails() {
        assertEquals("li.wei@example.com", value(ContactKind.EMAIL, " li.wei@example.com "));
        assertEquals("li.wei@example.com", value(ContactKind.EMAIL, "li.wei＠example.com"), "full-width @");
        assertEquals("email.invalid", error(ContactKind.EMAIL, "li.wei@example").code());
        assertEquals("email.invalid", error(ContactKind.EMAIL, "li wei@example.com").code());
    }

    @Test
    void chineseResidentIdsCarryAValidCheckCharacter() {
        // The example of GB 11643-1999 itself, and other numbers of the real format.
        assertEquals("11010519491231002X", value(ContactKind.ID_NUMBER, "11010519491231002X"));
        assertEquals("11010519491231002X", value(ContactKind.ID_NUMBER, "110105 19491231 002x"), "spaces and a small x");
        assertEquals("440524188001010014", value(ContactKind.ID_NUMBER, "440524188001010014"));
        assertEquals("110101199003077571", value(ContactKind.ID_NUMBER, "110101199003077571"));
        assertEquals("440304200002291236", value(ContactKind.ID_NUMBER, "440304200002291236"), "born on 29 February 2000");

        assertEquals(ContactValue.ID_CHECKSUM, error(ContactKind.ID_NUMBER, "110105194912310021").code(), "wrong check character");
        assertEquals(ContactValue.ID_CHECKSUM, error(ContactKind.ID_NUMBER, "110105194912310029").code());
        assertEquals(ContactValue.ID_CHECKSUM, error(ContactKind.ID_NUMBER, "110101199003075771").code(), "two digits swapped");
    }

    @Test
    void chineseResidentIdsHaveTheRightShapeAndBirthDate() {
        for (String bad : new String[] {
                "110105491231002", // old 15-digit number
                "11010519491231002", // 17
                "11010519491231002XX", // 19
                "1101051949123100A2", // letter inside
                "010105194912310020", // region cannot start with 0
                "440304200102291234", // 29 February 2001 does not exist
                "110105194913310020", // month 13
                "110105203001010010", // born in the future
                "110105180001010010", // before 1850
        }) {
            assertEquals(ContactValue.ID_INVALID, error(ContactKind.ID_NUMBER, bad).code(), bad);
        }
        assertEquals(ChineseResidentId.Verdict.MALFORMED, ChineseResidentId.check("110105202611260010", TODAY), "born tomorrow");
        assertEquals('X', ChineseResidentId.checkCharacter("11010519491231002"));
        assertEquals('4', ChineseResidentId.checkCharacter("44052418800101001"));
    }

    @Test
    void otherDocumentsAreFiveToThirtyLettersAndDigits() {
        assertEquals("E12345678", ContactValue.parse(ContactKind.ID_NUMBER, DocumentType.PASSPORT, "e1234 5678", "v", "d").value());
        assertEquals(DocumentType.PASSPORT, ContactValue.parse(ContactKind.ID_NUMBER, DocumentType.PASSPORT, "E12345678", "v", "d").documentType());
        assertEquals("H1234567801", ContactValue.parse(ContactKind.ID_NUMBER, DocumentType.OTHER, "H1234567801", "v", "d").value());
        assertEquals(DocumentType.CN_RESIDENT_ID, ContactValue.parse(ContactKind.ID_NUMBER, null, "440524188001010014", "v", "d").documentType(),
                "a resident ID unless said otherwise");
        for (String bad : new String[] {"E123", "A".repeat(31), "E1234-5678", "护照12345"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> ContactValue.parse(ContactKind.ID_NUMBER, DocumentType.PASSPORT, bad, "v", "d"), bad);
            assertEquals(ContactValue.DOCUMENT_INVALID, e.errors().get(0).code(), bad);
        }
    }

    @Test
    void aDocumentTypeBelongsToIdNumbersOnly() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ContactValue.parse(ContactKind.PHONE, DocumentType.PASSPORT, "13812345678", "v", "contacts[0].documentType"));
        assertEquals("contacts[0].documentType", e.errors().get(0).field());
        assertEquals(ContactValue.DOCUMENT_TYPE_NOT_APPLICABLE, e.errors().get(0).code());
        assertNull(ContactValue.parse(ContactKind.PHONE, null, "13812345678", "v", "d").documentType());
    }

    @Test
    void addressesAreUpToFiveHundredCharactersOnOneLine() {
        assertEquals("北京市朝阳区 建国路88号", value(ContactKind.ADDRESS, " 北京市朝阳区\n建国路88号 "));
        assertEquals("上海市，浦东新区", value(ContactKind.ADDRESS, "上海市，浦东新区"), "full-width punctuation stays");
        assertEquals(500, value(ContactKind.ADDRESS, "路".repeat(500)).length());
        assertEquals(ContactValue.ADDRESS_LENGTH, error(ContactKind.ADDRESS, "路".repeat(501)).code());
        assertEquals("field.required", error(ContactKind.ADDRESS, "\u0001").code());
    }

    @Test
    void everyKindNeedsAValue() {
        for (ContactKind k : ContactKind.values()) {
            FieldError e = error(k, "  ");
            assertEquals("field.required", e.code(), k.name());
            assertEquals("value", e.field());
        }
    }

    @Test
    void labelsAreShort() {
        assertEquals("手机", ContactValue.label(" 手机 ", "label"));
        assertNull(ContactValue.label(" ", "label"));
        assertEquals(50, ContactValue.label("标".repeat(50), "label").length());
        assertEquals(ContactValue.LABEL_LENGTH, assertThrows(InvalidInputException.class,
                () -> ContactValue.label("标".repeat(51), "label")).errors().get(0).code());
    }

    @Test
    void sameContactsAreRecognisedDespiteFormatting() {
        assertEquals(parse(ContactKind.PHONE, "138 1234 5678").sameness(), parse(ContactKind.PHONE, "138-1234-5678").sameness());
        assertEquals(parse(ContactKind.EMAIL, "Li.Wei@Example.com").sameness(), parse(ContactKind.EMAIL, "li.wei@example.com").sameness());
        assertNotEquals(parse(ContactKind.PHONE, "13812345678").sameness(), parse(ContactKind.PHONE, "13812345679").sameness());
        assertNotEquals(ContactValue.parse(ContactKind.ID_NUMBER, DocumentType.PASSPORT, "E12345678", "v", "d").sameness(),
                ContactValue.parse(ContactKind.ID_NUMBER, DocumentType.OTHER, "E12345678", "v", "d").sameness());
    }

    private static ContactValue parse(ContactKind kind, String input) {
        return ContactValue.parse(kind, null, input, "value", "documentType");
    }

    private static String value(ContactKind kind, String input) {
        return parse(kind, input).value();
    }

    private static FieldError error(ContactKind kind, String input) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(kind, input), input);
        assertEquals(1, e.errors().size());
        return e.errors().get(0);
    }
}
