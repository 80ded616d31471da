package ru.outreach.reporting.report;

import java.util.List;

/**
 * Report 2: the consolidated analysis of appeals for a year (regulation 3.8.6), each figure beside the previous
 * year's.
 *
 * @param totals keys: {@code appeals}, {@code answeredWithinTerm}, {@code answeredWithinTermShare} (0..1),
 *               {@code averageDaysToAnswer}, {@code extensions}, {@code redirects}, {@code repeated},
 *               {@code openAtEnd}
 * @param byMonth keys 1..12, by the month of registration
 */
public record AppealsReport(int year, int previousYear, List<Comparison> totals, List<Comparison> byCategory,
                            List<Comparison> byTerritory, List<Comparison> byChannel, List<Comparison> byMonth) {
}
