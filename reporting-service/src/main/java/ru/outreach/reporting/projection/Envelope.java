package ru.outreach.reporting.projection;

import ru.outreach.events.ContractEvent;

/**
 * An event read from a topic with its CloudEvents subject, e.g. {@code minutes/M-1}.
 *
 * @param subjectKind the part of the subject before the slash: group, meeting, minutes, appeal, instruction
 */
public record Envelope(String topic, String subjectKind, ContractEvent event) {
}
