package ru.outreach.appeals.instruction;

import ru.outreach.events.appeals.InstructionSource;

import java.time.LocalDate;

/** What an instruction accumulates through its life. */
public final class InstructionRecords {

    private InstructionRecords() {
    }


    public record Report(String text, LocalDate reportedOn, String reportedBy, String reportedByUsername,
                         boolean late) {
    }

    public record Return(String reason, LocalDate returnedOn, String returnedBy, String returnedByUsername) {
    }

    public record ExtensionRequest(String reason, LocalDate requestedDueOn, LocalDate requestedOn,
                                   String requestedBy, String requestedByUsername) {
    }

    public enum Decision { GRANTED, REFUSED }

    /** A decided extension request: the due-date history. */
    public record ExtensionDecision(String reason, LocalDate requestedOn, LocalDate previousDueOn,
                                    LocalDate requestedDueOn, Decision decision, LocalDate dueOn, LocalDate decidedOn,
                                    String decidedBy, String decidedByUsername, String comment) {
    }

    public record Closing(LocalDate closedOn, String closedBy, String closedByUsername) {
    }
}
