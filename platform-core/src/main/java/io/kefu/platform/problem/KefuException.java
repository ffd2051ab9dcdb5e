package io.kefu.platform.problem;

import java.util.List;

/**
 * A refusal the caller can act on. {@link #code()} is stable (clients switch on it); the message
 * shown to people comes from the message bundles under the same code, in zh-CN or en.
 */
public abstract class KefuException extends RuntimeException {

    private final String code;
    private final List<Object> args;

    protected KefuException(String code, List<Object> args, String developerMessage) {
        super(developerMessage);
        this.code = code;
        this.args = List.copyOf(args);
    }

    public String code() {
        return code;
    }

    /** Values for the placeholders of the message ({0}, {1}, ...). */
    public List<Object> args() {
        return args;
    }
}
