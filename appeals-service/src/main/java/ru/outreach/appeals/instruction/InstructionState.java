package ru.outreach.appeals.instruction;

import java.util.Set;

public enum InstructionState {
    ISSUED, ACCEPTED, REPORTED, RETURNED, CLOSED;

    /** The executor still owes a report: past the due date, such an instruction is overdue. */
    static final Set<InstructionState> AWAITING_REPORT = Set.of(ISSUED, ACCEPTED, RETURNED);

    /** Not closed by the controller. */
    static final Set<InstructionState> OPEN = Set.of(ISSUED, ACCEPTED, REPORTED, RETURNED);
}
