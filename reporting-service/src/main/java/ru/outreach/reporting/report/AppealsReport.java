package ru.outreach.reporting.report;

import java.util.List;

/**
 * Report 2: the consolidated analysis of appeals for a year (regulation 3.8.6), each figure beside the previous
 * year's.
 *
 * Every appeal counts in the year it was received (one received on 30 December belongs to that year even when
 * registered in January); the days to answer count from the registration.
 *
 * @param totals keys: {@code appeals} (received), {@code answered}, {@code answeredWithinTerm},
 *               {@code answeredWithinTermShare} (0..1, of those answered), {@code averageDaysToAnswer},
 *               {@code extensions}, {@code redirects}, {@code repeated}, {@code openAtEnd}
 * @param byCategory the classifier's names as the events carried them (the code when none is known)
 * @param byMonth keys 1..12, by the month of receipt
 */
public record AppealsReport(int year, int previousYear, List<Comparison> totals, List<Comparison> byCategory,
                            List<Comparison> byTerritory, List<Comparison> byChannel, List<Comparison> byMonth) {
}
