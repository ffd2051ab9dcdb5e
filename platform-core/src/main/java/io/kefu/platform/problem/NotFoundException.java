package io.kefu.platform.problem;

import java.util.List;

/** What was asked for does not exist, or the caller may not know that it exists. */
public class NotFoundException extends KefuException {
    public NotFoundException(String code, Object... args) {
        super(code, List.of(args), code + " " + List.of(args));
    }
}
