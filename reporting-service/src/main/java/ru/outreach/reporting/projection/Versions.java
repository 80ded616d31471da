package ru.outreach.reporting.projection;

import ru.outreach.events.ContractEvent;
import ru.outreach.events.appeals.AppealsEvent;
import ru.outreach.events.appeals.InstructionsEvent;
import ru.outreach.events.meetings.MeetingsEvent;

/**
 * The version sequences of the aggregates: one per group, meeting, minutes, appeal and instruction. A meeting and its
 * minutes share a fact document and a key, not a sequence: {@code meeting/ID} and {@code minutes/ID} count apart.
 * A sequence may skip a number on the topics the projection reads: the minutes' signature hands their intake on with
 * the next version on {@code meetings.intake.v1}.
 */
final class Versions {

    static final String GROUP = "group";
    static final String MEETING = "meeting";
    static final String MINUTES = "minutes";
    static final String APPEAL = "appeal";
    static final String INSTRUCTION = "instruction";

    /** The sequence an event counts in. */
    static String sequenceOf(ContractEvent event) {
        return switch (event) {
            case MeetingsEvent.MinutesEvent e -> MINUTES;
            case MeetingsEvent.MeetingEvent e -> MEETING;
            case MeetingsEvent e -> GROUP;
            case AppealsEvent e -> APPEAL;
            case InstructionsEvent e -> INSTRUCTION;
            default -> throw new UnreadableEventException("No version sequence for " + event.type(), null);
        };
    }

    /** The last version of the sequence applied to the facts; 0 when none (or no facts). */
    static long of(Facts facts, String sequence) {
        return switch (facts) {
            case null -> 0;
            case MeetingFacts f -> MINUTES.equals(sequence) ? f.minutesVersion() : f.meetingVersion();
            case GroupFacts f -> f.version();
            case AppealFacts f -> f.version();
            case InstructionFacts f -> f.version();
            default -> throw new IllegalArgumentException("Unknown facts " + facts.getClass());
        };
    }

    private Versions() {
    }
}
