package ru.outreach.meetings.calendar;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Regional additions to the federal production calendar.
 *
 * @param extraDaysOff     regional non-working days (e.g. Radonitsa in some regions)
 * @param extraWorkingDays weekend days declared working regionally
 * @param minutesDueWorkingDays working days after the meeting within which the minutes reach the control department
 */
@ConfigurationProperties("outreach.calendar")
public record CalendarProperties(
        @DefaultValue List<LocalDate> extraDaysOff,
        @DefaultValue List<LocalDate> extraWorkingDays,
        @DefaultValue("5") int minutesDueWorkingDays) {
}
