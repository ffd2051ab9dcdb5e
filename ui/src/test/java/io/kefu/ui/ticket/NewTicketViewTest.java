package io.kefu.ui.ticket;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.json.Json;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import io.kefu.platform.security.CallerContext;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.ui.live.TicketFeed;
import io.kefu.platform.form.FieldDefinition;
import io.kefu.platform.form.FieldType;
import io.kefu.platform.form.LocalizedText;
import io.kefu.platform.ticket.TicketKind;
import io.kefu.ui.AbstractViewTest;
import io.kefu.ui.session.Profiles;

class NewTicketViewTest extends AbstractViewTest {

    private final FakeTicketDesk desk = new FakeTicketDesk();

    @BeforeEach
    void wire() {
        provide(NewTicketView.class, () -> new NewTicketView(desk));
        provide(TicketView.class, () -> new TicketView(desk, TicketFeed.direct(new TenantContext(), new CallerContext()), currentUser, new Profiles(members, tenants)));
        desk.definitions = List.of(new FieldDefinition("waybill", FieldType.IDENTIFIER, new LocalizedText("运单号", "Waybill"), null,
                true, "SF[0-9]{10}", "SF1234567890", false, null, null, null, null, null, null, null, null));
        desk.categoryList.add(Json.createObjectBuilder().add("code", "express.tracking")
                .add("kinds", Json.createArrayBuilder().add("INQUIRY"))
                .add("name", Json.createObjectBuilder().add("zh-CN", "查件").add("en", "Tracking")).build());
        desk.categoryList.add(Json.createObjectBuilder().add("code", "express.claims")
                .add("kinds", Json.createArrayBuilder().add("COMPLAINT"))
                .add("name", Json.createObjectBuilder().add("zh-CN", "理赔").add("en", "Claims")).build());
        logIn(SUPERVISOR);
        UI.getCurrent().navigate("tickets/new");
    }

    private static TextField text(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    @Test
    void errors_landOnTheirFields_andNothingTypedIsLost() {
        _setValue(text("field-waybill"), "12345");
        _click(_get(Button.class, spec -> spec.withId("create")));

        assertTrue(text("new-subject").isInvalid());
        assertEquals("This field is required.", text("new-subject").getErrorMessage());
        assertEquals("Does not have the expected form, for example SF1234567890.", text("field-waybill").getErrorMessage());
        assertEquals("12345", text("field-waybill").getValue());
        assertEquals(List.of(), desk.tickets.keySet().stream().toList());
    }

    @Test
    void categories_followTheKind_andTypedFieldsSurviveTheChange() {
        @SuppressWarnings("unchecked")
        ComboBox<String> category = _get(ComboBox.class, spec -> spec.withId("new-category"));
        assertEquals("Tracking", category.getItemLabelGenerator().apply("express.tracking"));
        _setValue(text("field-waybill"), "SF1234567890");

        @SuppressWarnings("unchecked")
        Select<TicketKind> kind = _get(Select.class, spec -> spec.withId("new-kind"));
        _setValue(kind, TicketKind.COMPLAINT);

        assertEquals(List.of("express.claims"), category.getListDataView().getItems().toList());
        assertEquals("SF1234567890", text("field-waybill").getValue());
    }

    @Test
    void aValidTicket_isCreatedThroughTheApiShape_andOpens() {
        _setValue(text("new-subject"), "Where is my parcel?");
        _setValue(text("field-waybill"), "SF1234567890");
        @SuppressWarnings("unchecked")
        ComboBox<String> category = _get(ComboBox.class, spec -> spec.withId("new-category"));
        _setValue(category, "express.tracking");

        _click(_get(Button.class, spec -> spec.withId("create")));

        assertEquals(Json.createObjectBuilder().add("kind", "INQUIRY").add("subject", "Where is my parcel?")
                .add("category", "express.tracking").add("priority", "NORMAL").add("channel", "PHONE")
                .add("fields", Json.createObjectBuilder().add("waybill", "SF1234567890")).build(), desk.created.get(0));
        assertEquals("tickets/T-NEW-1", UI.getCurrent().getInternals().getActiveViewLocation().getPath());
        _get(TicketView.class);
    }
}
