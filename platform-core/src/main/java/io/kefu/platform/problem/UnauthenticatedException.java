package io.kefu.platform.problem;

import java.util.List;

/**
 * The request did not prove who makes it: credentials missing or wrong. Always the same code
 * ({@code auth.required}) whatever was wrong, so that the answer reveals no tenant or user.
 */
public class UnauthenticatedException extends KefuException {

    public static final String CODE = "auth.required";

    public UnauthenticatedException() {
        super(CODE, List.of(), CODE);
    }
}
