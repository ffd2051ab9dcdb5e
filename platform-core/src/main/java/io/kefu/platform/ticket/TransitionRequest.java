package io.kefu.platform.ticket;

import java.util.Objects;

/**
 * A wish to move a ticket, with what the target status requires: a reason to wait on the
 * customer, cancel or reopen; a resolution summary to resolve; an assignee to assign.
 */
public record TransitionRequest(TicketStatus to, String reason, String resolution, String assignee) {

    public TransitionRequest {
        Objects.requireNonNull(to, "to");
    }

    public static TransitionRequest to(TicketStatus to) {
        return new TransitionRequest(to, null, null, null);
    }

    public TransitionRequest withReason(String r) {
        return new TransitionRequest(to, r, resolution, assignee);
    }

    public TransitionRequest withResolution(String r) {
        return new TransitionRequest(to, reason, r, assignee);
    }

    public TransitionRequest withAssignee(String a) {
        return new TransitionRequest(to, reason, resolution, a);
    }
}
