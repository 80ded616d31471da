package ru.outreach.events.appeals;

import java.time.LocalDate;
import java.util.List;

import ru.outreach.events.ContractEvent;

/**
 * State changes of instructions (поручения) under execution control, published on {@code instructions.v1}; the key
 * is the instruction id. No personal data and no free text (the instruction, reports and reasons stay in the service).
 */
public sealed interface InstructionsEvent extends ContractEvent {

    String instructionId();

    /** The instruction's state after the change. */
    InstructionState state();

    String executorDepartment();

    /** The due date in force after the change. */
    LocalDate dueOn();

    default String aggregateId() { return instructionId(); }

    /** @param sourceId the meeting or appeal id, or null */
    record InstructionIssued(String instructionId, long version, InstructionState state, String executorDepartment,
                             List<String> coExecutors, InstructionSource source, String sourceId, String territory,
                             LocalDate issuedOn, LocalDate dueOn) implements InstructionsEvent {
    }

    record InstructionAccepted(String instructionId, long version, InstructionState state, String executorDepartment,
                               LocalDate acceptedOn, LocalDate dueOn) implements InstructionsEvent {
    }

    record InstructionReported(String instructionId, long version, InstructionState state, String executorDepartment,
                               LocalDate reportedOn, LocalDate dueOn, boolean late) implements InstructionsEvent {
    }

    record InstructionReturned(String instructionId, long version, InstructionState state, String executorDepartment,
                               LocalDate returnedOn, LocalDate dueOn) implements InstructionsEvent {
    }

    record InstructionExtensionRequested(String instructionId, long version, InstructionState state, String executorDepartment,
                                         LocalDate requestedOn, LocalDate dueOn, LocalDate requestedDueOn)
            implements InstructionsEvent {
    }

    record InstructionExtended(String instructionId, long version, InstructionState state, String executorDepartment,
                               LocalDate previousDueOn, LocalDate dueOn, LocalDate decidedOn)
            implements InstructionsEvent {
    }

    record InstructionExtensionRefused(String instructionId, long version, InstructionState state, String executorDepartment,
                                       LocalDate decidedOn, LocalDate dueOn) implements InstructionsEvent {
    }

    /** @param late the first report came after the due date in force then */
    record InstructionClosed(String instructionId, long version, InstructionState state, String executorDepartment,
                             LocalDate closedOn, LocalDate dueOn, boolean late) implements InstructionsEvent {
    }

    /** Raised once per instruction and due date, a configured number of days before it. */
    record InstructionDueSoon(String instructionId, long version, InstructionState state, String executorDepartment,
                              LocalDate dueOn, LocalDate signalledOn) implements InstructionsEvent {
    }

    /** Raised once per instruction and due date, the day after it passed without a report. */
    record InstructionOverdue(String instructionId, long version, InstructionState state, String executorDepartment,
                              LocalDate dueOn, LocalDate signalledOn) implements InstructionsEvent {
    }
}
