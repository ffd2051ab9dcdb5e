package io.kefu.db;

/** A changelog could not be applied; the schema may be partly migrated and must be reported. */
public class MigrationException extends RuntimeException {
    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
