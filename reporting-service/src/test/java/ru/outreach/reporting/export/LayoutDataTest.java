package ru.outreach.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.outreach.events.meetings.QuarterlyRule.Verdict;
import ru.outreach.reporting.report.AppealsReport;
import ru.outreach.reporting.report.Comparison;
import ru.outreach.reporting.report.GroupsReport;
import ru.outreach.reporting.report.GroupsReport.GroupFigures;
import ru.outreach.reporting.report.GroupsReport.QuarterRule;

/** The exports' tables show the report's data as it is: the verdicts computed by the query, the figures it lists. */
class LayoutDataTest {

    private static final LocalDateTime AT = LocalDateTime.of(2026, 7, 20, 9, 0);

    @Test
    void theQuarterlyVerdictIsTheReportsNotRecomputed() {
        GroupsReport sample = SampleReports.groups();
        GroupFigures late = new GroupFigures("g-new", "Группа № 3 «Центр»", 0, 0, 0,
                List.of(new QuarterRule(2026, 1, 0, Verdict.NOT_FORMED), new QuarterRule(2026, 2, 0,
                        Verdict.IN_PROGRESS)), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null);
        GroupsReport report = new GroupsReport(sample.period(), sample.total(),
                List.of(sample.groups().get(0), late), sample.lateMinutes());

        Table meetings = GroupsLayout.of(report, AT).sections().get(0).table();
        assertThat(meetings.headers()).contains("Правило, I кв. 2026", "Правило, II кв. 2026");
        assertThat(texts(meetings.rows().get(1))).as("a quarter that ended before the group was formed")
                .contains("группа не образована", "квартал идёт (0)");
        assertThat(texts(meetings.rows().get(0))).contains("выполнено (2)", "выполнено (1)");
    }

    @Test
    void theAnsweredFigureIsExportedBesideTheAnsweredInTerm() {
        AppealsReport report = new AppealsReport(2026, 2025, List.of(
                Comparison.of("appeals", "Поступило обращений", 5, 2),
                Comparison.of("answered", "Отвечено", 2, 2),
                Comparison.of("answeredWithinTerm", "Отвечено в срок", 2, 1)), List.of(), List.of(), List.of(),
                List.of());
        Table totals = AppealsLayout.of(report, AT).sections().get(0).table();
        assertThat(totals.rows()).extracting(row -> ((Cell.Text) row.get(0)).value())
                .containsExactly("Поступило обращений", "Отвечено", "Отвечено в срок");
        assertThat(totals.rows().get(1).get(1)).isEqualTo(new Cell.Number(2, 0));
        assertThat(AppealsLayout.of(report, AT).sections().get(4).table().title())
                .isEqualTo("Обращения по месяцам поступления");
    }

    private static List<String> texts(List<Cell> row) {
        return row.stream().filter(Cell.Text.class::isInstance).map(c -> ((Cell.Text) c).value()).toList();
    }
}
