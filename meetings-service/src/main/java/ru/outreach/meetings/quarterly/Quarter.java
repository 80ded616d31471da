package ru.outreach.meetings.quarterly;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** A calendar quarter of a year, 1 to 4. */
record Quarter(int year, int number) {

    static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), day.get(IsoFields.QUARTER_OF_YEAR));
    }

    LocalDate firstDay() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    boolean contains(LocalDate day) {
        return Quarter.of(day).equals(this);
    }
}
