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

import ru.outreach.reporting.query.ReportService;
import ru.outreach.reporting.report.AppealsReport;
import ru.outreach.reporting.report.GroupsReport;

/**
 * Downloads of report 1 (the groups) and report 2 (the appeals) as XLSX and PDF. Like the JSON API, the year defaults
 * to the current one and the whole year is meant when no half is given.
 */
@RestController
@RequestMapping("/api/reports")
class ExportController {

    private final ReportService reports;
    private final Clock clock;

    ExportController(ReportService reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/groups.xlsx")
    ResponseEntity<byte[]> groupsXlsx(@RequestParam(required = false) Integer year,
                                      @RequestParam(required = false) Integer half) {
        int y = yearOrCurrent(year);
        GroupsReport report = reports.groups(y, half);
        return new Download(Exports.groupsXlsx(report, now()), Download.XLSX, groupsName(y, half, "xlsx"),
                groupsRussianName(report, "xlsx")).response();
    }

    @GetMapping("/groups.pdf")
    ResponseEntity<byte[]> groupsPdf(@RequestParam(required = false) Integer year,
                                      @RequestParam(required = false) Integer half) {
        int y = yearOrCurrent(year);
        GroupsReport report = reports.groups(y, half);
        return new Download(Exports.groupsPdf(report, now()), MediaType.APPLICATION_PDF,
                groupsName(y, half, "pdf"), groupsRussianName(report, "pdf")).response();
    }

    @GetMapping("/appeals.xlsx")
    ResponseEntity<byte[]> appealsXlsx(@RequestParam(required = false) Integer year) {
        int y = yearOrCurrent(year);
        AppealsReport report = reports.appeals(y);
        return new Download(Exports.appealsXlsx(report, now()), Download.XLSX, "appeals-" + y + ".xlsx",
                appealsRussianName(y, "xlsx")).response();
    }

    @GetMapping("/appeals.pdf")
    ResponseEntity<byte[]> appealsPdf(@RequestParam(required = false) Integer year) {
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
