package io.kefu.platform.ticket;

/** How serious a complaint is. */
public enum Severity {
    MINOR, MAJOR, CRITICAL
}
