package ru.outreach.reporting.report;

import java.util.List;
import java.util.Map;

/**
 * A page of the list behind a figure of the reports: the meetings, appeals or instructions that the figure counts,
 * for the same period and filter. {@code totalItems} equals the figure; a figure that sums a value over the items
 * (residents, questions, extensions) equals the same sum in {@code sums}.
 *
 * @param period     the period the list is of (a year, a half, a quarter or a month)
 * @param page       the page number, from 0
 * @param totalItems how many items the whole list has
 * @param sums       value → its sum over the whole list (not only this page)
 */
public record ReportItems<T>(Period period, List<T> items, int page, int size, long totalItems, int totalPages,
                             Map<String, Long> sums) {

    public static <T> ReportItems<T> of(Period period, List<T> items, int page, int size, long totalItems,
                                        Map<String, Long> sums) {
        int pages = (int) ((totalItems + size - 1) / size);
        return new ReportItems<>(period, List.copyOf(items), page, size, totalItems, pages, Map.copyOf(sums));
    }
}
