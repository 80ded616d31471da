package ru.outreach.kit.support;

import org.springframework.http.HttpStatus;

/** 422: well-formed input that breaks a rule of the domain (e.g. a meeting held in the future). */
public class RuleViolationException extends DomainException {

    public RuleViolationException(String field, String code, Object... args) {
        super(code, field, args);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.UNPROCESSABLE_CONTENT;
    }
}
