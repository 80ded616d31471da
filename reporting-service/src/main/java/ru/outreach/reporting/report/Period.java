package ru.outreach.reporting.report;

import java.time.LocalDate;

/**
 * A reporting period: a year, or one of its halves. {@code label} is Russian, e.g. «1-е полугодие 2026 г.».
 *
 * @param half 1 or 2, or null for the whole year
 */
public record Period(int year, Integer half, LocalDate from, LocalDate to, String label) {

    public static Period of(int year, Integer half) {
        if (half == null) {
            return new Period(year, null, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), year + " год");
        }
        if (half != 1 && half != 2) {
            throw new IllegalArgumentException("half must be 1 or 2: " + half);
        }
        LocalDate from = LocalDate.of(year, half == 1 ? 1 : 7, 1);
        return new Period(year, half, from, from.plusMonths(6).minusDays(1), half + "-е полугодие " + year + " г.");
    }

    public boolean contains(LocalDate day) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }
}
