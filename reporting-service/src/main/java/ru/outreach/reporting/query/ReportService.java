package ru.outreach.reporting.query;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import ru.outreach.reporting.report.AppealsReport;
import ru.outreach.reporting.report.CategoryTerritories;
import ru.outreach.reporting.report.ExecutorsReport;
import ru.outreach.reporting.report.GroupMeetings;
import ru.outreach.reporting.report.GroupRanking;
import ru.outreach.reporting.report.GroupsReport;
import ru.outreach.reporting.report.Period;

/**
 * The head's reports as plain Java methods (the JSON API, the dashboard and the exports call them). {@code half} is
 * 1, 2 or null for the whole year; an invalid half or year is refused with a 400 problem naming the parameter.
 */
@Service
public class ReportService {

    public GroupsReport groups(int year, Integer half) {
        return new GroupsReport(Period.of(year, half), null, List.of(), List.of());
    }

    public GroupMeetings groupMeetings(String groupId, int year, Integer half) {
        return new GroupMeetings(groupId, groupId, Period.of(year, half), List.of());
    }

    public AppealsReport appeals(int year) {
        return new AppealsReport(year, year - 1, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public CategoryTerritories categoryTerritories(String category, int year) {
        return new CategoryTerritories(year, category, category, List.of());
    }

    public ExecutorsReport executors(int year, Integer half) {
        return new ExecutorsReport(Period.of(year, half), List.of());
    }

    public GroupRanking ranking(int year, Integer half) {
        return new GroupRanking(Period.of(year, half), "", Map.of(), List.of());
    }
}
