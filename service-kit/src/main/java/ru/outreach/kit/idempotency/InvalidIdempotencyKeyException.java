package ru.outreach.kit.idempotency;

import org.springframework.http.HttpStatus;

import ru.outreach.kit.support.DomainException;

/** 400: the {@code Idempotency-Key} header is sent but is not one key of 1 to 255 visible ASCII characters. */
final class InvalidIdempotencyKeyException extends DomainException {

    InvalidIdempotencyKeyException() {
        super("error.idempotency-key-invalid", IdempotencyKey.HEADER, IdempotencyKey.HEADER,
                IdempotencyKey.MAX_LENGTH);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }
}
