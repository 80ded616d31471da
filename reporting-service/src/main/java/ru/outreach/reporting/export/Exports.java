package ru.outreach.reporting.export;

import java.time.LocalDateTime;

import ru.outreach.reporting.report.AppealsReport;
import ru.outreach.reporting.report.GroupsReport;

/** The exports as pure functions: a report record and the moment of generation in, the file's bytes out. */
public final class Exports {

    private Exports() {
    }

    public static byte[] groupsXlsx(GroupsReport report, LocalDateTime generatedAt) {
        return XlsxRenderer.render(GroupsLayout.of(report, generatedAt));
    }

    public static byte[] groupsPdf(GroupsReport report, LocalDateTime generatedAt) {
        return PdfRenderer.render(GroupsLayout.of(report, generatedAt));
    }

    public static byte[] appealsXlsx(AppealsReport report, LocalDateTime generatedAt) {
        return XlsxRenderer.render(AppealsLayout.of(report, generatedAt));
    }

    public static byte[] appealsPdf(AppealsReport report, LocalDateTime generatedAt) {
        return PdfRenderer.render(AppealsLayout.of(report, generatedAt));
    }
}
