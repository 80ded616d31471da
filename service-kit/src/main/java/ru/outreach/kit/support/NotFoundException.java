package ru.outreach.kit.support;

import org.springframework.http.HttpStatus;

/** 404: the thing named in the path does not exist. */
public class NotFoundException extends DomainException {

    public NotFoundException(String code, Object id) {
        super(code, null, id);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }
}
