package ru.outreach.reporting.export;

import java.util.List;

import ru.outreach.reporting.report.GroupsReport.QuarterRule;

/** Quarters and the quarterly rule's verdicts in Russian. */
final class Quarters {

    private static final String[] ROMAN = {"I", "II", "III", "IV"};

    private Quarters() {
    }

    static String label(QuarterRule quarter) {
        return ROMAN[quarter.quarter() - 1] + " кв. " + quarter.year();
    }

    static String verdict(String rule) {
        return switch (rule == null ? "" : rule) {
            case "MET" -> "выполнено";
            case "NOT_MET" -> "не выполнено";
            case "IN_PROGRESS" -> "квартал идёт";
            case "NOT_STARTED" -> "не начался";
            default -> rule == null ? "" : rule;
        };
    }

    /** The group's verdict for {@code quarter}, with the meetings held, e.g. «выполнено (2)». */
    static String verdict(List<QuarterRule> groupQuarters, QuarterRule quarter) {
        return (groupQuarters == null ? List.<QuarterRule>of() : groupQuarters).stream()
                .filter(q -> q.year() == quarter.year() && q.quarter() == quarter.quarter())
                .findFirst()
                .map(q -> "NOT_STARTED".equals(q.rule()) ? verdict(q.rule()) : verdict(q.rule()) + " (" + q.held() + ")")
                .orElse("—");
    }
}
