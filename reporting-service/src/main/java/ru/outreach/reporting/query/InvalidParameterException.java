package ru.outreach.reporting.query;

import org.springframework.http.HttpStatus;

import ru.outreach.kit.support.DomainException;

/** 400: a report parameter out of its range, e.g. a half that is not 1 or 2; names the parameter. */
public class InvalidParameterException extends DomainException {

    InvalidParameterException(String parameter, Object value) {
        super("error.parameter-invalid", parameter, parameter, String.valueOf(value));
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }
}
