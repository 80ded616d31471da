package ru.outreach.reporting.export;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import ru.outreach.reporting.query.ReportService;
import ru.outreach.reporting.report.AppealsReport;
import ru.outreach.reporting.report.GroupsReport;

/**
 * Downloads of report 1 (the groups) and report 2 (the appeals) as XLSX and PDF. Like the JSON API, the year defaults
 * to the current one and the whole year is meant when no half is given.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "exports", description = "Reports 1 and 2 as files to download: XLSX and PDF")
class ExportController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String YEAR = "Year, 2000..2100; the current year when absent";
    private static final String HALF = "1 or 2 for a half of the year; the whole year when absent";

    private final ReportService reports;
    private final Clock clock;

    ExportController(ReportService reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping(path = "/groups.xlsx", produces = XLSX)
    @Operation(summary = "Report 1 (the work of the information groups) as an XLSX workbook")
    ResponseEntity<byte[]> groupsXlsx(@Parameter(description = YEAR) @RequestParam(required = false)
                                      @Min(2000) @Max(2100) Integer year,
                                      @Parameter(description = HALF) @RequestParam(required = false)
                                      @Min(1) @Max(2) Integer half) {
        int y = yearOrCurrent(year);
        GroupsReport report = reports.groups(y, half);
        return new Download(Exports.groupsXlsx(report, now()), Download.XLSX, groupsName(y, half, "xlsx"),
                groupsRussianName(report, "xlsx")).response();
    }

    @GetMapping(path = "/groups.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Report 1 (the work of the information groups) as a PDF document")
    ResponseEntity<byte[]> groupsPdf(@Parameter(description = YEAR) @RequestParam(required = false)
                                     @Min(2000) @Max(2100) Integer year,
                                     @Parameter(description = HALF) @RequestParam(required = false)
                                     @Min(1) @Max(2) Integer half) {
        int y = yearOrCurrent(year);
        GroupsReport report = reports.groups(y, half);
        return new Download(Exports.groupsPdf(report, now()), MediaType.APPLICATION_PDF,
                groupsName(y, half, "pdf"), groupsRussianName(report, "pdf")).response();
    }

    @GetMapping(path = "/appeals.xlsx", produces = XLSX)
    @Operation(summary = "Report 2 (appeals of a year beside the previous one) as an XLSX workbook")
    ResponseEntity<byte[]> appealsXlsx(@Parameter(description = YEAR) @RequestParam(required = false)
                                       @Min(2000) @Max(2100) Integer year) {
        int y = yearOrCurrent(year);
        AppealsReport report = reports.appeals(y);
        return new Download(Exports.appealsXlsx(report, now()), Download.XLSX, "appeals-" + y + ".xlsx",
                appealsRussianName(y, "xlsx")).response();
    }

    @GetMapping(path = "/appeals.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Report 2 (appeals of a year beside the previous one) as a PDF document")
    ResponseEntity<byte[]> appealsPdf(@Parameter(description = YEAR) @RequestParam(required = false)
                                      @Min(2000) @Max(2100) Integer year) {
        int y = yearOrCurrent(year);
        AppealsReport report = reports.appeals(y);
        return new Download(Exports.appealsPdf(report, now()), MediaType.APPLICATION_PDF,
                "appeals-" + y + ".pdf", appealsRussianName(y, "pdf")).response();
    }

    private int yearOrCurrent(Integer year) {
        return year != null ? year : LocalDate.now(clock).getYear();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static String groupsName(int year, Integer half, String extension) {
        return "groups-" + year + (half == null ? "" : "-h" + half) + "." + extension;
    }

    private static String groupsRussianName(GroupsReport report, String extension) {
        return "Работа информационных групп, " + report.period().label() + "." + extension;
    }

    private static String appealsRussianName(int year, String extension) {
        return "Анализ обращений граждан, " + year + " год." + extension;
    }
}
