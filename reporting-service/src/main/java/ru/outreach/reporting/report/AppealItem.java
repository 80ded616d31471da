package ru.outreach.reporting.report;

import java.time.LocalDate;

import ru.outreach.events.appeals.AppealChannel;
import ru.outreach.events.appeals.AppealState;

/**
 * An appeal in the list behind a figure of report 2 or 3: its dimensions, terms and dates. No citizen's data: the
 * read models have none.
 *
 * @param receivedOn    the day the yearly analysis counts it by (received, or registered in older events)
 * @param categoryLabel the classifier's name of the category (the code when none is known)
 * @param daysToAnswer  from the registration to the answer; null while not answered
 * @param overdue       owes a step and its answer's due day has passed (as of today)
 */
public record AppealItem(String appealId, LocalDate receivedOn, LocalDate registeredOn, String category,
                         String categoryLabel, String territory, AppealChannel channel, AppealState state,
                         String department, LocalDate assignedOn, LocalDate answerDueOn, LocalDate answeredOn,
                         boolean answeredWithinTerm, Long daysToAnswer, int extensions, LocalDate redirectedOn,
                         boolean repeated, boolean overdue) {
}
