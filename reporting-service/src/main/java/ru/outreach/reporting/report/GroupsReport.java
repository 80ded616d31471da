package ru.outreach.reporting.report;

import java.time.LocalDate;
import java.util.List;

import ru.outreach.events.meetings.QuarterlyRule;
import ru.outreach.events.meetings.QuarterlyRule.Verdict;

/**
 * Report 1: the work of the information groups in a period (regulation 3.9), per group and in total.
 *
 * @param total       the sum over all groups (averages and shares recomputed over the sums)
 * @param lateMinutes minutes handed over after their due day, or still not handed over past it
 */
public record GroupsReport(Period period, GroupFigures total, List<GroupFigures> groups,
                           List<LateMinutes> lateMinutes) {

    /**
     * @param quarters               the quarters of the period with the quarterly rule's verdict
     * @param minutesDue             minutes due in the period: handed over, or not handed over with the due day
     *                               passed (as of today)
     * @param minutesOnTimeShare     minutes handed over on time / minutes due in the period, 0..1
     * @param instructionsOverdueNow not reported and past their due date today
     * @param averageDaysToClose     from issue to closing, over the instructions closed; null if none
     */
    public record GroupFigures(String groupId, String groupName, long meetingsPlanned, long meetingsHeld,
                               long meetingsCancelled, List<QuarterRule> quarters, long residentsTotal,
                               double residentsAverage, long minutesDue, long minutesOnTime, double minutesOnTimeShare,
                               long questions, long remarks, long proposals, long proposalsAccepted,
                               long receptionCards, long writtenAppeals, long instructionsGiven,
                               long instructionsClosed, long instructionsClosedOnTime, long instructionsOverdueNow,
                               Double averageDaysToClose) {
    }

    /**
     * @param rule the quarterly rule's verdict, computed once by {@link QuarterlyRule#verdict}; the page and the
     *             exports show it as it is ({@code GET /api/reports/labels} names it)
     */
    public record QuarterRule(int year, int quarter, long held, Verdict rule) {
    }

    /** @param handedOverOn null while not handed over; {@code daysLate} then counts to today */
    public record LateMinutes(String meetingId, String groupId, String groupName, String territory, LocalDate heldOn,
                              LocalDate dueOn, LocalDate handedOverOn, long daysLate) {
    }
}
