package ru.outreach.reporting.report;

import java.time.LocalDate;

import ru.outreach.events.meetings.MeetingStatus;

/**
 * A meeting in the list behind a figure of report 1: its group, day, state, residents, the minutes' counts and
 * whether the minutes went to the control department on time.
 *
 * @param day         held, or else scheduled
 * @param minutesLate true when handed over after the due day, or not handed over with the day passed; null while
 *                    nothing is due
 */
public record MeetingItem(String meetingId, String groupId, String groupName, String territory,
                          MeetingStatus status, LocalDate day, Integer residentsAttended, LocalDate minutesDueOn,
                          LocalDate minutesHandedOverOn, Boolean minutesLate, long questions, long remarks,
                          long proposals, long proposalsAccepted, long receptionCards, long writtenAppeals,
                          long instructions) {
}
