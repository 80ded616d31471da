package ru.outreach.reporting.report;

import ru.outreach.events.appeals.InstructionSource;
import ru.outreach.events.appeals.InstructionState;

/**
 * Which instructions a list holds: those issued (reports 1 and 3) or due (report 4) in the period, narrowed by the
 * filters given (each null for any), behind one figure or none.
 *
 * @param by      the day the period applies to; null for {@link InstructionBasis#ISSUED}
 * @param groupId the instructions given at the meetings of this group (report 1)
 * @param source  {@code MEETING}: given at a meeting of a known group, as report 1's total counts them
 */
public record InstructionFilter(int year, Integer half, InstructionBasis by, String department, String groupId,
                                InstructionSource source, InstructionState state, InstructionFigure figure) {

    public InstructionBasis basis() {
        return by == null ? InstructionBasis.ISSUED : by;
    }
}
