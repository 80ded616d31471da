package ru.outreach.reporting.projection;

import ru.outreach.events.appeals.InstructionSource;
import ru.outreach.events.appeals.InstructionState;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;

import ru.outreach.events.appeals.InstructionsEvent;
import ru.outreach.events.appeals.InstructionsEvent.InstructionClosed;
import ru.outreach.events.appeals.InstructionsEvent.InstructionExtensionRequested;
import ru.outreach.events.appeals.InstructionsEvent.InstructionIssued;

/**
 * An instruction's executor, source, territory and dates (subject {@code instruction/ID}); the events carry no text.
 *
 * @param territory where it was given, as {@code InstructionIssued} says; null in documents built before the field
 *                  was kept (a rebuild fills it)
 */
public record InstructionFacts(@Id String id, long version, InstructionState state, String department,
                               InstructionSource source,
                               String sourceId, String territory, LocalDate issuedOn, LocalDate dueOn, int extensionsAsked,
                               LocalDate closedOn, Boolean closedLate, List<PendingCell> pending) implements Facts {

    /** States in which the executor no longer owes a report. */
    static final Set<InstructionState> SETTLED = Set.of(InstructionState.REPORTED, InstructionState.CLOSED);

    static InstructionFacts empty(String id) {
        return new InstructionFacts(id, 0, null, null, null, null, null, null, null, 0, null, null, List.of());
    }

    InstructionFacts apply(InstructionsEvent event) {
        if (event.version() <= version) {
            return this;
        }
        String dept = event.executorDepartment() != null ? event.executorDepartment() : department;
        LocalDate due = event.dueOn() != null ? event.dueOn() : dueOn;
        return switch (event) {
            case InstructionIssued e -> new InstructionFacts(id, e.version(), e.state(), dept, e.source(),
                    e.sourceId(), e.territory() != null ? e.territory() : territory, e.issuedOn(), due,
                    extensionsAsked, closedOn, closedLate, pending);
            case InstructionExtensionRequested e -> new InstructionFacts(id, e.version(), e.state(), dept, source,
                    sourceId, territory, issuedOn, due, extensionsAsked + 1, closedOn, closedLate, pending);
            case InstructionClosed e -> new InstructionFacts(id, e.version(), e.state(), dept, source, sourceId,
                    territory, issuedOn, due, extensionsAsked, e.closedOn(), e.late(), pending);
            default -> new InstructionFacts(id, event.version(), event.state(), dept, source, sourceId, territory,
                    issuedOn, due, extensionsAsked, closedOn, closedLate, pending);
        };
    }

    public boolean closedOnTime() {
        return closedOn != null && !Boolean.TRUE.equals(closedLate);
    }

    /** Not reported and not closed: the executor still owes a report. */
    public boolean owesReport() {
        return state != null && !SETTLED.contains(state);
    }

    public String meetingId() {
        return source == InstructionSource.MEETING ? sourceId : null;
    }

    @Override
    public InstructionFacts withPending(List<PendingCell> pending) {
        return new InstructionFacts(id, version, state, department, source, sourceId, territory, issuedOn, dueOn,
                extensionsAsked, closedOn, closedLate, pending);
    }

    /**
     * By the month of issue: the executor's figures and, for one taken at a meeting, the meeting's; by the month of
     * the due day in force: due and closed on time (the report came by the due day, as the service judged it); while
     * the executor owes a report, one open item per month of issue and due day.
     */
    @Override
    public Cells cells() {
        Cells cells = new Cells();
        if (issuedOn == null) {
            return cells;
        }
        String month = YearMonth.from(issuedOn).toString();
        if (department != null) {
            CellKey executor = CellKey.of(Kinds.EXECUTOR_CELLS, month, department);
            cells.add(executor, "instructionsAssigned", 1);
            cells.add(executor, "instructionsClosed", closedOn != null ? 1 : 0);
            cells.add(executor, "instructionsClosedOnTime", closedOnTime() ? 1 : 0);
            cells.add(executor, "instructionExtensions", extensionsAsked);
            if (owesReport() && dueOn != null) {
                OpenItems.add(cells, "instruction", department, month, dueOn);
            }
        }
        String meetingId = meetingId();
        if (meetingId != null) {
            CellKey issued = CellKey.of(Kinds.MEETING_INSTRUCTION_CELLS, month, meetingId);
            cells.add(issued, "given", 1);
            cells.add(issued, "closed", closedOn != null ? 1 : 0);
            cells.add(issued, "closedOnTime", closedOnTime() ? 1 : 0);
            cells.add(issued, "daysToClose", closedOn != null ? ChronoUnit.DAYS.between(issuedOn, closedOn) : 0);
            if (dueOn != null) {
                CellKey due = CellKey.of(Kinds.MEETING_INSTRUCTION_CELLS, YearMonth.from(dueOn).toString(), meetingId);
                cells.add(due, "due", 1);
                cells.add(due, "dueClosedOnTime", closedOnTime() ? 1 : 0);
            }
            if (owesReport() && dueOn != null) {
                OpenItems.add(cells, "meetingInstruction", meetingId, month, dueOn);
            }
        }
        return cells;
    }
}
