package io.kefu.platform.problem;

import java.util.List;

/** The request clashes with what exists (a duplicate, a stale version). */
public class ConflictException extends KefuException {
    public ConflictException(String code, Object... args) {
        super(code, List.of(args), code + " " + List.of(args));
    }
}
