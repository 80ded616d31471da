package ru.outreach.reporting.export;

import ru.outreach.events.meetings.MeetingStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import ru.outreach.reporting.report.AppealsReport;
import ru.outreach.reporting.report.CategoryTerritories;
import ru.outreach.reporting.report.Comparison;
import ru.outreach.reporting.report.ExecutorsReport;
import ru.outreach.reporting.report.GroupMeetings;
import ru.outreach.reporting.report.GroupRanking;
import ru.outreach.reporting.report.GroupsReport;
import ru.outreach.reporting.report.GroupsReport.GroupFigures;
import ru.outreach.reporting.report.GroupsReport.QuarterRule;
import ru.outreach.reporting.report.Period;
import ru.outreach.events.meetings.QuarterlyRule.Verdict;

/** Fixed report records of the first half of 2026 for the export tests and the dashboard's browser test. */
public final class SampleReports {

    public static final Period FIRST_HALF = Period.of(2026, 1);

    private SampleReports() {
    }

    public static GroupsReport groups() {
        GroupFigures north = new GroupFigures("g-north", "Группа № 1 «Северный»", 3, 3, 0,
                List.of(new QuarterRule(2026, 1, 2, Verdict.MET), new QuarterRule(2026, 2, 1, Verdict.MET)), 120, 40.0, 3, 2,
                2.0 / 3, 14, 5, 6, 3, 4, 2, 7, 5, 4, 1, 12.5);
        GroupFigures south = new GroupFigures("g-south", "Группа № 2 «Южный»", 2, 1, 1,
                List.of(new QuarterRule(2026, 1, 1, Verdict.MET), new QuarterRule(2026, 2, 0, Verdict.NOT_MET)), 35, 35.0, 1, 1,
                1.0, 4, 1, 2, 0, 1, 1, 2, 1, 1, 1, 20.0);
        GroupFigures total = new GroupFigures("total", "Итого", 5, 4, 1,
                List.of(new QuarterRule(2026, 1, 3, Verdict.MET), new QuarterRule(2026, 2, 1, Verdict.NOT_MET)), 155, 38.75, 4, 3,
                0.75, 18, 6, 8, 3, 5, 3, 9, 6, 5, 2, 15.0);
        return new GroupsReport(FIRST_HALF, total, List.of(north, south), List.of(
                new GroupsReport.LateMinutes("m-3", "g-north", "Группа № 1 «Северный»", "мкр. Северный",
                        LocalDate.of(2026, 3, 12), LocalDate.of(2026, 3, 19), LocalDate.of(2026, 3, 24), 5)));
    }

    /**
     * The sample's groups and then more, {@code count} in all, with the sample's total: a report that runs over
     * pages. The groups past the sample's two have the northern group's figures.
     */
    public static GroupsReport manyGroups(int count) {
        GroupsReport sample = groups();
        List<GroupFigures> groups = new java.util.ArrayList<>(sample.groups());
        GroupFigures model = groups.getFirst();
        for (int n = groups.size() + 1; n <= count; n++) {
            GroupFigures g = model;
            groups.add(new GroupFigures("g-" + n, "Группа № " + n + " «Район " + n + "»", g.meetingsPlanned(),
                    g.meetingsHeld(), g.meetingsCancelled(), g.quarters(), g.residentsTotal(), g.residentsAverage(),
                    g.minutesDue(), g.minutesOnTime(), g.minutesOnTimeShare(), g.questions(), g.remarks(),
                    g.proposals(), g.proposalsAccepted(), g.receptionCards(), g.writtenAppeals(),
                    g.instructionsGiven(), g.instructionsClosed(), g.instructionsClosedOnTime(),
                    g.instructionsOverdueNow(), g.averageDaysToClose()));
        }
        return new GroupsReport(sample.period(), sample.total(), groups, sample.lateMinutes());
    }

    public static GroupsReport emptyGroups() {
        return new GroupsReport(FIRST_HALF, null, List.of(), List.of());
    }

    public static GroupMeetings northMeetings() {
        return new GroupMeetings("g-north", "Группа № 1 «Северный»", FIRST_HALF, List.of(
                new GroupMeetings.MeetingRow("m-1", "мкр. Северный", MeetingStatus.HELD, LocalDate.of(2026, 2, 5), 45,
                        LocalDate.of(2026, 2, 12), LocalDate.of(2026, 2, 10), false, 6, 2, 1, 1, 3),
                new GroupMeetings.MeetingRow("m-3", "мкр. Северный", MeetingStatus.HELD, LocalDate.of(2026, 3, 12), 50,
                        LocalDate.of(2026, 3, 19), LocalDate.of(2026, 3, 24), true, 5, 3, 2, 1, 2),
                new GroupMeetings.MeetingRow("m-4", "Школа № 7", MeetingStatus.HELD, LocalDate.of(2026, 5, 20), 25,
                        LocalDate.of(2026, 5, 27), null, null, 3, 1, 1, 0, 2)));
    }

    public static AppealsReport appeals() {
        return new AppealsReport(2026, 2025,
                List.of(Comparison.of("appeals", "Поступило обращений", 240, 200),
                        Comparison.of("answeredWithinTerm", "Дан ответ в срок", 210, 180),
                        Comparison.of("answeredWithinTermShare", "Доля ответов в срок", 0.875, 0.9),
                        Comparison.of("averageDaysToAnswer", "Средний срок ответа, дн.", 17.4, 19.0),
                        Comparison.of("extensions", "Продлений срока", 6, 9),
                        Comparison.of("redirects", "Перенаправлено по компетенции", 12, 10),
                        Comparison.of("repeated", "Повторных", 8, 8),
                        Comparison.of("openAtEnd", "На рассмотрении на конец года", 15, 0)),
                List.of(Comparison.of("ROADS", "Дороги и благоустройство", 90, 70),
                        Comparison.of("HOUSING", "ЖКХ", 80, 95),
                        Comparison.of("SOCIAL", "Социальная защита", 70, 35)),
                List.of(Comparison.of("Северный", "мкр. Северный", 130, 100),
                        Comparison.of("Южный", "мкр. Южный", 110, 100)),
                List.of(Comparison.of("WRITTEN", "Письменно", 150, 140),
                        Comparison.of("RECEPTION", "Личный приём", 90, 60)),
                List.of(Comparison.of("1", "Январь", 20, 18), Comparison.of("2", "Февраль", 25, 15)));
    }

    public static AppealsReport emptyAppeals() {
        return new AppealsReport(2026, 2025, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public static CategoryTerritories roadsTerritories() {
        return new CategoryTerritories(2026, "ROADS", "Дороги и благоустройство", List.of(
                Comparison.of("Северный", "мкр. Северный", 60, 40),
                Comparison.of("Южный", "мкр. Южный", 30, 30)));
    }

    public static ExecutorsReport executors() {
        return new ExecutorsReport(FIRST_HALF, List.of(
                new ExecutorsReport.ExecutorRow("Управление ЖКХ", 12, 10, 8, 1, 40, 38, 35, 2, 3, 1, 2),
                new ExecutorsReport.ExecutorRow("Отдел благоустройства", 6, 6, 6, 0, 20, 20, 19, 0, 1, 0, 1)));
    }

    public static GroupRanking ranking() {
        return new GroupRanking(FIRST_HALF,
                "Балл = 100 × (0,4 × регулярность + 0,2 × протоколы в срок + 0,2 × поручения в срок + 0,2 × охват жителей)",
                Map.of("regularity", 0.4, "minutesOnTime", 0.2, "instructionsOnTime", 0.2, "residentsReached", 0.2),
                List.of(new GroupRanking.RankedGroup(1, "g-north", "Группа № 1 «Северный»", 89.3, 1.0, 0.667, 0.8,
                                1.0),
                        new GroupRanking.RankedGroup(2, "g-south", "Группа № 2 «Южный»", 65.8, 0.5, 1.0, 1.0, 0.292)));
    }
}
