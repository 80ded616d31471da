package ru.outreach.reporting.report;

/** Which appeals a list holds, of those the period and the filters select: the items behind a figure. */
public enum AppealFigure {
    ANSWERED,
    /** Answered on or before the due day in force (an extended term counts). */
    ANSWERED_WITHIN_TERM,
    /** With one extension or more (the figure «extensions» is the sum of {@code extensions}). */
    EXTENDED,
    REDIRECTED,
    REPEATED,
    /** Not settled (answered, closed, redirected, left without answer) by the end of the year of receipt. */
    OPEN_AT_END,
    /** Owing a step with its answer's due day passed, as of today. */
    OVERDUE
}
