package ru.outreach.reporting.report;

import java.time.LocalDate;

import ru.outreach.events.appeals.InstructionSource;
import ru.outreach.events.appeals.InstructionState;

/**
 * An instruction in the list behind a figure of report 1, 3 or 4. The events carry no text of an instruction, so
 * the list shows where it came from (the meeting, its group) and its dates.
 *
 * @param meetingId   the meeting it was given at; null for another source
 * @param groupName   the group of that meeting, when known
 * @param closedOnTime null while not closed
 * @param overdue     the executor owes a report and the due day has passed (as of today)
 * @param daysOverdue days past the due day while overdue, else 0
 */
public record InstructionItem(String instructionId, String department, InstructionSource source, String sourceId,
                              String meetingId, String groupId, String groupName, String territory,
                              InstructionState state, LocalDate issuedOn, LocalDate dueOn, LocalDate closedOn,
                              Boolean closedOnTime, int extensionsAsked, boolean overdue, long daysOverdue) {
}
