package ru.outreach.reporting.projection;

import ru.outreach.kit.kafka.UnreadableRecordException;

/** A record that no retry can make readable: unknown {@code ce_type}, or a body that is not the event's JSON. */
public class UnreadableEventException extends UnreadableRecordException {

    UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
