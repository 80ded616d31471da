package ru.outreach.events.meetings;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * The quarterly rule of the regulation: each information group holds at least one outreach meeting per calendar
 * quarter. The one implementation of its verdict, used by the meetings service and by the reports.
 */
public final class QuarterlyRule {

    /**
     * MET: a meeting was held; NOT_MET: the quarter ended without one; IN_PROGRESS and NOT_STARTED: the quarter is
     * still open or still ahead; NOT_FORMED: the quarter ended before the group was formed, so the rule does not apply.
     */
    public enum Verdict { MET, NOT_MET, IN_PROGRESS, NOT_STARTED, NOT_FORMED }

    /** A calendar quarter of a year, 1 to 4. */
    public record Quarter(int year, int number) {

        public Quarter {
            if (number < 1 || number > 4) {
                throw new IllegalArgumentException("A quarter is 1 to 4: " + number);
            }
        }

        public static Quarter of(LocalDate day) {
            return new Quarter(day.getYear(), day.get(IsoFields.QUARTER_OF_YEAR));
        }

        public LocalDate firstDay() {
            return LocalDate.of(year, (number - 1) * 3 + 1, 1);
        }

        public LocalDate lastDay() {
            return firstDay().plusMonths(3).minusDays(1);
        }

        public boolean contains(LocalDate day) {
            return day != null && !day.isBefore(firstDay()) && !day.isAfter(lastDay());
        }
    }

    /**
     * The verdict for a quarter in which a group held {@code held} meetings, as seen on {@code today}.
     *
     * @param formedOn the day the group was formed, or null when unknown (then every quarter counts)
     */
    public static Verdict verdict(Quarter quarter, long held, LocalDate formedOn, LocalDate today) {
        if (held > 0) {
            return Verdict.MET;
        }
        if (formedOn != null && formedOn.isAfter(quarter.lastDay())) {
            return Verdict.NOT_FORMED;
        }
        if (today.isAfter(quarter.lastDay())) {
            return Verdict.NOT_MET;
        }
        return today.isBefore(quarter.firstDay()) ? Verdict.NOT_STARTED : Verdict.IN_PROGRESS;
    }

    private QuarterlyRule() {
    }
}
