package io.kefu.platform.problem;

import java.util.List;

/** Kefu could not finish an operation for a reason on its side; nothing of it was kept. */
public class OperationFailedException extends KefuException {
    public OperationFailedException(String code, Throwable cause, Object... args) {
        super(code, List.of(args), code + " " + List.of(args) + (cause == null ? "" : ": " + cause.getMessage()));
        if (cause != null) {
            initCause(cause);
        }
    }
}
