package ru.outreach.kit.support;

import org.springframework.http.HttpStatus;

/**
 * A request that the domain refuses. The message is a code of {@code messages.properties} (Russian, with an English
 * locale) so the answer speaks the user's language; {@code field} names the input that was wrong, if one was.
 */
public abstract class DomainException extends RuntimeException {

    private final String code;
    private final transient Object[] args;
    private final String field;

    protected DomainException(String code, String field, Object... args) {
        super(code);
        this.code = code;
        this.field = field;
        this.args = args;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    public String field() {
        return field;
    }

    public abstract HttpStatus status();
}
