package ru.outreach.reporting.projection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A set of counter values per cell: what one entity contributes to the cells, or a difference of two such sets. */
public final class Cells {

    private final Map<CellKey, Map<String, Long>> counts = new LinkedHashMap<>();

    public Cells add(CellKey key, String counter, long amount) {
        if (amount != 0) {
            counts.computeIfAbsent(key, k -> new TreeMap<>()).merge(counter, amount, Long::sum);
        }
        return this;
    }

    public Cells addAll(Cells other) {
        other.counts.forEach((key, values) -> values.forEach((counter, n) -> add(key, counter, n)));
        return this;
    }

    /** {@code after - before}, without zero counters and without empty cells. */
    public static Cells diff(Cells before, Cells after) {
        Cells diff = new Cells().addAll(after);
        before.counts.forEach((key, values) -> values.forEach((counter, n) -> diff.add(key, counter, -n)));
        diff.counts.values().removeIf(values -> {
            values.values().removeIf(n -> n == 0);
            return values.isEmpty();
        });
        return diff;
    }

    public Map<CellKey, Map<String, Long>> asMap() {
        return counts;
    }

    public long get(CellKey key, String counter) {
        return counts.getOrDefault(key, Map.of()).getOrDefault(counter, 0L);
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** This difference as the pending cells of the operation {@code op}. */
    List<PendingCell> toPending(String op) {
        return counts.entrySet().stream()
                .map(e -> new PendingCell(e.getKey().kind(), e.getKey().period(), e.getKey().dims(),
                        new TreeMap<>(e.getValue()), op))
                .toList();
    }

    static Cells fromPending(List<PendingCell> pending) {
        Cells cells = new Cells();
        if (pending != null) {
            pending.forEach(p -> p.counts().forEach((counter, n) ->
                    cells.add(new CellKey(p.kind(), p.period(), p.dims()), counter, n)));
        }
        return cells;
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
