package ru.outreach.reporting.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.outreach.events.appeals.AppealChannel;
import ru.outreach.reporting.projection.Kinds;
import ru.outreach.reporting.report.AppealsReport;
import ru.outreach.reporting.report.CategoryTerritories;
import ru.outreach.reporting.report.Comparison;

/**
 * Report 2 and its drill-down, from the yearly marginal cells of the two years (a few hundred documents): every
 * appeal counts in the year and month it was received; category names are the classifier's, as the events carried
 * them (the code when no name is known).
 */
@Component
class AppealsQuery {

    private static final Set<String> CHANNELS = Arrays.stream(AppealChannel.values()).map(AppealChannel::name)
            .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));

    private final CellReader cells;
    private final CategoryNames categories;

    AppealsQuery(CellReader cells, CategoryNames categories) {
        this.cells = cells;
        this.categories = categories;
    }

    AppealsReport appeals(int year) {
        Map<String, Cell> current = byDims(year);
        Map<String, Cell> previous = byDims(year - 1);
        Cell now = current.get("total");
        Cell before = previous.get("total");
        Map<String, String> names = categories.all();
        List<Comparison> totals = new ArrayList<>();
        Labels.APPEAL_FIGURES.forEach((key, label) -> totals.add(Comparison.of(key, label, figure(now, key),
                figure(before, key))));
        return new AppealsReport(year, year - 1, totals,
                axis(current, previous, "category", names.keySet(), c -> names.getOrDefault(c, c), false),
                axis(current, previous, "territory", Set.of(), t -> t, true),
                axis(current, previous, "channel", CHANNELS, Labels::channel, false),
                months(current, previous));
    }

    CategoryTerritories categoryTerritories(String category, int year) {
        Map<String, Cell> current = byDims(year);
        Map<String, Cell> previous = byDims(year - 1);
        Map<String, Cell> now = new HashMap<>();
        Map<String, Cell> before = new HashMap<>();
        current.values().stream().filter(c -> "categoryTerritory".equals(c.dim(0)) && category.equals(c.dim(1)))
                .forEach(c -> now.put("territory|" + c.dim(2), territory(c)));
        previous.values().stream().filter(c -> "categoryTerritory".equals(c.dim(0)) && category.equals(c.dim(1)))
                .forEach(c -> before.put("territory|" + c.dim(2), territory(c)));
        return new CategoryTerritories(year, category, categories.all().getOrDefault(category, category),
                axis(now, before, "territory", Set.of(), t -> t, true));
    }

    private static Cell territory(Cell categoryTerritory) {
        return new Cell(categoryTerritory.period(), List.of("territory", categoryTerritory.dim(2)),
                categoryTerritory.counts());
    }

    private Map<String, Cell> byDims(int year) {
        Map<String, Cell> map = new HashMap<>();
        String y = String.valueOf(year);
        cells.read(Kinds.APPEAL_CELLS, y, y).forEach(c -> map.put(String.join("|", c.dims()), c));
        return map;
    }

    /** A figure of the totals; shares and averages are computed over the sums. */
    static double figure(Cell cell, String key) {
        if (cell == null) {
            return 0;
        }
        return switch (key) {
            case "answeredWithinTermShare" -> cell.get("answered") == 0 ? 0
                    : GroupsQuery.round(cell.get("answeredWithinTerm") / (double) cell.get("answered"));
            case "averageDaysToAnswer" -> cell.get("answered") == 0 ? 0
                    : GroupsQuery.round(cell.get("daysToAnswer") / (double) cell.get("answered"));
            default -> cell.get(key);
        };
    }

    /** Appeals per value of an axis: the known codes first in their order, then the others by count. */
    private static List<Comparison> axis(Map<String, Cell> current, Map<String, Cell> previous, String axis,
                                         Set<String> known, java.util.function.Function<String, String> label,
                                         boolean byCount) {
        Set<String> values = new LinkedHashSet<>(known);
        List<String> seen = new ArrayList<>();
        for (Map<String, Cell> cells : List.of(current, previous)) {
            cells.values().stream().filter(c -> axis.equals(c.dim(0)) && c.dims().size() == 2)
                    .forEach(c -> seen.add(c.dim(1)));
        }
        seen.stream().sorted().forEach(values::add);
        List<Comparison> rows = values.stream()
                .map(v -> Comparison.of(v, label.apply(v), appeals(current.get(axis + "|" + v)),
                        appeals(previous.get(axis + "|" + v))))
                .toList();
        if (byCount) {
            return rows.stream().sorted(Comparator.comparingDouble(Comparison::current).reversed()
                    .thenComparing(Comparison::key)).toList();
        }
        return rows;
    }

    private static List<Comparison> months(Map<String, Cell> current, Map<String, Cell> previous) {
        List<Comparison> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            String key = "month|%02d".formatted(m);
            months.add(Comparison.of(String.valueOf(m), Labels.month(m), appeals(current.get(key)),
                    appeals(previous.get(key))));
        }
        return months;
    }

    private static double appeals(Cell cell) {
        return cell == null ? 0 : cell.get("appeals");
    }
}
