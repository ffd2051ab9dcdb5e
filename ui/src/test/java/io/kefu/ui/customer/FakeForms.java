package io.kefu.ui.customer;

import java.util.List;

import io.kefu.platform.form.FieldDefinition;
import io.kefu.platform.form.FieldType;
import io.kefu.platform.form.FormDefinitions;
import io.kefu.platform.form.LocalizedText;
import io.kefu.platform.form.Option;

/** A tenant whose customer form has a membership level (a choice) and a member number. */
class FakeForms extends FormDefinitions {

    @Override
    public List<FieldDefinition> customerFields() {
        return List.of(
                new FieldDefinition("level", FieldType.SINGLE_CHOICE, new LocalizedText("会员级别", "Membership level"), null, false, null, null,
                        false, null, null, null, null, null, null, null,
                        List.of(new Option("gold", new LocalizedText("金卡", "Gold")), new Option("silver", new LocalizedText("银卡", "Silver")))),
                new FieldDefinition("memberNo", FieldType.TEXT, new LocalizedText("会员号", "Member number"), null, false, null, null,
                        false, null, null, null, null, null, null, null, List.of()));
    }
}
