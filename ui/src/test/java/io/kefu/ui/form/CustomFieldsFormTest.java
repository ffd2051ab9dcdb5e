package io.kefu.ui.form;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import io.kefu.platform.form.Condition;
import io.kefu.platform.form.FieldDefinition;
import io.kefu.platform.form.FieldType;
import io.kefu.platform.form.FormValidator;
import io.kefu.platform.form.LocalizedText;
import io.kefu.platform.form.Mask;
import io.kefu.platform.form.Option;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.ticket.TicketStatus;
import io.kefu.ui.AbstractViewTest;

class CustomFieldsFormTest extends AbstractViewTest {

    private static FieldDefinition def(String key, FieldType type, String zh, String en) {
        return def(key, type, zh, en, false, null, null, null, List.of());
    }

    private static FieldDefinition def(String key, FieldType type, String zh, String en, boolean personal, Mask mask,
                                       TicketStatus readOnlyFrom, Condition visibleWhen, List<Option> options) {
        return new FieldDefinition(key, type, new LocalizedText(zh, en), new LocalizedText("帮助", "Help for " + en), false, null,
                null, personal, mask, readOnlyFrom, visibleWhen, null, null, null, type == FieldType.MONEY ? "CNY" : null, options);
    }

    private static final List<Option> REASONS = List.of(new Option("lost", new LocalizedText("丢失", "Lost")),
            new Option("damaged", new LocalizedText("破损", "Damaged")));

    private static final List<FieldDefinition> ALL = List.of(
            def("waybill", FieldType.IDENTIFIER, "运单号", "Waybill"),
            def("story", FieldType.LONG_TEXT, "经过", "What happened"),
            def("weight", FieldType.NUMBER, "重量", "Weight"),
            def("declared", FieldType.MONEY, "保价", "Declared value"),
            def("sentOn", FieldType.DATE, "寄件日期", "Sent on"),
            def("callAt", FieldType.DATE_TIME, "回电时间", "Call back at"),
            def("reason", FieldType.SINGLE_CHOICE, "原因", "Reason", false, null, null, null, REASONS),
            def("damage", FieldType.MULTI_CHOICE, "破损部位", "Damage", false, null, null,
                    new Condition("reason", List.of("damaged")), REASONS),
            def("insured", FieldType.BOOLEAN, "已保价", "Insured"),
            def("phone", FieldType.PHONE, "电话", "Phone", true, Mask.KEEP_FIRST_3_LAST_4, null, null, List.of()),
            def("email", FieldType.EMAIL, "邮箱", "E-mail", false, null, TicketStatus.RESOLVED, null, List.of()));

    private CustomFieldsForm form(List<FieldDefinition> defs) {
        CustomFieldsForm form = new CustomFieldsForm(defs);
        UI.getCurrent().add(form);
        return form;
    }

    private static <T extends Component> T field(Class<T> type, String key) {
        return _get(type, spec -> spec.withId("field-" + key));
    }

    @Test
    void eachTypeGetsItsInput_labelledInTheUisLanguage() {
        form(ALL);

        assertEquals("Waybill", field(TextField.class, "waybill").getLabel());
        assertEquals("Help for Waybill", field(TextField.class, "waybill").getHelperText());
        assertInstanceOf(TextArea.class, field(TextArea.class, "story"));
        assertInstanceOf(BigDecimalField.class, field(BigDecimalField.class, "weight"));
        assertInstanceOf(BigDecimalField.class, field(BigDecimalField.class, "declared"));
        assertInstanceOf(DatePicker.class, field(DatePicker.class, "sentOn"));
        assertInstanceOf(DateTimePicker.class, field(DateTimePicker.class, "callAt"));
        assertEquals("Lost", field(ComboBox.class, "reason").getItemLabelGenerator().apply("lost"));
        assertInstanceOf(Checkbox.class, field(Checkbox.class, "insured"));
        assertInstanceOf(TextField.class, field(TextField.class, "phone"));
        assertInstanceOf(TextField.class, field(TextField.class, "email"));
    }

    @Test
    void typedValues_comeOutAsThePlatformStoresThem_andPassItsValidator() {
        CustomFieldsForm form = form(ALL);
        form.show(null, null);

        _setValue(field(TextField.class, "waybill"), "SF1234567890");
        _setValue(field(BigDecimalField.class, "weight"), new BigDecimal("2.5"));
        _setValue(field(BigDecimalField.class, "declared"), new BigDecimal("300"));
        _setValue(field(DatePicker.class, "sentOn"), LocalDate.of(2026, 11, 30));
        _setValue(field(DateTimePicker.class, "callAt"), LocalDateTime.of(2026, 12, 1, 15, 30));
        @SuppressWarnings("unchecked")
        ComboBox<String> reason = field(ComboBox.class, "reason");
        _setValue(reason, "damaged");
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<String> damage = field(MultiSelectComboBox.class, "damage");
        _setValue(damage, Set.of("lost", "damaged"));
        _setValue(field(Checkbox.class, "insured"), true);

        JsonObject values = form.values();

        assertEquals(Json.createObjectBuilder().add("waybill", "SF1234567890").add("weight", new BigDecimal("2.5"))
                .add("declared", Json.createObjectBuilder().add("amount", "300").add("currency", "CNY"))
                .add("sentOn", "2026-11-30").add("callAt", "2026-12-01T07:30:00Z").add("reason", "damaged")
                .add("damage", Json.createArrayBuilder().add("lost").add("damaged")).add("insured", true).build(), values);
        assertTrue(FormValidator.validate(ALL, TicketStatus.NEW, null, values, FormValidator.Mode.CREATE).valid());
    }

    @Test
    void aFieldShownOnlyWhenAnotherHasAValue_followsWhatIsTyped() {
        form(ALL).show(null, null);
        _assertNone(MultiSelectComboBox.class, spec -> spec.withId("field-damage"));

        @SuppressWarnings("unchecked")
        ComboBox<String> reason = field(ComboBox.class, "reason");
        _setValue(reason, "damaged");
        assertTrue(field(MultiSelectComboBox.class, "damage").isVisible());
    }

    @Test
    void changes_areOnlyWhatTheUserChanged_aClearedValueIsNull_anUntouchedMaskIsNotSent() {
        CustomFieldsForm form = form(ALL);
        form.show(Json.createObjectBuilder().add("waybill", "SF1").add("weight", 3).add("phone", "138****5678").build(),
                TicketStatus.IN_PROGRESS);

        _setValue(field(TextField.class, "waybill"), "SF2");
        _setValue(field(BigDecimalField.class, "weight"), null);

        assertEquals(Json.createObjectBuilder().add("waybill", "SF2").addNull("weight").build(), form.changes());
        assertEquals("138****5678", field(TextField.class, "phone").getValue());
    }

    @Test
    void theValidatorsErrors_landOnTheirFields_translated_andOthersComeBack() {
        CustomFieldsForm form = form(ALL);
        form.show(null, null);

        List<FieldError> rest = form.showErrors(List.of(FieldError.of("fields.email", "field.email", "x@"),
                FieldError.of("fields.declared.amount", "field.money.amount"), FieldError.of("subject", "field.required")));

        assertEquals("'x@' is not a valid e-mail address.", field(TextField.class, "email").getErrorMessage());
        assertTrue(field(TextField.class, "email").isInvalid());
        assertEquals("An amount with at most two decimals, for example 12.50.", field(BigDecimalField.class, "declared").getErrorMessage());
        assertEquals(List.of(FieldError.of("subject", "field.required")), rest);
    }

    @Test
    void aFieldReadOnlyFromAStatus_cannotChangeOnceTheRecordIsThere() {
        CustomFieldsForm form = form(ALL);
        form.show(null, TicketStatus.IN_PROGRESS);
        assertFalse(field(TextField.class, "email").isReadOnly());

        form.show(null, TicketStatus.RESOLVED);
        assertTrue(field(TextField.class, "email").isReadOnly());
        assertFalse(field(TextField.class, "waybill").isReadOnly());
    }

    @Test
    void revealing_isOfferedOnlyWithAnActionAndPersonalData_andRunsIt() {
        CustomFieldsForm form = form(ALL);
        int[] asked = {0};
        form.setRevealAction(() -> asked[0]++);

        Button reveal = _get(Button.class, spec -> spec.withId("reveal-fields"));
        reveal.click();
        assertEquals(1, asked[0]);

        CustomFieldsForm plain = new CustomFieldsForm(List.of(def("waybill", FieldType.IDENTIFIER, "运单号", "Waybill")));
        plain.setRevealAction(() -> asked[0]++);
        assertFalse(plain.getContent().getChildren().filter(Button.class::isInstance).findFirst().orElseThrow().isVisible());
    }

    @Test
    void inChinese_labelsAndOptionsAreChinese() {
        UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        form(ALL);

        assertEquals("运单号", field(TextField.class, "waybill").getLabel());
        assertEquals("丢失", field(ComboBox.class, "reason").getItemLabelGenerator().apply("lost"));
    }
}
