package ru.outreach.kit.kafka;

/** A record that no retry can make readable: unknown {@code ce_type}, or a body that is not the event's JSON. */
public class UnreadableRecordException extends RuntimeException {

    public UnreadableRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
