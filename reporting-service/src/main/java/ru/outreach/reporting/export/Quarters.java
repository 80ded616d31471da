package ru.outreach.reporting.export;

import java.util.List;

import ru.outreach.events.meetings.QuarterlyRule.Verdict;
import ru.outreach.reporting.query.Labels;
import ru.outreach.reporting.report.GroupsReport.QuarterRule;

/** Quarters and the quarterly rule's verdicts in Russian: the verdict is the report's, never computed here. */
final class Quarters {

    private static final String[] ROMAN = {"I", "II", "III", "IV"};

    private Quarters() {
    }

    static String label(QuarterRule quarter) {
        return ROMAN[quarter.quarter() - 1] + " кв. " + quarter.year();
    }

    static String verdict(Verdict rule) {
        return Labels.verdict(rule);
    }

    /** The group's verdict for {@code quarter}, with the meetings held, e.g. «выполнено (2)». */
    static String verdict(List<QuarterRule> groupQuarters, QuarterRule quarter) {
        return (groupQuarters == null ? List.<QuarterRule>of() : groupQuarters).stream()
                .filter(q -> q.year() == quarter.year() && q.quarter() == quarter.quarter())
                .findFirst()
                .map(q -> q.rule() == Verdict.NOT_STARTED || q.rule() == Verdict.NOT_FORMED ? verdict(q.rule())
                        : verdict(q.rule()) + " (" + q.held() + ")")
                .orElse("—");
    }
}
