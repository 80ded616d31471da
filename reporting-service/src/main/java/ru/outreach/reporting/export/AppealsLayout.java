package ru.outreach.reporting.export;

import java.time.LocalDateTime;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;

import ru.outreach.reporting.report.AppealsReport;
import ru.outreach.reporting.report.Comparison;

/** Report 2 (the analysis of appeals) laid out as Russian tables, each figure beside the previous year's. */
final class AppealsLayout {

    static final String TITLE = "Сводный анализ обращений граждан";
    private static final String SHARE = "answeredWithinTermShare";
    private static final String AVERAGE = "averageDaysToAnswer";

    private AppealsLayout() {
    }

    static ReportLayout of(AppealsReport report, LocalDateTime generatedAt) {
        String period = report.year() + " год в сравнении с " + report.previousYear() + " годом";
        return new ReportLayout(TITLE, period, Formats.moment(generatedAt), List.of(
                section("Итоги", "Основные показатели", "Показатель", report, report.totals()),
                section("По категориям", "Обращения по категориям вопросов", "Категория", report,
                        report.byCategory()),
                section("По территориям", "Обращения по территориям", "Территория", report, report.byTerritory()),
                section("По каналам", "Обращения по каналам поступления", "Канал", report, report.byChannel()),
                section("По месяцам", "Обращения по месяцам поступления", "Месяц", report, months(report))));
    }

    private static ReportLayout.Section section(String sheet, String title, String first, AppealsReport report,
                                                List<Comparison> figures) {
        List<String> headers = List.of(first, report.year() + " г.", report.previousYear() + " г.", "Изменение",
                "Изменение, %");
        List<List<Cell>> rows = new ArrayList<>();
        for (Comparison c : figures == null ? List.<Comparison>of() : figures) {
            rows.add(row(c));
        }
        return new ReportLayout.Section(sheet, new Table(title, headers, new float[] {4, 1.3f, 1.3f, 1.3f, 1.3f},
                rows, 0));
    }

    private static List<Cell> row(Comparison c) {
        String label = c.label() == null || c.label().isBlank() ? c.key() : c.label();
        if (SHARE.equals(c.key())) {
            return List.of(Cell.text(label), Cell.share(c.current()), Cell.share(c.previous()),
                    new Cell.Signed(c.change() * 100, 1, "п. п."), changePercent(c));
        }
        int decimals = AVERAGE.equals(c.key()) ? 1 : 0;
        return List.of(Cell.text(label), new Cell.Number(c.current(), decimals),
                new Cell.Number(c.previous(), decimals), new Cell.Signed(c.change(), decimals, ""),
                changePercent(c));
    }

    private static Cell changePercent(Comparison c) {
        return c.changePercent() == null ? new Cell.Empty() : new Cell.Signed(c.changePercent(), 1, "%");
    }

    private static List<Comparison> months(AppealsReport report) {
        if (report.byMonth() == null) {
            return List.of();
        }
        return report.byMonth().stream().map(c -> new Comparison(c.key(),
                c.label() != null && !c.label().isBlank() ? capital(c.label()) : monthName(c.key()), c.current(),
                c.previous(), c.change(), c.changePercent())).toList();
    }

    private static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String monthName(String key) {
        try {
            return capital(Month.of(Integer.parseInt(key)).getDisplayName(TextStyle.FULL_STANDALONE, Formats.RUSSIAN));
        } catch (RuntimeException notAMonth) {
            return key;
        }
    }
}
