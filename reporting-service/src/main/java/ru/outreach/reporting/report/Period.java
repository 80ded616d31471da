package ru.outreach.reporting.report;

import java.time.LocalDate;
import java.util.List;

/**
 * A reporting period: a year, or one of its halves; the lists behind the figures also take a quarter or a month.
 * {@code label} is Russian, e.g. «1-е полугодие 2026 г.», «II квартал 2026 г.», «март 2026 г.».
 *
 * @param half 1 or 2 for a half, or the half a quarter or a month lies in; null for the whole year
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

    private static final String[] ROMAN = {"I", "II", "III", "IV"};
    /** The months' Russian names, January first. */
    public static final List<String> MONTHS = List.of("январь", "февраль", "март", "апрель", "май", "июнь", "июль",
            "август", "сентябрь", "октябрь", "ноябрь", "декабрь");

    /** A quarter, 1..4. */
    public static Period ofQuarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1..4: " + quarter);
        }
        LocalDate from = LocalDate.of(year, quarter * 3 - 2, 1);
        return new Period(year, quarter <= 2 ? 1 : 2, from, from.plusMonths(3).minusDays(1),
                ROMAN[quarter - 1] + " квартал " + year + " г.");
    }

    /** A month, 1..12. */
    public static Period ofMonth(int year, int month) {
        LocalDate from = LocalDate.of(year, month, 1);
        return new Period(year, month <= 6 ? 1 : 2, from, from.plusMonths(1).minusDays(1),
                MONTHS.get(month - 1) + " " + year + " г.");
    }

    /** Whether the other period lies wholly inside this one. */
    public boolean covers(Period other) {
        return !other.from.isBefore(from) && !other.to.isAfter(to);
    }

    public boolean contains(LocalDate day) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }
}
