package io.kefu.platform.customer;

/**
 * A contact to add, as a client sends it. {@code documentType} only for ID numbers (default
 * CN_RESIDENT_ID). The first contact of a kind becomes primary; a later one when it says so.
 */
public record NewContact(String kind, String value, String label, Boolean primary, String documentType) {

    @Override
    public String toString() {
        return "NewContact[kind=" + kind + "]";
    }
}
