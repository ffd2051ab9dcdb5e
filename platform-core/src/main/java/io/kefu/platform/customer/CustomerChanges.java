package io.kefu.platform.customer;

/**
 * A partial change of a customer, as a client sends it: a null {@link Change} leaves the field
 * alone; a Change holding null clears it (grade, externalId) or is refused (name, status).
 * {@code version} is the version the client last read; it must still be current.
 */
public record CustomerChanges(Long version, Change name, Change grade, Change status, Change externalId,
                              jakarta.json.JsonObject fields) {

    /** The field was sent, with this value (possibly null). */
    public record Change(String value) {
    }

    @Override
    public String toString() {
        return "CustomerChanges[version=" + version + "]";
    }
}
