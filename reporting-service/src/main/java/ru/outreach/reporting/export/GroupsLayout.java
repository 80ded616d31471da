package ru.outreach.reporting.export;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import ru.outreach.reporting.report.GroupsReport;
import ru.outreach.reporting.report.GroupsReport.GroupFigures;
import ru.outreach.reporting.report.GroupsReport.LateMinutes;
import ru.outreach.reporting.report.GroupsReport.QuarterRule;

/** Report 1 (the work of the information groups) laid out as three Russian tables. */
final class GroupsLayout {

    static final String TITLE = "Отчёт о работе информационных групп";

    private GroupsLayout() {
    }

    static ReportLayout of(GroupsReport report, LocalDateTime generatedAt) {
        return new ReportLayout(TITLE, report.period().label(), Formats.moment(generatedAt), List.of(
                new ReportLayout.Section("Встречи и протоколы", meetings(report)),
                new ReportLayout.Section("Вопросы и поручения", questions(report)),
                new ReportLayout.Section("Опоздания протоколов", lateMinutes(report))));
    }

    private static Table meetings(GroupsReport report) {
        List<QuarterRule> quarters = report.total() == null ? List.of() : report.total().quarters();
        List<String> headers = new ArrayList<>(List.of("Информационная группа", "Встреч запланировано",
                "Встреч проведено", "Встреч отменено"));
        quarters.forEach(q -> headers.add("Правило, " + Quarters.label(q)));
        headers.addAll(List.of("Жителей на встречах", "В среднем на встрече", "Протоколов к сдаче",
                "Сдано в срок", "Доля сданных в срок"));
        float[] widths = widths(headers.size(), 3.2f);
        for (int q = 0; q < quarters.size(); q++) {
            widths[4 + q] = 1.6f;
        }
        List<List<Cell>> rows = rows(report).map(g -> {
            List<Cell> row = new ArrayList<>(List.of(Cell.text(g.groupName()), Cell.count(g.meetingsPlanned()),
                    Cell.count(g.meetingsHeld()), Cell.count(g.meetingsCancelled())));
            quarters.forEach(q -> row.add(Cell.text(Quarters.verdict(g.quarters(), q))));
            row.addAll(List.of(Cell.count(g.residentsTotal()), Cell.decimal(g.residentsAverage()),
                    Cell.count(g.minutesDue()), Cell.count(g.minutesOnTime()), Cell.share(g.minutesOnTimeShare())));
            return row;
        }).toList();
        return new Table("Встречи, квартальное правило (не реже одной встречи в квартал) и сдача протоколов", headers, widths, rows,
                report.total() == null ? 0 : 1);
    }

    private static Table questions(GroupsReport report) {
        List<String> headers = List.of("Информационная группа", "Вопросов", "Замечаний", "Предложений",
                "Принято предложений", "Карточек личного приёма", "Письменных обращений", "Поручений дано",
                "Поручений закрыто", "Закрыто в срок", "Просрочено сейчас", "Средний срок исполнения, дн.");
        List<List<Cell>> rows = rows(report).map(g -> List.of(Cell.text(g.groupName()), Cell.count(g.questions()),
                Cell.count(g.remarks()), Cell.count(g.proposals()), Cell.count(g.proposalsAccepted()),
                Cell.count(g.receptionCards()), Cell.count(g.writtenAppeals()), Cell.count(g.instructionsGiven()),
                Cell.count(g.instructionsClosed()), Cell.count(g.instructionsClosedOnTime()),
                Cell.count(g.instructionsOverdueNow()), Cell.decimal(g.averageDaysToClose()))).toList();
        return new Table("Вопросы жителей, обращения и поручения", headers, widths(headers.size(), 3.2f), rows,
                report.total() == null ? 0 : 1);
    }

    private static Table lateMinutes(GroupsReport report) {
        List<String> headers = List.of("Информационная группа", "Территория", "Дата встречи", "Срок сдачи",
                "Сдан", "Дней опоздания");
        List<LateMinutes> late = report.lateMinutes() == null ? List.of() : report.lateMinutes();
        List<List<Cell>> rows = late.stream().map(m -> List.of(Cell.text(m.groupName()), Cell.text(m.territory()),
                Cell.text(Formats.day(m.heldOn())), Cell.text(Formats.day(m.dueOn())),
                Cell.text(m.handedOverOn() == null ? "не сдан" : Formats.day(m.handedOverOn())),
                Cell.count(m.daysLate()))).toList();
        return new Table("Протоколы, сданные с опозданием или не сданные", headers,
                new float[] {3, 3, 1.3f, 1.3f, 1.3f, 1.2f}, rows, 0);
    }

    private static Stream<GroupFigures> rows(GroupsReport report) {
        List<GroupFigures> groups = report.groups() == null ? List.of() : report.groups();
        if (groups.isEmpty() || report.total() == null) {
            return groups.stream();
        }
        GroupFigures total = report.total();
        return Stream.concat(groups.stream(), Stream.of(renamed(total)));
    }

    private static GroupFigures renamed(GroupFigures t) {
        return new GroupFigures(t.groupId(), "Итого", t.meetingsPlanned(), t.meetingsHeld(), t.meetingsCancelled(),
                t.quarters(), t.residentsTotal(), t.residentsAverage(), t.minutesDue(), t.minutesOnTime(),
                t.minutesOnTimeShare(), t.questions(), t.remarks(), t.proposals(), t.proposalsAccepted(),
                t.receptionCards(), t.writtenAppeals(), t.instructionsGiven(), t.instructionsClosed(),
                t.instructionsClosedOnTime(), t.instructionsOverdueNow(), t.averageDaysToClose());
    }

    private static float[] widths(int columns, float first) {
        float[] widths = new float[columns];
        Arrays.fill(widths, 1);
        widths[0] = first;
        return widths;
    }
}
