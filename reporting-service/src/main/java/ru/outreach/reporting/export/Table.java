package ru.outreach.reporting.export;

import java.util.List;

/**
 * A titled table of an export: what both the XLSX and the PDF writers lay out.
 *
 * @param widths relative column widths
 * @param totalRows how many of the last rows are totals, shown in bold
 */
record Table(String title, List<String> headers, float[] widths, List<List<Cell>> rows, int totalRows) {

    Table {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
        if (widths.length != headers.size()) {
            throw new IllegalArgumentException("a width for each header: " + widths.length + " ≠ " + headers.size());
        }
        for (List<Cell> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("a cell for each header in " + title);
            }
        }
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }
}
