package ru.outreach.reporting.query;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import ru.outreach.reporting.projection.Kinds;
import ru.outreach.reporting.report.ExecutorsReport;
import ru.outreach.reporting.report.ExecutorsReport.ExecutorRow;
import ru.outreach.reporting.report.Period;

/**
 * Report 3: per department, the instructions issued and the appeals assigned in the period (by the month of issue or
 * assignment) and what became of them; "overdue now" counts those of them still owing a step whose due day is before
 * today, from the open-item cells.
 */
@Component
class ExecutorsQuery {

    private final CellReader cells;
    private final OverdueReader overdue;
    private final Clock clock;

    ExecutorsQuery(CellReader cells, OverdueReader overdue, Clock clock) {
        this.cells = cells;
        this.overdue = overdue;
        this.clock = clock;
    }

    ExecutorsReport executors(Period period) {
        LocalDate today = LocalDate.now(clock);
        String from = YearMonth.from(period.from()).toString();
        String to = YearMonth.from(period.to()).toString();
        Map<String, Map<String, Long>> byDepartment = new TreeMap<>();
        for (Cell cell : cells.read(Kinds.EXECUTOR_CELLS, from, to)) {
            Map<String, Long> sums = byDepartment.computeIfAbsent(cell.dim(0), d -> new TreeMap<>());
            cell.counts().forEach((k, v) -> sums.merge(k, v, Long::sum));
        }
        Map<String, Map<String, Long>> overdueNow = overdue.overdue(YearMonth.parse(from), YearMonth.parse(to), today);
        for (String type : List.of("instruction", "appeal")) {
            overdueNow.getOrDefault(type, Map.of()).forEach((department, n) ->
                    byDepartment.computeIfAbsent(department, d -> new TreeMap<>()).merge(type + "OverdueNow", n,
                            Long::sum));
        }
        List<ExecutorRow> rows = byDepartment.entrySet().stream()
                .map(e -> row(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(ExecutorRow::department))
                .toList();
        return new ExecutorsReport(period, rows);
    }

    private static ExecutorRow row(String department, Map<String, Long> s) {
        return new ExecutorRow(department, get(s, "instructionsAssigned"), get(s, "instructionsClosed"),
                get(s, "instructionsClosedOnTime"), get(s, "instructionOverdueNow"), get(s, "appealsAssigned"),
                get(s, "appealsAnswered"), get(s, "appealsAnsweredOnTime"), get(s, "appealOverdueNow"),
                get(s, "instructionExtensions") + get(s, "appealExtensions"), get(s, "instructionExtensions"),
                get(s, "appealExtensions"));
    }

    private static long get(Map<String, Long> sums, String key) {
        return sums.getOrDefault(key, 0L);
    }
}
