package io.kefu.platform.ticket;

/**
 * Where a ticket is in the service loop (受理 → 分配 → 处理 → 交付 → 验收 → 回访 → 归档).
 * The legal moves between them are {@link Lifecycle}'s.
 */
public enum TicketStatus {
    /** Recorded, nobody responsible yet. */
    NEW,
    /** Someone is responsible; work has not started. */
    ASSIGNED,
    IN_PROGRESS,
    /** Waiting on the customer; the SLA clock pauses. */
    PENDING_CUSTOMER,
    /** Solved from our side; waiting for the customer to confirm (auto-close after N days). */
    RESOLVED,
    /** The customer confirmed, or the confirmation window ran out. */
    CLOSED,
    /** Resolved or closed, then found not solved. */
    REOPENED,
    CANCELLED,
    /** Follow-up and survey done; read-only. */
    ARCHIVED;

    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED && this != CANCELLED && this != ARCHIVED;
    }

    public boolean isTerminal() {
        return this == CANCELLED || this == ARCHIVED;
    }
}
