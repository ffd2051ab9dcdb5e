package io.kefu.platform.ticket;

import static io.kefu.platform.ticket.TicketStatus.ARCHIVED;
import static io.kefu.platform.ticket.TicketStatus.ASSIGNED;
import static io.kefu.platform.ticket.TicketStatus.CANCELLED;
import static io.kefu.platform.ticket.TicketStatus.CLOSED;
import static io.kefu.platform.ticket.TicketStatus.IN_PROGRESS;
import static io.kefu.platform.ticket.TicketStatus.NEW;
import static io.kefu.platform.ticket.TicketStatus.PENDING_CUSTOMER;
import static io.kefu.platform.ticket.TicketStatus.REOPENED;
import static io.kefu.platform.ticket.TicketStatus.RESOLVED;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.kefu.platform.problem.ConflictException;
import io.kefu.platform.problem.ForbiddenException;
import io.kefu.platform.problem.Validation;

/**
 * The ticket lifecycle as a state machine: which status may follow which, who may make the
 * move, and what must be filled in. Pure rules, no persistence; {@link #check} either passes
 * or throws the refusal the caller sees.
 *
 * <pre>
 * NEW → ASSIGNED → IN_PROGRESS ⇄ PENDING_CUSTOMER → RESOLVED → CLOSED → ARCHIVED
 *                                 RESOLVED, CLOSED → REOPENED (within the window) → ASSIGNED | IN_PROGRESS
 * any open status → CANCELLED
 * </pre>
 */
public final class Lifecycle {

    /** Default for how long after resolving or closing a customer may still reopen. */
    public static final Duration DEFAULT_REOPEN_WINDOW = Duration.ofDays(7);

    private static final Map<TicketStatus, Set<TicketStatus>> NEXT = new EnumMap<>(TicketStatus.class);

    static {
        NEXT.put(NEW, EnumSet.of(ASSIGNED, IN_PROGRESS, CANCELLED));
        NEXT.put(ASSIGNED, EnumSet.of(ASSIGNED, IN_PROGRESS, CANCELLED));
        NEXT.put(IN_PROGRESS, EnumSet.of(ASSIGNED, PENDING_CUSTOMER, RESOLVED, CANCELLED));
        NEXT.put(PENDING_CUSTOMER, EnumSet.of(IN_PROGRESS, RESOLVED, CANCELLED));
        NEXT.put(RESOLVED, EnumSet.of(CLOSED, REOPENED));
        NEXT.put(CLOSED, EnumSet.of(ARCHIVED, REOPENED));
        NEXT.put(REOPENED, EnumSet.of(ASSIGNED, IN_PROGRESS, CANCELLED));
        NEXT.put(CANCELLED, EnumSet.noneOf(TicketStatus.class));
        NEXT.put(ARCHIVED, EnumSet.noneOf(TicketStatus.class));
    }

    private Lifecycle() {
    }

    /**
     * The member of a {@link TransitionRequest} a move to {@code to} requires: {@code assignee},
     * {@code reason} or {@code resolution}; empty when none (forms ask for it up front).
     */
    public static java.util.Optional<String> requiredInput(TicketStatus to) {
        return java.util.Optional.ofNullable(switch (to) {
            case ASSIGNED -> "assignee";
            case PENDING_CUSTOMER, CANCELLED, REOPENED -> "reason";
            case RESOLVED -> "resolution";
            default -> null;
        });
    }

    /** The statuses that may follow {@code from}, whoever asks. */
    public static Set<TicketStatus> next(TicketStatus from) {
        Set<TicketStatus> next = NEXT.get(from);
        return next.isEmpty() ? EnumSet.noneOf(TicketStatus.class) : EnumSet.copyOf(next);
    }

    public static boolean isLegal(TicketStatus from, TicketStatus to) {
        return NEXT.get(from).contains(to);
    }

    /**
     * Checks a move; returns normally when it may happen.
     *
     * @throws ConflictException {@code ticket.transition.illegal} (current, wanted) when the
     *         lifecycle has no such move, {@code ticket.reopen.window-expired},
     *         {@code ticket.complaint.contact-required}, {@code ticket.complaint.root-cause-required}
     * @throws ForbiddenException {@code ticket.transition.forbidden} when this actor may not
     * @throws io.kefu.platform.problem.InvalidInputException when required input is missing
     */
    public static void check(TicketFacts t, Actor actor, TransitionRequest move, Instant now, Duration reopenWindow) {
        TicketStatus to = move.to();
        if (!isLegal(t.status(), to)) {
            throw new ConflictException("ticket.transition.illegal", t.status().name(), to.name());
        }
        if (!mayMove(t, actor, to)) {
            throw new ForbiddenException("ticket.transition.forbidden", t.status().name(), to.name());
        }
        Validation v = new Validation();
        switch (requiredInput(to).orElse("")) {
            case "assignee" -> requireText(v, "assignee", move.assignee());
            case "reason" -> requireText(v, "reason", move.reason());
            case "resolution" -> requireText(v, "resolution", move.resolution());
            default -> {
            }
        }
        v.throwIfInvalid();
        if (to == REOPENED) {
            Instant since = t.status() == RESOLVED ? t.resolvedAt() : t.closedAt();
            if (since != null && now.isAfter(since.plus(reopenWindow))) {
                throw new ConflictException("ticket.reopen.window-expired", reopenWindow.toDays());
            }
        }
        if (t.kind() == TicketKind.COMPLAINT) {
            if (to == RESOLVED && !t.rootCauseRecorded()) {
                throw new ConflictException("ticket.complaint.root-cause-required");
            }
            if (to == CLOSED && !t.customerContactRecorded()) {
                throw new ConflictException("ticket.complaint.contact-required");
            }
        }
    }

    /**
     * Who may make which move. Staff work tickets; an agent works on what is theirs or
     * unassigned. Customers confirm, reopen and answer. Kefu itself auto-closes and archives.
     * Complaints are cancelled only by supervisors: a complaint must not vanish quietly.
     */
    private static boolean mayMove(TicketFacts t, Actor actor, TicketStatus to) {
        boolean own = actor.name().equals(t.assignee()) || t.assignee() == null;
        return switch (actor.kind()) {
            case TENANT_ADMIN, SUPERVISOR -> true;
            case AGENT -> switch (to) {
                case CANCELLED -> own && t.kind() != TicketKind.COMPLAINT;
                case ARCHIVED -> false;
                default -> own;
            };
            case CUSTOMER -> to == CLOSED || to == REOPENED || (t.status() == PENDING_CUSTOMER && to == IN_PROGRESS);
            // ASSIGNED: a breached service standard's REASSIGN hands the ticket to an escalation team.
            case SYSTEM -> to == CLOSED || to == ARCHIVED || to == IN_PROGRESS || to == ASSIGNED;
        };
    }

    private static void requireText(Validation v, String field, String value) {
        if (value == null || value.isBlank()) {
            v.reject(field, "field.required");
        }
    }
}
