package ru.outreach.appeals.intake;

/** A record that no retry can make readable: unknown {@code ce_type}, or a body that is not the event's JSON. */
class UnreadableIntakeException extends RuntimeException {

    UnreadableIntakeException(String message, Throwable cause) {
        super(message, cause);
    }
}
