package io.kefu.ui.ticket;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.theme.lumo.LumoUtility;

import io.kefu.platform.security.CallerContext;
import io.kefu.platform.tenant.TenantContext;
import io.kefu.platform.form.FieldDefinition;
import io.kefu.platform.form.FieldType;
import io.kefu.platform.form.LocalizedText;
import io.kefu.platform.ticket.TicketKind;
import io.kefu.platform.ticket.TicketStatus;
import io.kefu.ui.AbstractViewTest;
import io.kefu.ui.live.TicketFeed;
import io.kefu.ui.form.CustomFieldsForm;
import io.kefu.ui.live.TicketUpdate;
import io.kefu.ui.session.Profiles;

class TicketViewTest extends AbstractViewTest {

    private static final String N = "T-20261201-0001";

    private final FakeTicketDesk desk = new FakeTicketDesk();
    private final TicketFeed feed = TicketFeed.direct(new TenantContext(), new CallerContext());

    @BeforeEach
    void wire() {
        provide(TicketView.class, () -> new TicketView(desk, feed, currentUser, new Profiles(members, tenants)));
        logIn(SUPERVISOR);
    }

    private void open(TicketStatus status, JsonObject sla) {
        desk.put(FakeTicketDesk.ticket(N, TicketKind.FAULT, status, "Parcel damaged", 1, sla, null));
        UI.getCurrent().navigate("tickets/" + N);
    }

    private static Span span(String id) {
        return _get(Span.class, spec -> spec.withId(id));
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    private static TextArea composer() {
        return _get(TextArea.class, spec -> spec.withId("composer"));
    }

    private static JsonObject sla(String state, String risk, String remaining) {
        return SlaCountdownTest.sla("firstResponse", SlaCountdownTest.target(state, risk, "2026-12-01T09:20:00Z", remaining, null), null, null);
    }

    @Test
    void header_showsNumberSubjectStatusPriorityKind_andAnAtRiskCountdownInWarningColour() {
        open(TicketStatus.IN_PROGRESS, sla("RUNNING", "AT_RISK", "PT5M"));

        assertEquals(N + " · Parcel damaged", _get(H2.class, spec -> spec.withId("ticket-title")).getText());
        assertEquals("In progress", span("ticket-status").getText());
        assertEquals("Normal", span("ticket-priority").getText());
        assertEquals("Fault / repair", span("ticket-kind").getText());
        Span countdown = span("ticket-sla");
        assertEquals("5 min left (first response), at risk", countdown.getText());
        assertEquals("AT_RISK", countdown.getElement().getAttribute("data-state"));
        assertTrue(countdown.hasClassName(LumoUtility.TextColor.WARNING));
        assertEquals("Ticket " + N + " · 客服 Kefu", _get(TicketView.class).getPageTitle());
    }

    @Test
    void details_namePeopleByTheirDisplayNames_orTheirUsernameWhenTheyHaveNone() {
        desk.names.put("li", "李客服 Li");
        desk.put(jakarta.json.Json.createObjectBuilder(FakeTicketDesk.ticket(N, TicketKind.FAULT, TicketStatus.ASSIGNED, "Parcel damaged", 1, null, null))
                .add("assignee", "li").build());
        UI.getCurrent().navigate("tickets/" + N);
        assertEquals("Channel Phone · assignee 李客服 Li · created " + span("ticket-facts").getText().replaceAll(".* created (.*) by .*", "$1") + " by ann",
                span("ticket-facts").getText());

        desk.names.put("ann", "Ann Admin");
        desk.put(FakeTicketDesk.ticket(N, TicketKind.FAULT, TicketStatus.NEW, "Parcel damaged", 2, null, null));
        UI.getCurrent().navigate("tickets/" + N);
        assertTrue(span("ticket-facts").getText().startsWith("Channel Phone · assignee — · created "), span("ticket-facts").getText());
        assertTrue(span("ticket-facts").getText().endsWith(" by Ann Admin"), span("ticket-facts").getText());
    }

    @Test
    void countdown_breachedIsRed_pausedIsQuiet_noStandardSaysSo() {
        open(TicketStatus.IN_PROGRESS, sla("RUNNING", "BREACHED", "-PT1H30M"));
        assertEquals("Breached by 1 h 30 min (first response)", span("ticket-sla").getText());
        assertTrue(span("ticket-sla").hasClassName(LumoUtility.TextColor.ERROR));

        open(TicketStatus.PENDING_CUSTOMER, sla("PAUSED", "ON_TRACK", "PT3H"));
        assertEquals("Paused, 3 h 0 min left (first response)", span("ticket-sla").getText());
        assertEquals("PAUSED", span("ticket-sla").getElement().getAttribute("data-state"));

        open(TicketStatus.NEW, null);
        assertEquals("No service standard", span("ticket-sla").getText());
        _assertNone(Span.class, spec -> spec.withId("ticket-sla-due"));
    }

    @Test
    void inChinese_theHeaderAndCountdownAreChinese() {
        UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        open(TicketStatus.IN_PROGRESS, sla("RUNNING", "ON_TRACK", "PT2H15M"));

        assertEquals("处理中", span("ticket-status").getText());
        assertEquals("剩余 2 小时 15 分钟（首次响应）", span("ticket-sla").getText());
    }

    @Test
    void aReply_isPosted_clearsTheComposer_andShowsOnTheTimeline() {
        open(TicketStatus.IN_PROGRESS, null);

        _setValue(composer(), "We are on it.");
        _click(button("send"));

        assertEquals(List.of("reply:We are on it."), desk.comments);
        assertEquals("", composer().getValue());
        assertEquals("We are on it.", _get(Paragraph.class, spec -> spec.withClasses("kefu-event-body")).getText());
    }

    @Test
    void aSecondReply_addsOneEntry_andKeepsTheEntriesShown_untilTheLanguageChanges() {
        open(TicketStatus.IN_PROGRESS, null);
        _setValue(composer(), "First.");
        _click(button("send"));
        Paragraph first = _get(Paragraph.class, spec -> spec.withText("First."));

        _setValue(composer(), "Second.");
        _click(button("send"));

        assertEquals(List.of("First.", "Second."), _find(Paragraph.class, spec -> spec.withClasses("kefu-event-body")).stream()
                .map(Paragraph::getText).toList());
        assertSame(first, _get(Paragraph.class, spec -> spec.withText("First.")), "the first entry was built again");

        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        assertNotSame(first, _get(Paragraph.class, spec -> spec.withText("First.")), "entries keep the old language");
        assertEquals(2, _find(Paragraph.class, spec -> spec.withClasses("kefu-event-body")).size());
    }

    @Test
    void anInternalNote_isPostedAsNote_andLooksDifferentOnTheTimeline() {
        open(TicketStatus.IN_PROGRESS, null);

        _click(button("mode-note"));
        assertEquals("Internal note, staff only", composer().getLabel());
        _setValue(composer(), "Customer is a VIP");
        _click(button("send"));

        assertEquals(List.of("note:Customer is a VIP"), desk.comments);
        Div entry = _get(Div.class, spec -> spec.withClasses("kefu-event-note"));
        assertTrue(entry.hasClassName(LumoUtility.Background.WARNING_10));
        assertEquals("Internal", _get(entry, Span.class, spec -> spec.withText("Internal")).getText());
    }

    @Test
    void anEmptyReply_isRefusedOnTheComposer_andNothingIsSent() {
        open(TicketStatus.IN_PROGRESS, null);

        _setValue(composer(), "   ");
        _click(button("send"));

        assertTrue(composer().isInvalid());
        assertEquals("This field is required.", composer().getErrorMessage());
        assertEquals("   ", composer().getValue());
        assertEquals(List.of(), desk.comments);
    }

    @Test
    void whatAnyoneTyped_isShownAsText_neverAsHtml() {
        desk.event(N, "CUSTOMER_MESSAGE", "PUBLIC", "customer:c1", "<script>alert(1)</script><b>bold</b>");
        open(TicketStatus.IN_PROGRESS, null);

        Paragraph body = _get(Paragraph.class, spec -> spec.withClasses("kefu-event-body"));
        assertEquals("<script>alert(1)</script><b>bold</b>", body.getText());
        assertNull(body.getElement().getProperty("innerHTML"));
        assertEquals(0, body.getElement().getChildren().filter(c -> !c.isTextNode()).count());
    }

    @Test
    void resolving_asksForTheResolution_showsTheErrorOnItsInput_andKeepsTheDialogOpen() {
        open(TicketStatus.IN_PROGRESS, null);

        _click(button("transition-RESOLVED"));
        _click(button("transition-confirm"));

        TextArea input = _get(TextArea.class, spec -> spec.withId("transition-input"));
        assertEquals("Resolution", input.getLabel());
        assertTrue(input.isInvalid());
        assertEquals("This field is required.", input.getErrorMessage());
        assertTrue(_get(Dialog.class, spec -> spec.withId("transition-dialog")).isOpened());

        _setValue(input, "Parcel replaced");
        _click(button("transition-confirm"));

        assertEquals("Parcel replaced", desk.moves.get(desk.moves.size() - 1).resolution());
        assertEquals("Resolved", span("ticket-status").getText());
        _assertNone(Dialog.class, spec -> spec.withId("transition-dialog"));
    }

    @Test
    void startingWork_needsNoInput_andMovesAtOnce() {
        open(TicketStatus.NEW, null);

        _click(button("transition-IN_PROGRESS"));

        assertEquals(TicketStatus.IN_PROGRESS, desk.moves.get(0).to());
        assertEquals("In progress", span("ticket-status").getText());
        _assertNone(Button.class, spec -> spec.withId("transition-IN_PROGRESS"));
    }

    private static FieldDefinition field(String key, FieldType type) {
        return new FieldDefinition(key, type, new LocalizedText("联系邮箱", "Contact e-mail"), null, false, null, null, false, null,
                null, null, null, null, null, null, null);
    }

    @Test
    void anInvalidCustomField_isShownOnThatField_withThePlatformsMessage_andTheInputIsKept() {
        desk.definitions = List.of(field("contactEmail", FieldType.EMAIL));
        open(TicketStatus.IN_PROGRESS, null);

        _click(button("edit"));
        TextField email = _get(TextField.class, spec -> spec.withId("field-contactEmail"));
        _setValue(email, "not-an-address");
        _click(button("save"));

        assertTrue(email.isInvalid());
        assertEquals("'not-an-address' is not a valid e-mail address.", email.getErrorMessage());
        assertEquals("not-an-address", email.getValue());
        assertTrue(button("save").isVisible(), "still editing");
    }

    @Test
    void savingAfterSomeoneElseSaved_mergesWhatDoesNotClash_withoutAsking() {
        open(TicketStatus.IN_PROGRESS, null);
        _click(button("edit"));
        _setValue(_get(TextField.class, spec -> spec.withId("subject")), "Parcel damaged in transit");
        // Bob raises the priority meanwhile.
        desk.put(Json.createObjectBuilder(desk.tickets.get(N)).add("priority", "HIGH").add("version", 2).build());

        _click(button("save"));

        _assertNone(Dialog.class, spec -> spec.withId("merge-dialog"));
        JsonObject saved = desk.tickets.get(N);
        assertEquals("Parcel damaged in transit", saved.getString("subject"));
        assertEquals("HIGH", saved.getString("priority"));
        assertEquals(2, desk.patches.get(desk.patches.size() - 1).getInt("version"));
    }

    @Test
    void savingAfterSomeoneElseChangedTheSameField_showsYoursAndTheirs_andSavesTheChoicePerField() {
        open(TicketStatus.IN_PROGRESS, null);
        _click(button("edit"));
        _setValue(_get(TextField.class, spec -> spec.withId("subject")), "Mine");
        _setValue(_get(TextArea.class, spec -> spec.withId("description")), "My notes on it");
        desk.put(Json.createObjectBuilder(desk.tickets.get(N)).add("subject", "Theirs").add("version", 2).build());
        desk.event(N, "FIELD_CHANGE", "INTERNAL", "bob", null);

        _click(button("save"));

        Dialog merge = _get(Dialog.class, spec -> spec.withId("merge-dialog"));
        assertTrue(merge.isOpened());
        assertEquals("Mine", span("merge-mine-subject").getText());
        assertEquals("Theirs", span("merge-theirs-subject").getText());
        _assertNone(Span.class, spec -> spec.withId("merge-mine-description"));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<EditMerge.Keep> keep = _get(RadioButtonGroup.class, spec -> spec.withId("merge-keep-subject"));
        _setValue(keep, EditMerge.Keep.THEIRS);
        _click(button("merge-save"));

        JsonObject saved = desk.tickets.get(N);
        assertEquals("Theirs", saved.getString("subject"));
        assertEquals("My notes on it", saved.getString("description"));
        assertEquals(3, saved.getInt("version"));
        _assertNone(Button.class, spec -> spec.withId("save"));
    }

    @Test
    void aChangeElsewhere_reloadsTheTicket_butWhileEditing_onlyShowsABanner() {
        open(TicketStatus.IN_PROGRESS, null);
        int readsBefore = desk.reads;
        _click(button("edit"));
        _setValue(_get(TextField.class, spec -> spec.withId("subject")), "Half typed");
        desk.put(Json.createObjectBuilder(desk.tickets.get(N)).add("status", "PENDING_CUSTOMER").add("version", 2).build());

        feed.publish(new TicketUpdate(SF, N, "STATUS", "bob", Instant.now()));
        MockVaadin.clientRoundtrip();

        assertEquals(readsBefore, desk.reads);
        assertEquals("Half typed", _get(TextField.class, spec -> spec.withId("subject")).getValue());
        Div banner = _get(Div.class, spec -> spec.withId("ticket-banner"));
        assertTrue(banner.isVisible());
        assertTrue(_get(banner, Span.class, spec -> { }).getText().startsWith("bob changed this ticket while you edit it."));

        _click(button("cancel-edit"));
        feed.publish(new TicketUpdate(SF, N, "STATUS", "bob", Instant.now()));
        MockVaadin.clientRoundtrip();

        assertEquals("Waiting on customer", span("ticket-status").getText());
    }

    @Test
    void ownChangeAlreadyShown_isNotReadAgain_butOwnChangeElsewhereIs() {
        open(TicketStatus.IN_PROGRESS, null);
        int readsBefore = desk.reads;
        String me = SUPERVISOR.username();

        // The view's own reply: it read version 1 after making it, and the update says version 1.
        feed.publish(new TicketUpdate(SF, N, "PUBLIC_REPLY", me, Instant.now(), null, 1L));
        MockVaadin.clientRoundtrip();
        assertEquals(readsBefore, desk.reads);

        // The same user through the API (another tab, a script): a version this view has not read.
        desk.put(Json.createObjectBuilder(desk.tickets.get(N)).add("status", "PENDING_CUSTOMER").add("version", 2).build());
        feed.publish(new TicketUpdate(SF, N, "STATUS", me, Instant.now(), null, 2L));
        MockVaadin.clientRoundtrip();
        assertEquals(readsBefore + 1, desk.reads);
        assertEquals("Waiting on customer", span("ticket-status").getText());
        _assertNone(Div.class, spec -> spec.withId("ticket-banner"));

        // Someone else's change is always read, even when it names a version the view shows.
        feed.publish(new TicketUpdate(SF, N, "FIELDS", "bob", Instant.now(), null, 2L));
        MockVaadin.clientRoundtrip();
        assertEquals(readsBefore + 2, desk.reads);
    }

    @Test
    void openingAnotherTicketOfTheSameForm_keepsTheForm_andShowsItsValues() {
        desk.definitions = List.of(field("contactEmail", FieldType.EMAIL));
        open(TicketStatus.IN_PROGRESS, null);
        CustomFieldsForm first = _get(CustomFieldsForm.class, spec -> spec.withId("ticket-fields"));
        desk.put(FakeTicketDesk.ticket("T-2", TicketKind.FAULT, TicketStatus.NEW, "Parcel late", 1, null, null));

        UI.getCurrent().navigate("tickets/T-2");

        assertSame(first, _get(CustomFieldsForm.class, spec -> spec.withId("ticket-fields")));
        assertEquals("Parcel late", _get(TextField.class, spec -> spec.withId("subject")).getValue());
    }

    @Test
    void theUploadSpeaksTheUsersLanguage() {
        open(TicketStatus.IN_PROGRESS, null);
        Upload upload = _get(Upload.class, spec -> spec.withId("upload"));
        assertEquals("Drop a file here", upload.getI18n().getDropFiles().getOne());

        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);

        assertEquals("将文件拖放到此处", upload.getI18n().getDropFiles().getOne());
        assertEquals("文件过大。", upload.getI18n().getError().getFileIsTooBig());
        assertEquals("添加附件", ((Button) upload.getUploadButton()).getText());
    }

    @Test
    void aRunningCountdown_isReadAgainEveryMinute_andStopsTickingWhenMet() {
        open(TicketStatus.IN_PROGRESS, sla("RUNNING", "ON_TRACK", "PT20M"));
        assertEquals(60_000, UI.getCurrent().getPollInterval());
        int readsBefore = desk.reads;
        desk.put(FakeTicketDesk.ticket(N, TicketKind.FAULT, TicketStatus.IN_PROGRESS, "Parcel damaged", 1,
                sla("RUNNING", "ON_TRACK", "PT19M"), null));

        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));

        assertEquals(readsBefore + 1, desk.reads);
        assertTrue(span("ticket-sla").getText().contains("19 min"), span("ticket-sla").getText());

        desk.put(FakeTicketDesk.ticket(N, TicketKind.FAULT, TicketStatus.IN_PROGRESS, "Parcel damaged", 1,
                sla("MET", "ON_TRACK", "PT0S"), null));
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
        assertEquals(-1, UI.getCurrent().getPollInterval(), "a met target does not tick");
    }

    @Test
    void aCannedReply_isInsertedWithItsPlaceholdersFilled() {
        desk.canned.add(Json.createObjectBuilder().add("code", "ack")
                .add("title", Json.createObjectBuilder().add("zh-CN", "受理").add("en", "Acknowledge"))
                .add("body", Json.createObjectBuilder().add("zh-CN", "工单 {{ticket.number}}").add("en", "Ticket {{ticket.number}}, {{agent.name}}"))
                .build());
        open(TicketStatus.IN_PROGRESS, null);
        _setValue(composer(), "Hello.");

        @SuppressWarnings("unchecked")
        ComboBox<JsonObject> canned = _get(ComboBox.class, spec -> spec.withId("canned"));
        _setValue(canned, desk.canned.get(0));

        assertEquals("Hello.\nTicket " + N + ", 王小明", composer().getValue());
        assertNull(canned.getValue());
    }

    @Test
    void keys_rAndN_chooseTheComposersMode_eStartsEditing() {
        open(TicketStatus.IN_PROGRESS, null);
        TicketView view = _get(TicketView.class);

        view.shortcut("n");
        assertEquals("note", composer().getElement().getAttribute("data-mode"));
        view.shortcut("r");
        assertEquals("reply", composer().getElement().getAttribute("data-mode"));
        assertTrue(_get(TextField.class, spec -> spec.withId("subject")).isReadOnly());
        view.shortcut("e");
        assertFalse(_get(TextField.class, spec -> spec.withId("subject")).isReadOnly());
    }

    @Test
    void anUploadedFile_goesToThePlatform_onThisTicket() {
        open(TicketStatus.IN_PROGRESS, null);

        _get(TicketView.class).receive("note.txt", new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)));

        assertEquals(List.of("note.txt:hello"), desk.uploads);
    }

    @Test
    void anUnknownTicket_saysSo_inPlace() {
        UI.getCurrent().navigate("tickets/T-NOPE");

        assertEquals("There is no ticket T-NOPE.", _get(Div.class, spec -> spec.withId("ticket-error")).getText());
        _assertNone(Button.class, spec -> spec.withId("send"));
    }

    @Test
    void aComplaintsRootCause_isRecordedInTheEdit_andSentWithTheWholeComplaint() {
        desk.put(FakeTicketDesk.ticket(N, TicketKind.COMPLAINT, TicketStatus.IN_PROGRESS, "Rude courier", 1, null, null));
        UI.getCurrent().navigate("tickets/" + N);

        _click(button("edit"));
        _setValue(_get(TextField.class, spec -> spec.withId("complaint-root-cause")), "courier.conduct");
        _click(button("save"));

        JsonObject patch = desk.patches.get(0);
        assertEquals(Json.createObjectBuilder().add("complaint", Json.createObjectBuilder().addNull("severity")
                .addNull("escalationLevel").add("rootCause", "courier.conduct").addNull("remedy").addNull("compensation"))
                .add("version", 1).build(), patch);
    }

    @Test
    void theCustomerPanel_showsGradeAndMaskedContacts_andTheirOtherTickets_linked() {
        desk.customerList.add(new io.kefu.platform.customer.CustomerDetails("c1", io.kefu.platform.customer.CustomerType.INDIVIDUAL,
                "赵敏", false, "VIP", io.kefu.platform.customer.CustomerStatus.CURRENT, null,
                List.of(new io.kefu.platform.customer.CustomerDetails.Contact("k1", io.kefu.platform.customer.ContactKind.PHONE, null,
                        "136****6007", null, true)),
                null, null, 1, false, new io.kefu.platform.form.FieldValues.Shown(Json.createObjectBuilder().build(),
                Json.createObjectBuilder().build())));
        desk.put(Json.createObjectBuilder(FakeTicketDesk.ticket(N, TicketKind.FAULT, TicketStatus.IN_PROGRESS, "Parcel damaged", 1, null, null))
                .add("customer", "c1").build());
        desk.put(Json.createObjectBuilder(FakeTicketDesk.ticket("T-2", TicketKind.INQUIRY, TicketStatus.CLOSED, "Earlier question", 3, null, null))
                .add("customer", "c1").build());
        desk.mayReveal = true;

        UI.getCurrent().navigate("tickets/" + N);

        assertEquals("赵敏", span("customer-name").getText());
        assertEquals("VIP", span("customer-grade").getText());
        assertTrue(_get(Div.class, spec -> spec.withId("customer-contact-k1")).getElement().getTextRecursively().contains("136****6007"));
        _get(Button.class, spec -> spec.withId("customer-reveal"));
        com.vaadin.flow.router.RouterLink other = _get(com.vaadin.flow.router.RouterLink.class, spec -> spec.withId("related-T-2"));
        assertEquals("tickets/T-2", other.getHref());
        _assertNone(com.vaadin.flow.router.RouterLink.class, spec -> spec.withId("related-" + N));
    }
}
