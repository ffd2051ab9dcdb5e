package io.kefu.platform.security;

import io.kefu.platform.identity.Caller;
import io.kefu.platform.problem.FieldError;

/** What came of a login attempt from the UI. */
public sealed interface LoginOutcome {

    record Success(Caller caller) implements LoginOutcome {
    }

    /** Refused; {@code error} names the field to show it next to. */
    record Refused(FieldError error) implements LoginOutcome {
    }
}
