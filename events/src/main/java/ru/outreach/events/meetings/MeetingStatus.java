package ru.outreach.events.meetings;

/** Where an outreach meeting stands. */
public enum MeetingStatus {
    PLANNED, VENUE_AGREED, ANNOUNCED, RESCHEDULED, CANCELLED, HELD;

    /** Still expected to take place. */
    public boolean isUpcoming() {
        return this != CANCELLED && this != HELD;
    }
}
