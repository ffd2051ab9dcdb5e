package io.kefu.platform.queue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.kefu.platform.ticket.TicketKind;
import io.kefu.platform.ticket.TicketQuery;
import io.kefu.platform.ticket.TicketService;
import io.kefu.platform.ticket.TicketStatus;

/**
 * A queue and its filter bar as one ticket list query: the query the REST list would run for
 * the same parameters, plus the condition the list parameters cannot say (my teams, the
 * service-standard risk). {@code empty} when the filter contradicts the queue (e.g. status
 * RESOLVED in "pending customer"): the answer is known to be nothing without asking.
 */
public record QueueQuery(TicketQuery query, TicketService.Condition extra, boolean empty) {

    /** Where work is still to be done. */
    static final Set<TicketStatus> OPEN = EnumSet.of(TicketStatus.NEW, TicketStatus.ASSIGNED, TicketStatus.IN_PROGRESS,
            TicketStatus.PENDING_CUSTOMER, TicketStatus.REOPENED);

    /** Who asks and what the database needs to say about them. */
    public record Asker(String username, List<String> teamIds) {
        public Asker {
            teamIds = List.copyOf(teamIds);
        }
    }

    /**
     * Maps a queue (null: all tickets, as for a saved filter) and a filter to a query.
     *
     * @param sla   the service standards' condition for {@code at-risk} or {@code breached}
     * @param sort  the list API's sort parameter (null: newest first)
     */
    public static QueueQuery of(Queue queue, QueueFilter filter, Asker asker, Function<String, TicketService.Condition> sla,
                                String sort, int limit) {
        QueueFilter f = filter == null ? QueueFilter.NONE : filter;
        Set<TicketStatus> statuses = queue == null ? EnumSet.allOf(TicketStatus.class)
                : queue == Queue.PENDING_CUSTOMER ? EnumSet.of(TicketStatus.PENDING_CUSTOMER) : EnumSet.copyOf(OPEN);
        boolean empty = false;
        if (!f.statuses().isEmpty()) {
            statuses.retainAll(f.statuses());
            empty = statuses.isEmpty();
        }
        String assignee = f.assignee();
        if (queue == Queue.MINE) {
            empty |= assignee != null && !assignee.equals("me") && !assignee.equals(asker.username());
            assignee = "me";
        } else if (queue == Queue.UNASSIGNED) {
            empty |= assignee != null && !assignee.equals("none");
            assignee = "none";
        }
        TicketService.Condition extra = null;
        if (queue == Queue.TEAM) {
            empty |= asker.teamIds().isEmpty();
            extra = new TicketService.Condition("t.teamId in :queueTeams", Map.of("queueTeams", asker.teamIds()));
        } else if (queue == Queue.AT_RISK) {
            extra = sla.apply("at-risk");
        } else if (queue == Queue.BREACHED) {
            extra = sla.apply("breached");
        }
        // All statuses is no status filter at all: the query stays as the REST list would have it.
        List<String> status = statuses.size() == TicketStatus.values().length ? List.of()
                : new ArrayList<>(statuses.stream().map(Enum::name).toList());
        TicketQuery q = TicketQuery.parse(status, queue == Queue.COMPLAINTS ? TicketKind.COMPLAINT.name() : null,
                f.priority() == null ? null : f.priority().name(), assignee, null, null, null, null, f.text(), null,
                sort, null, limit, asker.username(), Map.of());
        return new QueueQuery(q, extra, empty);
    }
}
