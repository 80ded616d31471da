package ru.outreach.reporting.report;

/**
 * Which meetings a list holds: those of the period (or of one of its quarters), of one group or all, behind one
 * figure or none (then every meeting whose day lies in the period).
 *
 * @param quarter 1..4, inside the half when one is given; null for the whole period
 * @param groupId null for every group
 * @param figure  null for every meeting of the period
 */
public record MeetingFilter(int year, Integer half, Integer quarter, String groupId, MeetingFigure figure) {
}
