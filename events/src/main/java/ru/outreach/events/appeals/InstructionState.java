package ru.outreach.events.appeals;

import java.util.Set;

/** Where an instruction under execution control stands. */
public enum InstructionState {
    ISSUED, ACCEPTED, REPORTED, RETURNED, CLOSED;

    /** The executor still owes a report: past the due date, such an instruction is overdue. */
    public static final Set<InstructionState> AWAITING_REPORT = Set.of(ISSUED, ACCEPTED, RETURNED);

    /** Not closed by the controller. */
    public static final Set<InstructionState> OPEN = Set.of(ISSUED, ACCEPTED, REPORTED, RETURNED);
}
