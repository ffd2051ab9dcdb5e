package io.kefu.platform.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.ticket.Priority;
import io.kefu.platform.ticket.TicketKind;
import io.kefu.platform.ticket.TicketQuery;
import io.kefu.platform.ticket.TicketService;
import io.kefu.platform.ticket.TicketStatus;

class QueueQueryTest {

    private static final QueueQuery.Asker ANN = new QueueQuery.Asker("ann", List.of("team-1", "team-2"));
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private static TicketService.Condition sla(String which) {
        return new TicketService.Condition("sla " + which, Map.of("slaNow", NOW));
    }

    private static QueueQuery of(Queue queue, QueueFilter filter) {
        return QueueQuery.of(queue, filter, ANN, QueueQueryTest::sla, null, 50);
    }

    private static final Set<TicketStatus> OPEN = EnumSet.of(TicketStatus.NEW, TicketStatus.ASSIGNED, TicketStatus.IN_PROGRESS,
            TicketStatus.PENDING_CUSTOMER, TicketStatus.REOPENED);

    @Test
    void mine_isMyOpenTickets() {
        QueueQuery q = of(Queue.MINE, QueueFilter.NONE);

        assertEquals("ann", q.query().assignee());
        assertFalse(q.query().unassigned());
        assertEquals(OPEN, q.query().statuses());
        assertNull(q.extra());
        assertFalse(q.empty());
    }

    @Test
    void team_isOpenTicketsOfMyTeams_andNothingWithoutATeam() {
        QueueQuery q = of(Queue.TEAM, QueueFilter.NONE);
        assertEquals("t.teamId in :queueTeams", q.extra().jpql());
        assertEquals(Map.of("queueTeams", List.of("team-1", "team-2")), q.extra().parameters());
        assertNull(q.query().assignee());

        QueueQuery lonely = QueueQuery.of(Queue.TEAM, QueueFilter.NONE, new QueueQuery.Asker("bo", List.of()), QueueQueryTest::sla, null, 50);
        assertTrue(lonely.empty());
    }

    @Test
    void unassigned_complaints_andPendingCustomer() {
        QueueQuery unassigned = of(Queue.UNASSIGNED, QueueFilter.NONE);
        assertTrue(unassigned.query().unassigned());
        assertEquals(OPEN, unassigned.query().statuses());

        QueueQuery complaints = of(Queue.COMPLAINTS, QueueFilter.NONE);
        assertEquals(TicketKind.COMPLAINT, complaints.query().kind());
        assertEquals(OPEN, complaints.query().statuses());

        QueueQuery pending = of(Queue.PENDING_CUSTOMER, QueueFilter.NONE);
        assertEquals(Set.of(TicketStatus.PENDING_CUSTOMER), pending.query().statuses());
    }

    @Test
    void atRiskAndBreached_addTheServiceStandardsCondition() {
        assertEquals("sla at-risk", of(Queue.AT_RISK, QueueFilter.NONE).extra().jpql());
        QueueQuery breached = of(Queue.BREACHED, QueueFilter.NONE);
        assertEquals("sla breached", breached.extra().jpql());
        assertEquals(Map.of("slaNow", NOW), breached.extra().parameters());
        assertEquals(OPEN, breached.query().statuses());
    }

    @Test
    void theFilterBar_narrowsTheQueue() {
        QueueFilter f = new QueueFilter(Set.of(TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED), Priority.HIGH, "li", " 快递 ");

        QueueQuery q = of(Queue.COMPLAINTS, f);

        assertEquals(Set.of(TicketStatus.IN_PROGRESS), q.query().statuses(), "the queue's statuses and the bar's, both");
        assertEquals(Priority.HIGH, q.query().priority());
        assertEquals("li", q.query().assignee());
        assertEquals("快递", q.query().text());
        assertFalse(q.empty());
    }

    @Test
    void aFilterThatContradictsTheQueue_isKnownEmpty() {
        assertTrue(of(Queue.PENDING_CUSTOMER, new QueueFilter(Set.of(TicketStatus.RESOLVED), null, null, null)).empty());
        assertTrue(of(Queue.MINE, new QueueFilter(Set.of(), null, "li", null)).empty());
        assertFalse(of(Queue.MINE, new QueueFilter(Set.of(), null, "me", null)).empty());
        assertFalse(of(Queue.MINE, new QueueFilter(Set.of(), null, "ann", null)).empty());
        assertTrue(of(Queue.UNASSIGNED, new QueueFilter(Set.of(), null, "me", null)).empty());
    }

    @Test
    void noQueue_isAllTickets_filteredByTheBarAlone() {
        QueueQuery all = of(null, QueueFilter.NONE);
        assertEquals(Set.of(), all.query().statuses());
        assertNull(all.extra());

        QueueQuery resolvedMine = of(null, new QueueFilter(Set.of(TicketStatus.RESOLVED), null, "me", null));
        assertEquals(Set.of(TicketStatus.RESOLVED), resolvedMine.query().statuses());
        assertEquals("ann", resolvedMine.query().assignee());
        assertTrue(of(null, new QueueFilter(Set.of(), null, "none", null)).query().unassigned());
    }

    @Test
    void sortAndLimit_areTheListApis() {
        QueueQuery q = QueueQuery.of(Queue.MINE, QueueFilter.NONE, ANN, QueueQueryTest::sla, "-updatedAt", 80);
        assertEquals(TicketQuery.Sort.UPDATED_DESC, q.query().sort());
        assertEquals(80, q.query().limit());
        QueueQuery byField = QueueQuery.of(Queue.MINE, QueueFilter.NONE, ANN, QueueQueryTest::sla, "-field.tracking_no", 50);
        assertEquals("tracking_no", byField.query().fieldSort().key());
        assertTrue(byField.query().fieldSort().descending());
        assertThrows(InvalidInputException.class, () -> QueueQuery.of(Queue.MINE, QueueFilter.NONE, ANN, QueueQueryTest::sla, "priority", 50));
    }
}
