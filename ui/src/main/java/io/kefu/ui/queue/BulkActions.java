package io.kefu.ui.queue;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kefu.platform.json.Jsons;
import io.kefu.platform.problem.InvalidInputException;
import io.kefu.platform.problem.KefuException;
import io.kefu.platform.queue.QueueRow;
import io.kefu.platform.ticket.Priority;
import io.kefu.platform.ticket.TicketService;
import io.kefu.platform.ticket.TicketStatus;
import io.kefu.platform.ticket.TransitionRequest;

/**
 * Changes many tickets as an agent would change each: one call of {@link TicketService} per
 * ticket, each in its own transaction (so validation, audit, SLA and live updates happen as for
 * a single change), against the version the row showed (a ticket changed meanwhile is refused,
 * not overwritten). One ticket's refusal never undoes or stops the others.
 */
@ApplicationScoped
public class BulkActions {

    private static final Logger LOG = Logger.getLogger(BulkActions.class.getName());

    /** Code of a failure the platform did not name (logged on the server). */
    static final String UNEXPECTED = "queue.bulk.unexpected";

    TicketService tickets;

    protected BulkActions() {
        // for CDI's proxy
    }

    @Inject
    public BulkActions(TicketService tickets) {
        this.tickets = tickets;
    }

    /** What became of a bulk change: the tickets changed, and why each other one was not. */
    public record Outcome(int asked, List<String> changed, List<Failure> failed) implements Serializable {
    }

    /** A refused ticket: the platform's code and arguments (translated by the view). */
    public record Failure(String number, String code, List<Object> args) implements Serializable {
    }

    /** Assigns each ticket to {@code username}. */
    public Outcome assign(List<QueueRow> rows, String username) {
        return each(rows, r -> tickets.transition(r.number(), TransitionRequest.to(TicketStatus.ASSIGNED).withAssignee(username),
                r.version(), false));
    }

    /** Moves each ticket to team {@code teamId}, where it waits in the team's queue. */
    public Outcome moveToTeam(List<QueueRow> rows, String teamId) {
        return each(rows, r -> tickets.patch(r.number(), Jsons.createObjectBuilder().add("version", r.version()).add("team", teamId).build()));
    }

    public Outcome changePriority(List<QueueRow> rows, Priority priority) {
        return each(rows, r -> tickets.patch(r.number(),
                Jsons.createObjectBuilder().add("version", r.version()).add("priority", priority.name()).build()));
    }

    /** Moves each ticket to {@code move.to()} with the same reason or resolution. */
    public Outcome transition(List<QueueRow> rows, TransitionRequest move) {
        return each(rows, r -> tickets.transition(r.number(), move, r.version(), false));
    }

    private Outcome each(List<QueueRow> rows, Consumer<QueueRow> change) {
        List<String> changed = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        for (QueueRow r : rows) {
            try {
                change.accept(r);
                changed.add(r.number());
            } catch (InvalidInputException e) {
                // The first field's error says what is wrong for this ticket.
                failed.add(e.errors().isEmpty() ? new Failure(r.number(), e.code(), e.args())
                        : new Failure(r.number(), e.errors().get(0).code(), e.errors().get(0).args()));
            } catch (KefuException e) {
                failed.add(new Failure(r.number(), e.code(), e.args()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Bulk change of ticket " + r.number() + " failed", e);
                failed.add(new Failure(r.number(), UNEXPECTED, List.of()));
            }
        }
        return new Outcome(rows.size(), List.copyOf(changed), List.copyOf(failed));
    }
}
