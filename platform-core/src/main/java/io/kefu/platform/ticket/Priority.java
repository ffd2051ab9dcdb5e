package io.kefu.platform.ticket;

/** How urgent a ticket is; drives queues and, with the SLA engine, time limits. */
public enum Priority {
    URGENT, HIGH, NORMAL, LOW
}
