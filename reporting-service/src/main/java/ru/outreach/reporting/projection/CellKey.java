package ru.outreach.reporting.projection;

import java.util.List;

/**
 * Where a pre-aggregated counter lives: the kind of cell (its collection), the period (a year {@code 2026} or a month
 * {@code 2026-03}) and the dimension values, e.g. {@code [category, ROADS]}.
 */
public record CellKey(String kind, String period, List<String> dims) {

    public CellKey {
        dims = List.copyOf(dims);
    }

    static CellKey of(String kind, String period, String... dims) {
        return new CellKey(kind, period, List.of(dims));
    }

    /** The document id: period and dimensions joined by {@code |}. */
    public String id() {
        return period + "|" + String.join("|", dims);
    }
}
