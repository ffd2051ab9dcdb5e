package io.kefu.platform.ticket;

/** What a timeline entry records. */
public enum EventType {
    /** A message to the customer (public). */
    REPLY,
    /** A message from the customer, relayed by a channel. */
    CUSTOMER_MESSAGE,
    /** Staff-only note. */
    NOTE,
    CREATED,
    STATUS_CHANGE,
    ASSIGNMENT,
    FIELD_CHANGE,
    /** A file was attached. */
    ATTACHMENT,
    /** A complaint's required contact with the customer. */
    CUSTOMER_CONTACT,
    /** Something Kefu did on its own (auto-close). */
    SYSTEM,
    /** What the service standards did: a clock started, was recomputed, warned or breached. */
    SLA
}
