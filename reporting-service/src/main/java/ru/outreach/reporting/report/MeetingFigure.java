package ru.outreach.reporting.report;

/**
 * Which meetings of the period a list holds: the items behind a figure of report 1 (meetings by their day, minutes
 * by their due day). Without one: every meeting whose day lies in the period.
 */
public enum MeetingFigure {
    /** Meetings planned: every meeting with a status, by its day. */
    PLANNED,
    /** Meetings held, by the day held. */
    HELD,
    CANCELLED,
    /** Minutes due in the period: handed over, or not handed over with the due day passed (as of today). */
    MINUTES_DUE,
    /** Minutes due in the period and handed over on or before the due day. */
    MINUTES_ON_TIME,
    /** Minutes due in the period and not on time: handed over late, or still not handed over. */
    MINUTES_LATE
}
