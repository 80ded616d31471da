package ru.outreach.reporting.report;

/** Which instructions a list holds, of those the period and the filters select: the items behind a figure. */
public enum InstructionFigure {
    CLOSED,
    /** Closed, the report having come by the due day (as the appeals service judged it). */
    CLOSED_ON_TIME,
    /** The executor owes a report (issued, accepted, returned) and the due day has passed, as of today. */
    OVERDUE,
    /** With an extension asked (the figure is the sum of {@code extensionsAsked}). */
    EXTENDED
}
