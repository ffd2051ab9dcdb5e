package io.kefu.platform.sla;

/** What happens once when a clock breaches; {@code team} only for REASSIGN (a team code). */
public record BreachAction(Kind action, String team) {

    public enum Kind {
        /** Tells the assignee and the supervisors (a notification each). */
        NOTIFY,
        /** One step more urgent (LOW to NORMAL, ..., HIGH to URGENT). */
        RAISE_PRIORITY,
        /** To the named team, whose strategy picks the assignee. */
        REASSIGN,
        /** Tags the ticket {@code escalated}. */
        MARK_ESCALATED
    }
}
