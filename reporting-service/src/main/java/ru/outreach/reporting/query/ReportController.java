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
import ru.outreach.reporting.report.AppealsReport;
import ru.outreach.reporting.report.CategoryTerritories;
import ru.outreach.reporting.report.ExecutorsReport;
import ru.outreach.reporting.report.GroupMeetings;
import ru.outreach.reporting.report.GroupRanking;
import ru.outreach.reporting.report.GroupsReport;
import ru.outreach.reporting.report.ReportLabels;

@RestController
@RequestMapping("/api/reports")
@Tag(name = "reports", description = "The head's half-year and yearly analysis, from the read models")
class ReportController {

    private static final String YEAR = "Year, 2000..2100; the current year when absent";
    private static final String HALF = "1 or 2 for a half of the year; the whole year when absent";

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
