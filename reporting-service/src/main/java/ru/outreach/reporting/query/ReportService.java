package ru.outreach.reporting.query;

import java.util.Locale;
import java.util.Objects;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import ru.outreach.reporting.report.AppealsReport;
import ru.outreach.reporting.report.CategoryTerritories;
import ru.outreach.reporting.report.ExecutorsReport;
import ru.outreach.reporting.report.GroupMeetings;
import ru.outreach.reporting.report.GroupRanking;
import ru.outreach.reporting.report.GroupsReport;
import ru.outreach.reporting.report.Period;
import ru.outreach.reporting.report.ReportLabels;

/**
 * The head's reports as plain Java methods (the JSON API, the dashboard and the exports call them). {@code half} is
 * 1, 2 or null for the whole year. A year outside 2000..2100 or a half other than 1 or 2 is refused with
 * {@link InvalidParameterException} (400, naming the parameter); an unknown group with 404.
 */
@Service
public class ReportService {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;

    private final GroupsQuery groups;
    private final AppealsQuery appeals;
    private final ExecutorsQuery executors;
    private final RankingQuery ranking;
    private final CategoryNames categories;
    private final MessageSource messages;

    /** For stubs in tests (a subclass that overrides the methods it needs); the others then fail. */
    protected ReportService() {
        this(null, null, null, null, null, null);
    }

    @Autowired
    ReportService(GroupsQuery groups, AppealsQuery appeals, ExecutorsQuery executors, RankingQuery ranking,
                  CategoryNames categories, MessageSource messages) {
        this.groups = groups;
        this.appeals = appeals;
        this.executors = executors;
        this.ranking = ranking;
        this.categories = categories;
        this.messages = messages;
    }

    public GroupsReport groups(int year, Integer half) {
        return groups.groups(period(year, half));
    }

    public GroupMeetings groupMeetings(String groupId, int year, Integer half) {
        return groups.meetings(Objects.requireNonNull(groupId, "groupId"), period(year, half));
    }

    public AppealsReport appeals(int year) {
        return appeals.appeals(year(year));
    }

    public CategoryTerritories categoryTerritories(String category, int year) {
        return appeals.categoryTerritories(Objects.requireNonNull(category, "category"), year(year));
    }

    public ExecutorsReport executors(int year, Integer half) {
        return executors.executors(period(year, half));
    }

    public GroupRanking ranking(int year, Integer half) {
        return ranking.ranking(period(year, half));
    }

    /** The labels of the codes in the reports: statuses, verdicts and channels from the contract's enums. */
    public ReportLabels labels(Locale locale) {
        return new ReportLabels(Labels.statuses(messages, locale), Labels.verdicts(messages, locale),
                Labels.channels(messages, locale), categories.all());
    }

    static Period period(int year, Integer half) {
        if (half != null && half != 1 && half != 2) {
            throw new InvalidParameterException("half", half);
        }
        return Period.of(year(year), half);
    }

    static int year(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidParameterException("year", year);
        }
        return year;
    }
}
