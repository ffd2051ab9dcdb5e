package io.kefu.platform.customer;

/** Where the customer stands with the tenant over time. */
public enum CustomerStatus {
    /** Not (yet) buying: a lead, an enquirer. */
    PROSPECT,
    /** Has a running contract or recent business. */
    CURRENT,
    /** Used to be a customer. */
    FORMER
}
