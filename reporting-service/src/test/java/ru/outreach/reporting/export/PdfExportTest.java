package ru.outreach.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import ru.outreach.reporting.report.AppealsReport;
import ru.outreach.reporting.report.Comparison;
import ru.outreach.reporting.report.GroupsReport;

class PdfExportTest {

    private static final LocalDateTime AT = LocalDateTime.of(2026, 7, 3, 9, 30);

    @Test
    void groupsReportIsALandscapeA4WithRussianHeadingsAndFigures() throws IOException {
        byte[] bytes = Exports.groupsPdf(SampleReports.groups(), AT);
        keep("groups.pdf", bytes);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            PDRectangle page = pdf.getPage(0).getMediaBox();
            boolean turned = pdf.getPage(0).getRotation() % 180 != 0;
            float width = turned ? page.getHeight() : page.getWidth();
            float height = turned ? page.getWidth() : page.getHeight();
            assertThat(Math.round(width)).as("A4 landscape width").isEqualTo(842);
            assertThat(Math.round(height)).isEqualTo(595);
            assertThat(embeddedFonts(pdf)).isTrue();
            String text = text(pdf);
            assertThat(text).contains("Отчёт о работе информационных групп", "Период: 1-е полугодие 2026 г.",
                    "Сформировано: 03.07.2026 09:30", "Встречи, квартальное правило",
                    "Группа № 1 «Северный»", "Итого", "выполнено (2)", "не выполнено (0)", "75,0 %",
                    "Протоколы, сданные с опозданием или не сданные", "19.03.2026", "Средний срок исполнения");
        }
    }

    @Test
    void appealsReportShowsTheChangeWithItsSign() throws IOException {
        byte[] bytes = Exports.appealsPdf(SampleReports.appeals(), AT);
        keep("appeals.pdf", bytes);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = text(pdf);
            assertThat(text).contains("Сводный анализ обращений граждан", "2026 год в сравнении с 2025 годом",
                    "Поступило обращений", "240", "200", "+40", "+20,0 %", "Доля ответов в срок", "87,5 %",
                    "−2,5 п. п.", "Социальная защита", "+100,0 %", "Обращения по месяцам", "Январь");
        }
    }

    @Test
    void headerRowRepeatsWhenATableRunsOverPages() throws IOException {
        List<Comparison> many = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            many.add(Comparison.of("t" + i, "Территория " + i, i, i + 1));
        }
        AppealsReport report = new AppealsReport(2026, 2025, List.of(), List.of(), many, List.of(), List.of());
        try (PDDocument pdf = Loader.loadPDF(Exports.appealsPdf(report, AT))) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
            for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String page = stripper.getText(pdf);
                if (page.contains("Территория 1")) {
                    assertThat(page).as("page %d", p).contains("Изменение, %");
                }
            }
        }
    }

    @Test
    void emptyReportSaysThereIsNoData() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(Exports.groupsPdf(SampleReports.emptyGroups(), AT))) {
            assertThat(text(pdf)).contains("Нет данных за период");
        }
    }

    @Test
    void noHeadingOrTotalStandsAloneAtAPageBreak() throws IOException {
        int broken = 0;
        for (int count = 2; count <= 44; count++) {
            GroupsReport report = SampleReports.manyGroups(count);
            byte[] bytes = Exports.groupsPdf(report, AT);
            if (count == 30) {
                keep("groups-many.pdf", bytes);
            }
            broken += checkPageBreaks(bytes, GroupsLayout.of(report, AT), "groups, " + count);
        }
        for (int count = 10; count <= 70; count += 2) {
            List<Comparison> territories = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                territories.add(Comparison.of("t" + i, "Территория " + i, i, i + 1));
            }
            AppealsReport sample = SampleReports.appeals();
            AppealsReport report = new AppealsReport(2026, 2025, sample.totals(), sample.byCategory(), territories,
                    sample.byChannel(), sample.byMonth());
            broken += checkPageBreaks(Exports.appealsPdf(report, AT), AppealsLayout.of(report, AT),
                    "appeals, " + count);
        }
        assertThat(broken).as("pages that go on with a table, so that the check had breaks to check")
                .isGreaterThan(10);
    }

    /**
     * On every page: each section's heading is followed there by its table's header and first row (or by «no
     * data»), and an «Итого» row has a body row before it. Returns how many tables ran over a page.
     */
    private static int checkPageBreaks(byte[] bytes, ReportLayout layout, String what) throws IOException {
        int broken = 0;
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                stripper.setSortByPosition(true);
                List<String> lines = stripper.getText(pdf).replace('\u00a0', ' ').lines().map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.contains("— стр. ")).toList();
                String where = what + ", page " + p + ":\n" + String.join("\n", lines);
                for (ReportLayout.Section section : layout.sections()) {
                    Table table = section.table();
                    int heading = lines.indexOf(table.title());
                    if (heading < 0) {
                        continue;
                    }
                    List<String> after = lines.subList(heading + 1, lines.size());
                    if (table.isEmpty()) {
                        assertThat(after).as(where).first().isEqualTo("Нет данных за период");
                        continue;
                    }
                    int header = indexOfStart(after, table.headers().getFirst());
                    assertThat(header).as("the header under «%s» on %s", table.title(), where).isGreaterThanOrEqualTo(0);
                    String first = Formats.text(table.rows().getFirst().getFirst());
                    String firstWords = String.join(" ", Arrays.asList(first.split(" ")).subList(0,
                            Math.min(2, first.split(" ").length)));
                    assertThat(indexOfStart(after.subList(header + 1, after.size()), firstWords))
                            .as("the first row under «%s» on %s", table.title(), where).isGreaterThanOrEqualTo(0);
                }
                int total = indexOfStart(lines, "Итого");
                if (total >= 0) {
                    assertThat(indexOfStart(lines.subList(0, total), "Группа №"))
                            .as("a group's row before «Итого» on %s", where).isGreaterThanOrEqualTo(0);
                }
                if (p > 1 && lines.stream().noneMatch(line -> layout.sections().stream()
                        .anyMatch(s -> s.table().title().equals(line)))) {
                    broken++;
                }
            }
        }
        return broken;
    }

    private static int indexOfStart(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i;
            }
        }
        return -1;
    }

    /** Leaves the file under target/exports for a look by eye. */
    private static void keep(String name, byte[] bytes) throws IOException {
        Path file = Path.of("target", "exports", name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private static String text(PDDocument pdf) throws IOException {
        return new PDFTextStripper().getText(pdf).replace('\u00a0', ' ').replaceAll("\\s+", " ");
    }

    private static boolean embeddedFonts(PDDocument pdf) throws IOException {
        for (var name : pdf.getPage(0).getResources().getFontNames()) {
            PDFont font = pdf.getPage(0).getResources().getFont(name);
            if (!font.isEmbedded()) {
                return false;
            }
        }
        return true;
    }
}
