package io.kefu.ui.team;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.kefu.platform.problem.ConflictException;
import io.kefu.platform.problem.KefuException;
import io.kefu.platform.problem.NotFoundException;
import io.kefu.platform.ticket.Ticket;
import io.kefu.platform.ticket.TicketFixture;
import io.kefu.platform.ticket.TicketQuery;
import io.kefu.platform.ticket.TicketService;
import io.kefu.platform.ticket.TicketStatus;
import io.kefu.platform.ticket.TransitionRequest;

/**
 * One tenant's tickets in memory, answering list (by customer, newest first, keyset pages), get
 * and assignment as {@link TicketService} does; records what views asked.
 */
public class FakeTickets extends TicketService {

    public final List<Ticket> stored = new ArrayList<>();
    public final List<TicketQuery> queries = new ArrayList<>();
    public final List<String> assignments = new ArrayList<>();
    /** When set, the next transition is refused with it. */
    public KefuException refuseNext;

    @Override
    public Page list(TicketQuery q) {
        queries.add(q);
        Comparator<Ticket> newestFirst = Comparator.comparing(Ticket::createdAt).thenComparing(Ticket::id).reversed();
        List<Ticket> matching = stored.stream()
                .filter(t -> q.customer() == null || q.customer().equals(t.customerId()))
                .sorted(newestFirst)
                .filter(t -> q.after() == null || t.createdAt().toInstant().isBefore(q.after().at()))
                .toList();
        boolean more = matching.size() > q.limit();
        List<Ticket> page = more ? matching.subList(0, q.limit()) : matching;
        Ticket last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new Page(page, more ? new TicketQuery.Cursor(last.createdAt().toInstant(), last.id()).encode() : null);
    }

    @Override
    public Ticket get(String number) {
        return stored.stream().filter(t -> t.number().equals(number)).findFirst()
                .orElseThrow(() -> new NotFoundException("ticket.not-found", number));
    }

    @Override
    public Ticket transition(String number, TransitionRequest move, Long expectedVersion, boolean byCustomer) {
        if (refuseNext != null) {
            KefuException e = refuseNext;
            refuseNext = null;
            throw e;
        }
        Ticket t = get(number);
        if (expectedVersion != null && expectedVersion != t.version()) {
            throw new ConflictException("ticket.version.conflict", number, expectedVersion, t.version());
        }
        if (move.to() != TicketStatus.ASSIGNED) {
            // The board only ever reassigns: any other move from it is a bug the test must report.
            throw new AssertionError("the team board asked for a move to " + move.to() + "; it only assigns");
        }
        assignments.add(number + "->" + move.assignee() + "@" + expectedVersion);
        return TicketFixture.assigned(t, move.assignee());
    }
}
