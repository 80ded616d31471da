package ru.outreach.reporting.projection;

/** A record that no retry can make readable: unknown {@code ce_type}, or a body that is not the event's JSON. */
public class UnreadableEventException extends RuntimeException {

    UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
