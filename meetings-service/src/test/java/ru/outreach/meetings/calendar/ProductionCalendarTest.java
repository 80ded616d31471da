package ru.outreach.meetings.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProductionCalendarTest {

    private final ProductionCalendar calendar = ProductionCalendar.federal();

    @ParameterizedTest(name = "meeting on {0}: minutes due {1}")
    @CsvSource({
            // Wed 6 May 2026: Fri 8, (Mon 11 May is the day off for Victory Day on Sat 9), Tue 12 … Thu 14
            "2026-05-06, 2026-05-14",
            // an ordinary week: Mon -> next Mon
            "2026-03-16, 2026-03-23",
            // New Year holidays 1–11 Jan 2026: first working day is Mon 12 Jan
            "2025-12-29, 2026-01-15",
            // Fri 20 Feb 2026: Mon 23 Feb is Defender of the Fatherland Day
            "2026-02-20, 2026-03-02",
            // 2025: Sat 1 Nov is a working day moved to Mon 3 Nov; Tue 4 Nov is a holiday
            "2025-10-30, 2025-11-07",
            // a meeting on a Saturday counts from Monday
            "2026-04-18, 2026-04-24",
    })
    void minutesAreDueOnTheFifthWorkingDayAfterTheMeeting(LocalDate meeting, LocalDate due) {
        assertThat(calendar.workingDaysAfter(meeting, 5)).isEqualTo(due);
    }

    @Test
    void daysOffMovedByDecreeAreNotWorked() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 9))).as("Fri 9 Jan 2026, moved from Sat 3 Jan").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 31))).as("Thu 31 Dec 2026").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 9))).as("Mon 9 Mar 2026, for Sun 8 Mar").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 5, 8))).as("Thu 8 May 2025, moved from 23 Feb").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 2, 24))).as("Mon 24 Feb 2025 is worked").isTrue();
    }

    @Test
    void aWeekendDayDeclaredWorkingIsWorked() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 11, 1))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 11, 2))).isFalse();
    }

    @Test
    void regionalDaysAreAddedToTheFederalCalendar() {
        LocalDate radonitsa = LocalDate.of(2026, 4, 21);
        LocalDate workingSaturday = LocalDate.of(2026, 4, 25);
        ProductionCalendar regional = new ProductionCalendar(List.of(radonitsa), List.of(workingSaturday));

        assertThat(regional.isWorkingDay(radonitsa)).isFalse();
        assertThat(regional.isWorkingDay(workingSaturday)).isTrue();
        // Mon 20 Apr: Tue 21 off, then 22, 23, 24, Sat 25 (worked), Mon 27
        assertThat(regional.workingDaysAfter(LocalDate.of(2026, 4, 20), 5)).isEqualTo(LocalDate.of(2026, 4, 27));
    }

    @Test
    void yearsWithoutDataKnowWeekendsAndFixedHolidaysOnly() {
        assertThat(calendar.knowsYear(2030)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 6, 12))).as("Wed 12 Jun 2030").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 6, 13))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 6, 15))).as("Saturday").isFalse();
    }

    @Test
    void zeroWorkingDaysIsTheSameDayAndNegativeIsRefused() {
        LocalDate day = LocalDate.of(2026, 5, 6);
        assertThat(calendar.workingDaysAfter(day, 0)).isEqualTo(day);
        assertThatThrownBy(() -> calendar.workingDaysAfter(day, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
