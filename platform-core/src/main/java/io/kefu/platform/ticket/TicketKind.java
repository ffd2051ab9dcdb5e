package io.kefu.platform.ticket;

/** What the customer came for. */
public enum TicketKind {
    /** 咨询 */
    INQUIRY,
    /** 服务申请 */
    SERVICE_REQUEST,
    /** 报修 */
    FAULT,
    /** 投诉: carries severity, escalation, root cause, remedy; closes only after a recorded customer contact. */
    COMPLAINT,
    /** 建议 */
    SUGGESTION
}
