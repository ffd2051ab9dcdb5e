package io.kefu.platform.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kefu.platform.problem.ConflictException;

class TicketTest {

    private static final Instant T0 = Instant.parse("2026-11-25T01:00:00Z");
    private static final Actor LI = new Actor(Actor.Kind.AGENT, "li");
    private static final Actor WANG = new Actor(Actor.Kind.SUPERVISOR, "wang");
    private static final Duration WEEK = Duration.ofDays(7);

    private static Ticket ticket(TicketKind kind) {
        return Ticket.open("KF-2026-000001", new TicketDraft(kind, "宽带断网", null, Priority.HIGH, Channel.PHONE, "broadband",
                null, null, List.of("vip"), Complaint.NONE), "li", T0);
    }

    @Test
    void aNewTicketIsNewAndUnassigned() {
        Ticket t = ticket(TicketKind.FAULT);
        assertEquals(TicketStatus.NEW, t.status());
        assertNull(t.assignee());
        assertEquals(List.of("vip"), t.tags());
        assertEquals(T0, t.createdAt().toInstant());
    }

    @Test
    void pickingUpAnUnassignedTicketAssignsItToTheAgent() {
        Ticket t = ticket(TicketKind.FAULT);
        List<FieldChange> changes = t.transition(TransitionRequest.to(TicketStatus.IN_PROGRESS), LI, T0.plusSeconds(60), WEEK);
        assertEquals(List.of(new FieldChange("status", "NEW", "IN_PROGRESS"), new FieldChange("assignee", null, "li")), changes);
        assertEquals("li", t.assignee());
    }

    @Test
    void aChangeSaysWhereTheTicketWasBefore_soThatAViewOfSomeonesTicketsSeesItLeave() {
        Ticket t = ticket(TicketKind.SERVICE_REQUEST);
        t.transition(TransitionRequest.to(TicketStatus.ASSIGNED).withAssignee("li"), WANG, T0, WEEK);
        List<FieldChange> moved = t.transition(TransitionRequest.to(TicketStatus.ASSIGNED).withAssignee("wang"), WANG, T0.plusSeconds(5), WEEK);

        TicketChanged changed = TicketChanged.of(t, TicketChanged.Change.ASSIGNMENT, TicketStatus.ASSIGNED, T0, moved);
        assertEquals("li", changed.assigneeBefore());
        assertEquals("wang", changed.ticket().assignee());

        TicketChanged stayed = new TicketChanged(t, TicketChanged.Change.PUBLIC_REPLY, t.status(), T0);
        assertEquals("wang", stayed.assigneeBefore(), "a reply moves nobody");
        assertEquals(t.teamId(), stayed.teamBefore());
    }

    @Test
    void aWholeLifeFromNewToArchived() {
        Ticket t = ticket(TicketKind.SERVICE_REQUEST);
        t.transition(TransitionRequest.to(TicketStatus.ASSIGNED).withAssignee("li"), WANG, T0, WEEK);
        t.transition(TransitionRequest.to(TicketStatus.IN_PROGRESS), LI, T0.plusSeconds(10), WEEK);
        t.transition(TransitionRequest.to(TicketStatus.PENDING_CUSTOMER).withReason("等客户提供地址"), LI, T0.plusSeconds(20), WEEK);
        t.transition(TransitionRequest.to(TicketStatus.IN_PROGRESS), new Actor(Actor.Kind.CUSTOMER, "c"), T0.plusSeconds(30), WEEK);
        t.transition(TransitionRequest.to(TicketStatus.RESOLVED).withResolution("已上门安装"), LI, T0.plusSeconds(40), WEEK);
        assertNotNull(t.resolvedAt());
        assertEquals("已上门安装", t.resolution());
        t.transition(TransitionRequest.to(TicketStatus.CLOSED), Actor.system(), T0.plus(Duration.ofDays(3)), WEEK);
        t.transition(TransitionRequest.to(TicketStatus.ARCHIVED), WANG, T0.plus(Duration.ofDays(4)), WEEK);
        assertEquals(TicketStatus.ARCHIVED, t.status());
        assertThrows(ConflictException.class, () -> t.edit(new TicketEdit("changed", null, null, null, null, null, null, null), T0));
    }

    @Test
    void reopeningClearsTheResolutionAndCounts() {
        Ticket t = ticket(TicketKind.FAULT);
        t.transition(TransitionRequest.to(TicketStatus.IN_PROGRESS), LI, T0, WEEK);
        t.transition(TransitionRequest.to(TicketStatus.RESOLVED).withResolution("重启光猫"), LI, T0.plusSeconds(5), WEEK);
        t.transition(TransitionRequest.to(TicketStatus.REOPENED).withReason("又断了"), new Actor(Actor.Kind.CUSTOMER, "c"), T0.plusSeconds(50), WEEK);
        assertEquals(1, t.reopenCount());
        assertNull(t.resolvedAt());
        assertNull(t.resolution());
    }

    @Test
    void aComplaintClosesOnlyAfterACustomerContact() {
        Ticket t = Ticket.open("KF-2026-000002", new TicketDraft(TicketKind.COMPLAINT, "快递员态度差", null, Priority.HIGH, Channel.PHONE,
                null, null, null, List.of(), new Complaint(Severity.MAJOR, 1, "staff-attitude", null, null, null)), "li", T0);
        t.transition(TransitionRequest.to(TicketStatus.IN_PROGRESS), LI, T0, WEEK);
        t.transition(TransitionRequest.to(TicketStatus.RESOLVED).withResolution("道歉并培训"), LI, T0.plusSeconds(5), WEEK);
        assertEquals("ticket.complaint.contact-required", assertThrows(ConflictException.class,
                () -> t.transition(TransitionRequest.to(TicketStatus.CLOSED), WANG, T0.plusSeconds(9), WEEK)).code());
        t.recordCustomerContact(T0.plusSeconds(10));
        t.transition(TransitionRequest.to(TicketStatus.CLOSED), WANG, T0.plusSeconds(11), WEEK);
        assertEquals(TicketStatus.CLOSED, t.status());
    }

    @Test
    void editsReportOnlyWhatChanged() {
        Ticket t = ticket(TicketKind.FAULT);
        List<FieldChange> changes = t.edit(new TicketEdit("宽带断网", new TicketEdit.Value("整栋楼"), Priority.URGENT,
                new TicketEdit.Value(null), null, null, List.of("vip", "outage"), null), T0.plusSeconds(1));
        assertEquals(List.of("description", "priority", "category", "tags"), changes.stream().map(FieldChange::field).toList());
        assertNull(t.category());
        assertEquals(List.of("vip", "outage"), t.tags());
        assertTrue(t.edit(new TicketEdit("宽带断网", null, Priority.URGENT, null, null, null, null, null), T0).isEmpty());
    }

    @Test
    void theFirstPublicReplyIsTheFirstResponse() {
        Ticket t = ticket(TicketKind.INQUIRY);
        t.recordPublicReply(T0.plusSeconds(600));
        t.recordPublicReply(T0.plusSeconds(900));
        assertEquals(T0.plusSeconds(600), t.firstResponseAt().toInstant());
    }

    @Test
    void numbersArePrefixYearAndSixDigits() {
        assertEquals("KF-2026-000123", TicketNumbers.format("KF", 2026, 123));
        assertEquals("SF-2027-1234567", TicketNumbers.format("SF", 2027, 1_234_567));
    }
}
