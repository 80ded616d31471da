package ru.outreach.meetings.minutes;

import java.time.LocalDate;

/** What the minutes need to know of the meeting they record. */
record HeldMeeting(String meetingId, String groupId, String territory, LocalDate heldOn, LocalDate minutesDueOn) {
}
