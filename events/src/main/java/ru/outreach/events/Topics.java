package ru.outreach.events;

import java.util.List;

import ru.outreach.events.appeals.AppealsEvent;
import ru.outreach.events.appeals.InstructionsEvent;
import ru.outreach.events.meetings.MeetingIntakeEvent;
import ru.outreach.events.meetings.MeetingsEvent;

/** The catalog of the contract's topics. */
public final class Topics {

    /** Facts of information groups and meetings, without personal data. Key: meeting id (group id for groups). */
    public static final Topic<MeetingsEvent> MEETINGS =
            new Topic<>("meetings.v1", "meeting id, or group id for group events", MeetingsEvent.class);

    /** What signed minutes hand on to the appeals service, with citizens' personal data. Key: meeting id. */
    public static final Topic<MeetingIntakeEvent> MEETINGS_INTAKE =
            new Topic<>("meetings.intake.v1", "meeting id", MeetingIntakeEvent.class, true);

    /** State changes of citizens' appeals (59-FZ), without personal data. Key: appeal id. */
    public static final Topic<AppealsEvent> APPEALS =
            new Topic<>("appeals.v1", "appeal id", AppealsEvent.class);

    /** State changes and deadline signals of instructions, without personal data. Key: instruction id. */
    public static final Topic<InstructionsEvent> INSTRUCTIONS =
            new Topic<>("instructions.v1", "instruction id", InstructionsEvent.class);

    public static final List<Topic<?>> ALL = List.of(MEETINGS, MEETINGS_INTAKE, APPEALS, INSTRUCTIONS);

    /** The topic that carries an event of the contract. */
    public static Topic<?> of(ContractEvent event) {
        return ALL.stream().filter(topic -> topic.valueType().isInstance(event)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No topic carries " + event.type()));
    }

    private Topics() {
    }
}
