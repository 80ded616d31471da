package ru.outreach.reporting.report;

import ru.outreach.events.appeals.AppealChannel;
import ru.outreach.events.appeals.AppealState;

/**
 * Which appeals a list holds: those received (report 2) or assigned (report 3) in the period, narrowed by the
 * dimensions given (each null for any), behind one figure or none.
 *
 * @param month    1..12, inside the half when one is given; null for the whole period
 * @param by       the day the period applies to; null for {@link AppealBasis#RECEIVED}
 * @param category a category code; {@code OTHER} also takes the appeals without one, as the report counts them
 */
public record AppealFilter(int year, Integer half, Integer month, AppealBasis by, String category,
                           String territory, AppealChannel channel, String department, AppealState state,
                           AppealFigure figure) {

    public AppealBasis basis() {
        return by == null ? AppealBasis.RECEIVED : by;
    }
}
