package ru.outreach.kit.support;

import org.springframework.http.HttpStatus;

/** 409: the step is not allowed in the current state (e.g. holding a cancelled meeting). */
public class StateConflictException extends DomainException {

    public StateConflictException(String code, Object... args) {
        super(code, null, args);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }
}
