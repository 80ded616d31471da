package ru.outreach.meetings.meeting;

public enum MeetingStatus {
    PLANNED, VENUE_AGREED, ANNOUNCED, RESCHEDULED, CANCELLED, HELD;

    /** Still expected to take place. */
    public boolean isUpcoming() {
        return this != CANCELLED && this != HELD;
    }
}
