package ru.outreach.reporting.query;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import ru.outreach.events.appeals.AppealChannel;
import ru.outreach.events.appeals.AppealState;
import ru.outreach.events.appeals.InstructionSource;
import ru.outreach.events.appeals.InstructionState;
import ru.outreach.reporting.report.AppealBasis;
import ru.outreach.reporting.report.AppealFigure;
import ru.outreach.reporting.report.AppealFilter;
import ru.outreach.reporting.report.AppealItem;
import ru.outreach.reporting.report.AppealsReport;
import ru.outreach.reporting.report.CategoryTerritories;
import ru.outreach.reporting.report.ExecutorsReport;
import ru.outreach.reporting.report.GroupMeetings;
import ru.outreach.reporting.report.GroupRanking;
import ru.outreach.reporting.report.GroupsReport;
import ru.outreach.reporting.report.InstructionBasis;
import ru.outreach.reporting.report.InstructionFigure;
import ru.outreach.reporting.report.InstructionFilter;
import ru.outreach.reporting.report.InstructionItem;
import ru.outreach.reporting.report.MeetingFigure;
import ru.outreach.reporting.report.MeetingFilter;
import ru.outreach.reporting.report.MeetingItem;
import ru.outreach.reporting.report.ReportItems;
import ru.outreach.reporting.report.ReportLabels;

@RestController
@RequestMapping("/api/reports")
@Tag(name = "reports", description = "The head's half-year and yearly analysis, from the read models")
class ReportController {

    private static final String YEAR = "Year, 2000..2100; the current year when absent";
    private static final String HALF = "1 or 2 for a half of the year; the whole year when absent";
    private static final String PAGE = "Page of the list, from 0";
    private static final String SIZE = "Items per page, 1..100";
    private static final String LIST = " The list's totalItems equals the figure for the same period and filter;"
            + " sums holds the values the report sums over the items.";

    private final ReportService reports;
    private final Clock clock;

    ReportController(ReportService reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/groups")
    @Operation(summary = "Report 1: the work of the information groups (meetings, quarterly rule, minutes on time,"
            + " residents, questions, proposals accepted = ACCEPTED or INCLUDED_IN_PLAN, instructions)")
    GroupsReport groups(@Parameter(description = YEAR) @RequestParam(required = false)
                        @Min(2000) @Max(2100) Integer year,
                        @Parameter(description = HALF) @RequestParam(required = false) @Min(1) @Max(2) Integer half) {
        return reports.groups(year(year), half);
    }

    @GetMapping("/groups/{groupId}/meetings")
    @Operation(summary = "Drill-down of report 1: a group's meetings in the period")
    GroupMeetings groupMeetings(@PathVariable String groupId,
                                @Parameter(description = YEAR) @RequestParam(required = false)
                                @Min(2000) @Max(2100) Integer year,
                                @Parameter(description = HALF) @RequestParam(required = false)
                                @Min(1) @Max(2) Integer half) {
        return reports.groupMeetings(groupId, year(year), half);
    }

    @GetMapping("/appeals")
    @Operation(summary = "Report 2: appeals of a year by category, territory, channel and month, beside the"
            + " previous year")
    AppealsReport appeals(@Parameter(description = YEAR) @RequestParam(required = false)
                          @Min(2000) @Max(2100) Integer year) {
        return reports.appeals(year(year));
    }

    @GetMapping("/appeals/categories/{category}/territories")
    @Operation(summary = "Drill-down of report 2: a category's appeals by territory")
    CategoryTerritories categoryTerritories(@PathVariable String category,
                                            @Parameter(description = YEAR) @RequestParam(required = false)
                                            @Min(2000) @Max(2100) Integer year) {
        return reports.categoryTerritories(category, year(year));
    }

    @GetMapping("/executors")
    @Operation(summary = "Report 3: executors' discipline: instructions and appeals assigned in the period")
    ExecutorsReport executors(@Parameter(description = YEAR) @RequestParam(required = false)
                              @Min(2000) @Max(2100) Integer year,
                              @Parameter(description = HALF) @RequestParam(required = false)
                              @Min(1) @Max(2) Integer half) {
        return reports.executors(year(year), half);
    }

    @GetMapping("/ranking")
    @Operation(summary = "Report 4: the groups ranked by a transparent score (formula in the answer)")
    GroupRanking ranking(@Parameter(description = YEAR) @RequestParam(required = false)
                         @Min(2000) @Max(2100) Integer year,
                         @Parameter(description = HALF) @RequestParam(required = false) @Min(1) @Max(2) Integer half) {
        return reports.ranking(year(year), half);
    }

    @GetMapping("/meetings/items")
    @Operation(summary = "The meetings behind a figure of report 1 or 4: of the period (or one of its quarters), of a"
            + " group or all, held, planned, cancelled, or with minutes due, on time or late in the period." + LIST)
    ReportItems<MeetingItem> meetingItems(
            @Parameter(description = YEAR) @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
            @Parameter(description = HALF) @RequestParam(required = false) @Min(1) @Max(2) Integer half,
            @Parameter(description = "1..4, inside the half when one is given")
            @RequestParam(required = false) @Min(1) @Max(4) Integer quarter,
            @Parameter(description = "One group's meetings; every group's when absent")
            @RequestParam(required = false) @Size(min = 1, max = 200) String groupId,
            @Parameter(description = "The figure: meetings planned, held, cancelled (by their day) or minutes due,"
                    + " on time, late (by their due day); every meeting of the period when absent")
            @RequestParam(required = false) MeetingFigure figure,
            @Parameter(description = PAGE) @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @Parameter(description = SIZE) @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return reports.meetingItems(new MeetingFilter(year(year), half, quarter, groupId, figure), page, size);
    }

    @GetMapping("/appeals/items")
    @Operation(summary = "The appeals behind a figure of report 2 (received in the period: the year, a half or a"
            + " month) or of report 3 (by=ASSIGNED: assigned to an executor in the period), narrowed by category,"
            + " territory, channel, executor department and state. Dimensions, dates and terms only: no citizen's"
            + " data." + LIST)
    ReportItems<AppealItem> appealItems(
            @Parameter(description = YEAR) @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
            @Parameter(description = HALF) @RequestParam(required = false) @Min(1) @Max(2) Integer half,
            @Parameter(description = "1..12, inside the half when one is given")
            @RequestParam(required = false) @Min(1) @Max(12) Integer month,
            @Parameter(description = "The day the period applies to: RECEIVED (when absent) or ASSIGNED")
            @RequestParam(required = false) AppealBasis by,
            @Parameter(description = "A category code; OTHER also takes the appeals without one")
            @RequestParam(required = false) @Size(min = 1, max = 200) String category,
            @RequestParam(required = false) @Size(max = 200) String territory,
            @RequestParam(required = false) AppealChannel channel,
            @Parameter(description = "The executor department")
            @RequestParam(required = false) @Size(min = 1, max = 200) String department,
            @Parameter(description = "The appeal's state now")
            @RequestParam(required = false) AppealState state,
            @Parameter(description = "The figure; every appeal of the period and filters when absent")
            @RequestParam(required = false) AppealFigure figure,
            @Parameter(description = PAGE) @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @Parameter(description = SIZE) @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return reports.appealItems(new AppealFilter(year(year), half, month, by, category, territory, channel,
                department, state, figure), page, size);
    }

    @GetMapping("/instructions/items")
    @Operation(summary = "The instructions behind a figure of report 1 (given at a group's meetings), 3 (of an"
            + " executor department) or 4 (by=DUE: due in the period): closed, closed on time, overdue now or"
            + " extended. The events carry no instruction's text: its source, dates and state." + LIST)
    ReportItems<InstructionItem> instructionItems(
            @Parameter(description = YEAR) @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
            @Parameter(description = HALF) @RequestParam(required = false) @Min(1) @Max(2) Integer half,
            @Parameter(description = "The day the period applies to: ISSUED (when absent) or DUE")
            @RequestParam(required = false) InstructionBasis by,
            @Parameter(description = "The executor department")
            @RequestParam(required = false) @Size(min = 1, max = 200) String department,
            @Parameter(description = "Those given at the meetings of this group")
            @RequestParam(required = false) @Size(min = 1, max = 200) String groupId,
            @Parameter(description = "MEETING: given at a meeting of a known group, as report 1's total counts them")
            @RequestParam(required = false) InstructionSource source,
            @Parameter(description = "The instruction's state now")
            @RequestParam(required = false) InstructionState state,
            @Parameter(description = "The figure; every instruction of the period and filters when absent")
            @RequestParam(required = false) InstructionFigure figure,
            @Parameter(description = PAGE) @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @Parameter(description = SIZE) @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return reports.instructionItems(new InstructionFilter(year(year), half, by, department, groupId, source,
                state, figure), page, size);
    }

    @GetMapping("/labels")
    @Operation(summary = "What the codes in the reports mean: meeting statuses, the quarterly rule's verdicts,"
            + " channels and the categories named so far, in the language of Accept-Language (Russian by default)")
    ReportLabels labels(Locale locale) {
        return reports.labels(locale);
    }

    private int year(Integer year) {
        return year != null ? year : LocalDate.now(clock).getYear();
    }
}
