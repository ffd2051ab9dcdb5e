package io.kefu.platform.customer;

/** A person, or a company or organisation. Fixed at creation: it decides what counts as personal data. */
public enum CustomerType {
    /** A private person; the name itself is personal information. */
    INDIVIDUAL,
    /** A company or organisation; its contacts may still name people. */
    ENTERPRISE
}
