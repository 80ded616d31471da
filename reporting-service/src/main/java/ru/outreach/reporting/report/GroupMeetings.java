package ru.outreach.reporting.report;

import ru.outreach.events.meetings.MeetingStatus;
import java.time.LocalDate;
import java.util.List;

/** Drill-down from a group of report 1 to its meetings in the period. */
public record GroupMeetings(String groupId, String groupName, Period period, List<MeetingRow> meetings) {

    /** @param status the meeting's last status: PLANNED … HELD, CANCELLED */
    public record MeetingRow(String meetingId, String territory, MeetingStatus status, LocalDate day,
                             Integer residentsAttended, LocalDate minutesDueOn, LocalDate minutesHandedOverOn,
                             Boolean minutesLate, long questions, long proposals, long receptionCards,
                             long writtenAppeals, long instructions) {
    }
}
