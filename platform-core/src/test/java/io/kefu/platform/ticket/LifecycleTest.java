package io.kefu.platform.ticket;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.kefu.platform.problem.ConflictException;
import io.kefu.platform.problem.FieldError;
import io.kefu.platform.problem.ForbiddenException;
import io.kefu.platform.problem.InvalidInputException;

class LifecycleTest {

    /** The lifecycle written out independently of Lifecycle's table: every legal move. */
    private static final Set<String> LEGAL = Set.of(
            "NEW>ASSIGNED", "NEW>IN_PROGRESS", "NEW>CANCELLED",
            "ASSIGNED>ASSIGNED", "ASSIGNED>IN_PROGRESS", "ASSIGNED>CANCELLED",
            "IN_PROGRESS>ASSIGNED", "IN_PROGRESS>PENDING_CUSTOMER", "IN_PROGRESS>RESOLVED", "IN_PROGRESS>CANCELLED",
            "PENDING_CUSTOMER>IN_PROGRESS", "PENDING_CUSTOMER>RESOLVED", "PENDING_CUSTOMER>CANCELLED",
            "RESOLVED>CLOSED", "RESOLVED>REOPENED",
            "CLOSED>ARCHIVED", "CLOSED>REOPENED",
            "REOPENED>ASSIGNED", "REOPENED>IN_PROGRESS", "REOPENED>CANCELLED");

    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static final Actor SUPERVISOR = new Actor(Actor.Kind.SUPERVISOR, "wang");
    private static final Actor AGENT_LI = new Actor(Actor.Kind.AGENT, "li");
    private static final Actor AGENT_ZHAO = new Actor(Actor.Kind.AGENT, "zhao");
    private static final Actor CUSTOMER = new Actor(Actor.Kind.CUSTOMER, "c-1001");

    private static TicketFacts ticket(TicketStatus status, TicketKind kind, String assignee) {
        return new TicketFacts(status, kind, assignee, NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofHours(1)), true, true);
    }

    /** A request carrying everything any target could need. */
    private static TransitionRequest complete(TicketStatus to) {
        return TransitionRequest.to(to).withReason("because").withResolution("fixed").withAssignee("li");
    }

    @Test
    void everyPairOfStatusesIsLegalExactlyWhenTheLifecycleSaysSo() {
        Set<String> seenLegal = new TreeSet<>();
        for (TicketStatus from : TicketStatus.values()) {
            for (TicketStatus to : TicketStatus.values()) {
                String pair = from + ">" + to;
                TicketFacts t = ticket(from, TicketKind.SERVICE_REQUEST, "li");
                if (LEGAL.contains(pair)) {
                    assertDoesNotThrow(() -> Lifecycle.check(t, SUPERVISOR, complete(to), NOW, Lifecycle.DEFAULT_REOPEN_WINDOW), pair);
                    seenLegal.add(pair);
                } else {
                    ConflictException e = assertThrows(ConflictException.class,
                            () -> Lifecycle.check(t, SUPERVISOR, complete(to), NOW, Lifecycle.DEFAULT_REOPEN_WINDOW), pair);
                    assertEquals("ticket.transition.illegal", e.code());
                    assertEquals(List.of(from.name(), to.name()), e.args(), "the refusal names current and wanted status");
                }
                assertEquals(LEGAL.contains(pair), Lifecycle.isLegal(from, to), pair);
            }
        }
        assertEquals(new TreeSet<>(LEGAL), seenLegal);
    }

    @Test
    void terminalStatusesHaveNoWayOut() {
        assertEquals(Set.of(), Lifecycle.next(TicketStatus.CANCELLED));
        assertEquals(Set.of(), Lifecycle.next(TicketStatus.ARCHIVED));
        assertEquals(Set.of(TicketStatus.CLOSED, TicketStatus.REOPENED), Lifecycle.next(TicketStatus.RESOLVED));
    }

    @Test
    void requiredInputIsNamedByField() {
        TicketFacts working = ticket(TicketStatus.IN_PROGRESS, TicketKind.FAULT, "li");
        assertEquals("resolution", missingField(working, TransitionRequest.to(TicketStatus.RESOLVED)));
        assertEquals("reason", missingField(working, TransitionRequest.to(TicketStatus.PENDING_CUSTOMER)));
        assertEquals("reason", missingField(working, TransitionRequest.to(TicketStatus.CANCELLED).withReason("  ")));
        assertEquals("assignee", missingField(ticket(TicketStatus.NEW, TicketKind.FAULT, null), TransitionRequest.to(TicketStatus.ASSIGNED)));
        assertEquals("reason", missingField(ticket(TicketStatus.RESOLVED, TicketKind.FAULT, "li"), TransitionRequest.to(TicketStatus.REOPENED)));
    }

    @Test
    void agentsWorkTheirOwnOrUnassignedTicketsOnly() {
        TicketFacts lis = ticket(TicketStatus.ASSIGNED, TicketKind.FAULT, "li");
        assertDoesNotThrow(() -> check(lis, AGENT_LI, complete(TicketStatus.IN_PROGRESS)));
        assertEquals("ticket.transition.forbidden",
                assertThrows(ForbiddenException.class, () -> check(lis, AGENT_ZHAO, complete(TicketStatus.IN_PROGRESS))).code());
        assertDoesNotThrow(() -> check(ticket(TicketStatus.NEW, TicketKind.FAULT, null), AGENT_ZHAO, complete(TicketStatus.IN_PROGRESS)));
        assertThrows(ForbiddenException.class, () -> check(ticket(TicketStatus.CLOSED, TicketKind.FAULT, "li"), AGENT_LI, complete(TicketStatus.ARCHIVED)));
    }

    @Test
    void onlySupervisorsCancelComplaints() {
        TicketFacts complaint = ticket(TicketStatus.IN_PROGRESS, TicketKind.COMPLAINT, "li");
        assertThrows(ForbiddenException.class, () -> check(complaint, AGENT_LI, complete(TicketStatus.CANCELLED)));
        assertDoesNotThrow(() -> check(complaint, SUPERVISOR, complete(TicketStatus.CANCELLED)));
        assertDoesNotThrow(() -> check(ticket(TicketStatus.IN_PROGRESS, TicketKind.INQUIRY, "li"), AGENT_LI, complete(TicketStatus.CANCELLED)));
    }

    @Test
    void customersConfirmReopenAndAnswerButDoNotWorkTickets() {
        assertDoesNotThrow(() -> check(ticket(TicketStatus.RESOLVED, TicketKind.FAULT, "li"), CUSTOMER, complete(TicketStatus.CLOSED)));
        assertDoesNotThrow(() -> check(ticket(TicketStatus.RESOLVED, TicketKind.FAULT, "li"), CUSTOMER, complete(TicketStatus.REOPENED)));
        assertDoesNotThrow(() -> check(ticket(TicketStatus.PENDING_CUSTOMER, TicketKind.FAULT, "li"), CUSTOMER, complete(TicketStatus.IN_PROGRESS)));
        assertThrows(ForbiddenException.class, () -> check(ticket(TicketStatus.IN_PROGRESS, TicketKind.FAULT, "li"), CUSTOMER, complete(TicketStatus.RESOLVED)));
        assertThrows(ForbiddenException.class, () -> check(ticket(TicketStatus.NEW, TicketKind.FAULT, null), CUSTOMER, complete(TicketStatus.CANCELLED)));
    }

    @Test
    void theSystemAutoClosesAndArchivesOnly() {
        assertDoesNotThrow(() -> check(ticket(TicketStatus.RESOLVED, TicketKind.FAULT, "li"), Actor.system(), complete(TicketStatus.CLOSED)));
        assertDoesNotThrow(() -> check(ticket(TicketStatus.CLOSED, TicketKind.FAULT, "li"), Actor.system(), complete(TicketStatus.ARCHIVED)));
        assertThrows(ForbiddenException.class, () -> check(ticket(TicketStatus.IN_PROGRESS, TicketKind.FAULT, "li"), Actor.system(), complete(TicketStatus.RESOLVED)));
        assertDoesNotThrow(() -> check(ticket(TicketStatus.IN_PROGRESS, TicketKind.FAULT, "li"), Actor.system(), complete(TicketStatus.ASSIGNED)),
                "a breached service standard reassigns");
    }

    @Test
    void reopeningIsLimitedToTheWindow() {
        TicketFacts longClosed = new TicketFacts(TicketStatus.CLOSED, TicketKind.FAULT, "li", NOW.minus(Duration.ofDays(20)),
                NOW.minus(Duration.ofDays(8)), true, true);
        ConflictException e = assertThrows(ConflictException.class, () -> check(longClosed, CUSTOMER, complete(TicketStatus.REOPENED)));
        assertEquals("ticket.reopen.window-expired", e.code());
        assertEquals(List.of(7L), e.args());
        assertDoesNotThrow(() -> Lifecycle.check(longClosed, CUSTOMER, complete(TicketStatus.REOPENED), NOW, Duration.ofDays(10)));
    }

    @Test
    void complaintsNeedARootCauseToResolveAndACustomerContactToClose() {
        TicketFacts noCause = new TicketFacts(TicketStatus.IN_PROGRESS, TicketKind.COMPLAINT, "li", null, null, false, false);
        assertEquals("ticket.complaint.root-cause-required",
                assertThrows(ConflictException.class, () -> check(noCause, AGENT_LI, complete(TicketStatus.RESOLVED))).code());
        TicketFacts noContact = new TicketFacts(TicketStatus.RESOLVED, TicketKind.COMPLAINT, "li", NOW, null, false, true);
        assertEquals("ticket.complaint.contact-required",
                assertThrows(ConflictException.class, () -> check(noContact, SUPERVISOR, complete(TicketStatus.CLOSED))).code());
        // Other kinds close without a recorded contact.
        TicketFacts inquiry = new TicketFacts(TicketStatus.RESOLVED, TicketKind.INQUIRY, "li", NOW, null, false, false);
        assertDoesNotThrow(() -> check(inquiry, CUSTOMER, complete(TicketStatus.CLOSED)));
    }

    private static void check(TicketFacts t, Actor a, TransitionRequest r) {
        Lifecycle.check(t, a, r, NOW, Lifecycle.DEFAULT_REOPEN_WINDOW);
    }

    private static String missingField(TicketFacts t, TransitionRequest r) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> check(t, SUPERVISOR, r));
        List<FieldError> errors = e.errors();
        assertEquals(1, errors.size());
        assertEquals("field.required", errors.get(0).code());
        return errors.get(0).field();
    }
}
