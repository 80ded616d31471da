package ru.outreach.reporting.query;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import ru.outreach.reporting.projection.Kinds;

/**
 * "Overdue now": items of the cohort months {@code from..to} that still owe a step and whose due day is before today.
 * Due months before the current one come from the open cells by cohort and due month; the current month's days
 * before today from the open cells by due day. Both sets are small whatever the number of items.
 */
@Component
class OverdueReader {

    private final CellReader cells;

    OverdueReader(CellReader cells) {
        this.cells = cells;
    }

    /** Overdue items per type (instruction, appeal, meetingInstruction) and key (department or meeting id). */
    Map<String, Map<String, Long>> overdue(YearMonth from, YearMonth to, LocalDate today) {
        Map<String, Map<String, Long>> overdue = new HashMap<>();
        String thisMonth = YearMonth.from(today).toString();
        for (Cell cell : cells.read(Kinds.OPEN_CELLS, from.toString(), to.toString())) {
            if (cell.dim(2).compareTo(thisMonth) < 0 && cell.get("open") != 0) {
                overdue.computeIfAbsent(cell.dim(0), t -> new HashMap<>()).merge(cell.dim(1), cell.get("open"),
                        Long::sum);
            }
        }
        LocalDate firstDay = today.withDayOfMonth(1);
        if (today.isAfter(firstDay)) {
            for (Cell cell : cells.read(Kinds.OPEN_DAY_CELLS, firstDay.toString(), today.minusDays(1).toString())) {
                String cohort = cell.dim(2);
                if (cohort.compareTo(from.toString()) >= 0 && cohort.compareTo(to.toString()) <= 0
                        && cell.get("open") != 0) {
                    overdue.computeIfAbsent(cell.dim(0), t -> new HashMap<>()).merge(cell.dim(1), cell.get("open"),
                            Long::sum);
                }
            }
        }
        overdue.values().forEach(byKey -> byKey.values().removeIf(n -> n == 0));
        return overdue;
    }
}
