package ru.outreach.meetings.calendar;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

/** Regulation 3.6.9: the minutes reach the control department within five working days after the meeting. */
@Component
public class MinutesDeadline {

    private final ProductionCalendar calendar;
    private final int workingDays;

    public MinutesDeadline(ProductionCalendar calendar, CalendarProperties properties) {
        this.calendar = calendar;
        this.workingDays = properties.minutesDueWorkingDays();
    }

    public LocalDate dueOn(LocalDate meetingDay) {
        return calendar.workingDaysAfter(meetingDay, workingDays);
    }
}
