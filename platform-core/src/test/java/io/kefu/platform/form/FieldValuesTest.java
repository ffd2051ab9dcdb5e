package io.kefu.platform.form;

import static io.kefu.platform.form.FormFixtures.LABEL;
import static io.kefu.platform.form.FormFixtures.form;
import static io.kefu.platform.form.FormFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class FieldValuesTest {

    private final List<FieldDefinition> current = form(
            "{'key':'phone','type':'PHONE'," + LABEL + ",'personalData':true,'mask':'KEEP_FIRST_3_LAST_4'}",
            "{'key':'card','type':'IDENTIFIER'," + LABEL + ",'pattern':'[0-9]{16,19}','personalData':true,'mask':'KEEP_FIRST_6_LAST_4'}",
            "{'key':'idNo','type':'TEXT'," + LABEL + ",'personalData':true}",
            "{'key':'account','type':'TEXT'," + LABEL + ",'personalData':true,'mask':'KEEP_LAST_4'}",
            "{'key':'amount','type':'MONEY'," + LABEL + ",'personalData':true}",
            "{'key':'room','type':'TEXT'," + LABEL + "}").fields();

    private final FieldDefinition oldNote = form("{'key':'oldNote','type':'TEXT','label':{'zh-CN':'旧备注','en':'Old note'},'personalData':true}")
            .fields().get(0);

    @Test
    void personalDataIsMaskedPerStyleUnlessRevealed() {
        var stored = json("{'phone':'13812345678','card':'6222021234567891234','idNo':'110101199003070012',"
                + "'account':'12345678','amount':{'amount':'10.00','currency':'CNY'},'room':'A-101'}");
        FieldValues.Shown masked = FieldValues.show(current, stored, false, k -> Optional.empty());
        assertEquals(json("{'phone':'138****5678','card':'622202******1234','idNo':'******','account':'****5678',"
                + "'amount':'******','room':'A-101'}"), masked.fields());
        assertEquals(stored, FieldValues.show(current, stored, true, k -> Optional.empty()).fields());
    }

    @Test
    void retiredValuesAreShownApartWithTheirLastLabel() {
        var stored = json("{'room':'A-101','oldNote':'secret','gone':'x'}");
        FieldValues.Shown shown = FieldValues.show(current, stored, false,
                k -> k.equals("oldNote") ? Optional.of(oldNote) : Optional.empty());
        assertEquals(json("{'room':'A-101'}"), shown.fields());
        assertEquals(json("{'oldNote':{'value':'******','label':{'zh-CN':'旧备注','en':'Old note'},'retired':true},"
                + "'gone':{'value':'x','label':null,'retired':true}}"), shown.retired());
    }

    @Test
    void theLogMasksPersonalDataAlways() {
        assertEquals("138****5678", FieldValues.logged(current.get(0), json("{'v':'13812345678'}").get("v")));
        assertEquals("A-101", FieldValues.logged(current.get(5), json("{'v':'A-101'}").get("v")));
        assertEquals("10.00 CNY", FieldValues.logged(null, json("{'v':{'amount':'10.00','currency':'CNY'}}").get("v")));
    }
}
