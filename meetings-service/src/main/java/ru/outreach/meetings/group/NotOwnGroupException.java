package ru.outreach.meetings.group;

import org.springframework.http.HttpStatus;

import ru.outreach.kit.support.DomainException;

/** 403: a secretary's step on a record (or a territory) of a group that is not the actor's own. */
public class NotOwnGroupException extends DomainException {

    public NotOwnGroupException() {
        this("error.not-own-group");
    }

    public NotOwnGroupException(String code, Object... args) {
        super(code, null, args);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.FORBIDDEN;
    }
}
