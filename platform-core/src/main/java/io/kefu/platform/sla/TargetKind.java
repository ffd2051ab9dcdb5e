package io.kefu.platform.sla;

/** What a clock measures, with the member name of the interchange format's {@code targets}. */
public enum TargetKind {
    /** From creation to the first public reply by staff. */
    FIRST_RESPONSE("firstResponse"),
    /** From a customer's message to the next public reply by staff (a new cycle per message). */
    NEXT_RESPONSE("nextResponse"),
    /** From creation to RESOLVED; a reopened ticket continues it, the resolved time paused. */
    RESOLUTION("resolution"),
    /** From RESOLVED to the recorded customer contact (回访) or archiving. */
    FOLLOW_UP("followUp");

    private final String member;

    TargetKind(String member) {
        this.member = member;
    }

    public String member() {
        return member;
    }
}
