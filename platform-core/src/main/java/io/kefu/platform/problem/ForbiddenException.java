package io.kefu.platform.problem;

import java.util.List;

/** The caller is known but may not do this. */
public class ForbiddenException extends KefuException {
    public ForbiddenException(String code, Object... args) {
        super(code, List.of(args), code + " " + List.of(args));
    }
}
