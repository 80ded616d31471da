package ru.outreach.reporting.query;

import java.util.Locale;
import java.util.Objects;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import ru.outreach.reporting.report.AppealFilter;
import ru.outreach.reporting.report.AppealItem;
import ru.outreach.reporting.report.AppealsReport;
import ru.outreach.reporting.report.CategoryTerritories;
import ru.outreach.reporting.report.ExecutorsReport;
import ru.outreach.reporting.report.GroupMeetings;
import ru.outreach.reporting.report.GroupRanking;
import ru.outreach.reporting.report.GroupsReport;
import ru.outreach.reporting.report.InstructionFilter;
import ru.outreach.reporting.report.InstructionItem;
import ru.outreach.reporting.report.MeetingFilter;
import ru.outreach.reporting.report.MeetingItem;
import ru.outreach.reporting.report.Period;
import ru.outreach.reporting.report.ReportItems;
import ru.outreach.reporting.report.ReportLabels;

/**
 * The head's reports as plain Java methods (the JSON API, the dashboard and the exports call them). {@code half} is
 * 1, 2 or null for the whole year. A year outside 2000..2100 or a half other than 1 or 2 is refused with
 * {@link InvalidParameterException} (400, naming the parameter); an unknown group with 404. The lists behind the
 * figures ({@code *Items}) come a page at a time (page from 0, size 1..100); a quarter or a month outside the half
 * asked for is refused the same way.
 */
@Service
public class ReportService {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_PAGE = 100_000;

    private final GroupsQuery groups;
    private final AppealsQuery appeals;
    private final ExecutorsQuery executors;
    private final RankingQuery ranking;
    private final CategoryNames categories;
    private final MessageSource messages;
    private final MeetingItemsQuery meetingItems;
    private final AppealItemsQuery appealItems;
    private final InstructionItemsQuery instructionItems;

    /** For stubs in tests (a subclass that overrides the methods it needs); the others then fail. */
    protected ReportService() {
        this(null, null, null, null, null, null, null, null, null);
    }

    @Autowired
    ReportService(GroupsQuery groups, AppealsQuery appeals, ExecutorsQuery executors, RankingQuery ranking,
                  CategoryNames categories, MessageSource messages, MeetingItemsQuery meetingItems,
                  AppealItemsQuery appealItems, InstructionItemsQuery instructionItems) {
        this.groups = groups;
        this.appeals = appeals;
        this.executors = executors;
        this.ranking = ranking;
        this.categories = categories;
        this.messages = messages;
        this.meetingItems = meetingItems;
        this.appealItems = appealItems;
        this.instructionItems = instructionItems;
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

    /** The meetings behind a figure of report 1 (or 4), in the order of their days. */
    public ReportItems<MeetingItem> meetingItems(MeetingFilter filter, int page, int size) {
        Period period = period(filter.year(), filter.half());
        if (filter.quarter() != null) {
            period = part(period, "quarter", filter.quarter(), 4, Period::ofQuarter);
        }
        page(page, size);
        return meetingItems.items(period, filter.groupId(), filter.figure(), page, size);
    }

    /** The appeals behind a figure of report 2 or 3, in the order of the day the period applies to. */
    public ReportItems<AppealItem> appealItems(AppealFilter filter, int page, int size) {
        Period period = period(filter.year(), filter.half());
        if (filter.month() != null) {
            period = part(period, "month", filter.month(), 12, Period::ofMonth);
        }
        page(page, size);
        return appealItems.items(filter, period, page, size);
    }

    /** The instructions behind a figure of report 1, 3 or 4, in the order of the day the period applies to. */
    public ReportItems<InstructionItem> instructionItems(InstructionFilter filter, int page, int size) {
        Period period = period(filter.year(), filter.half());
        page(page, size);
        return instructionItems.items(filter, period, page, size);
    }

    /** A quarter or a month of the period: refused, naming the parameter, when out of range or outside it. */
    private static Period part(Period period, String parameter, int number, int count,
                               java.util.function.BiFunction<Integer, Integer, Period> of) {
        if (number < 1 || number > count) {
            throw new InvalidParameterException(parameter, number);
        }
        Period part = of.apply(period.year(), number);
        if (!period.covers(part)) {
            throw new InvalidParameterException(parameter, number);
        }
        return part;
    }

    private static void page(int page, int size) {
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidParameterException("page", page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidParameterException("size", size);
        }
    }

    /** The labels of the codes in the reports: statuses, verdicts and channels from the contract's enums. */
    public ReportLabels labels(Locale locale) {
        return new ReportLabels(Labels.statuses(messages, locale), Labels.verdicts(messages, locale),
                Labels.channels(messages, locale), categories.all(), Labels.appealStates(messages, locale),
                Labels.instructionStates(messages, locale));
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
