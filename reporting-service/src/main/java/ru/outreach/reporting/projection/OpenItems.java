package ru.outreach.reporting.projection;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * An item that still owes a step counts in two cells: by cohort month and due month (few cells, enough for every
 * due month before the current one) and by due day and cohort month (read only for the current month's days).
 */
final class OpenItems {

    static void add(Cells cells, String type, String key, String cohortMonth, LocalDate dueOn) {
        cells.add(CellKey.of(Kinds.OPEN_CELLS, cohortMonth, type, key, YearMonth.from(dueOn).toString()), "open", 1);
        cells.add(CellKey.of(Kinds.OPEN_DAY_CELLS, dueOn.toString(), type, key, cohortMonth), "open", 1);
    }

    private OpenItems() {
    }
}
