package ru.outreach.reporting.query;

import ru.outreach.events.appeals.AppealState;
import ru.outreach.events.appeals.InstructionState;
import ru.outreach.events.meetings.MeetingStatus;
import ru.outreach.events.meetings.QuarterlyRule.Verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import ru.outreach.kit.support.NotFoundException;
import ru.outreach.reporting.fixture.Scenario;
import ru.outreach.reporting.fixture.TestStore;
import ru.outreach.reporting.projection.Envelope;
import ru.outreach.reporting.projection.Projection;
import ru.outreach.reporting.report.AppealsReport;
import ru.outreach.reporting.report.Comparison;
import ru.outreach.reporting.report.ExecutorsReport.ExecutorRow;
import ru.outreach.reporting.report.GroupMeetings;
import ru.outreach.reporting.report.GroupRanking;
import ru.outreach.reporting.report.GroupsReport;
import ru.outreach.reporting.report.GroupsReport.GroupFigures;
import ru.outreach.reporting.report.ReportLabels;

/** Every figure of the reports on the hand-made scenario, fed straight into the projection over the in-memory store. */
class ReportsTest {

    private static TestStore store;
    private static ReportService reports;

    @BeforeAll
    static void project() {
        store = new TestStore();
        Projection projection = new Projection(store.template(), new SimpleMeterRegistry());
        projection.createIndexes();
        List<Envelope> events = Scenario.events("", 0);
        for (int i = 0; i < events.size(); i += 7) {
            projection.apply(events.subList(i, Math.min(events.size(), i + 7)));
        }
        reports = service(store, Clock.fixed(Scenario.today(0).atTime(9, 0).atZone(ZoneId.of("Europe/Moscow"))
                .toInstant(), ZoneId.of("Europe/Moscow")));
    }

    static ReportService service(TestStore store, Clock clock) {
        CellReader cells = new CellReader(store.template());
        OverdueReader overdue = new OverdueReader(cells);
        GroupsQuery groups = new GroupsQuery(cells, overdue, store.template(), clock);
        CategoryNames categories = new CategoryNames(store.template());
        return new ReportService(groups, new AppealsQuery(cells, categories),
                new ExecutorsQuery(cells, overdue, clock), new RankingQuery(groups, clock), categories,
                Labels.messages(), new MeetingItemsQuery(store.template(), groups, clock),
                new AppealItemsQuery(store.template(), categories, clock),
                new InstructionItemsQuery(store.template(), groups, clock));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void groupsOfTheYear() {
        GroupsReport report = reports.groups(2026, null);
        GroupFigures north = group(report, "G1");
        assertThat(north.groupName()).isEqualTo("Север");
        assertThat(List.of(north.meetingsPlanned(), north.meetingsHeld(), north.meetingsCancelled()))
                .containsExactly(3L, 3L, 0L);
        assertThat(north.residentsTotal()).as("a duplicate MeetingHeld with 99 residents changes nothing")
                .isEqualTo(62);
        assertThat(north.residentsAverage()).isEqualTo(20.6667);
        assertThat(List.of(north.minutesDue(), north.minutesOnTime()))
                .as("M5, held yesterday, is not due yet: it does not lower the on-time share")
                .containsExactly(2L, 1L);
        assertThat(north.minutesOnTimeShare()).isEqualTo(0.5);
        assertThat(north.questions()).as("the older MinutesRecorded of M2 (100 questions) changes nothing")
                .isEqualTo(6);
        assertThat(List.of(north.remarks(), north.proposals(), north.proposalsAccepted(), north.receptionCards(),
                north.writtenAppeals())).containsExactly(2L, 3L, 1L, 1L, 2L);
        assertThat(List.of(north.instructionsGiven(), north.instructionsClosed(), north.instructionsClosedOnTime(),
                north.instructionsOverdueNow())).containsExactly(1L, 1L, 1L, 0L);
        assertThat(north.averageDaysToClose()).isEqualTo(52.0);
        assertThat(north.quarters()).extracting(GroupsReport.QuarterRule::rule)
                .containsExactly(Verdict.MET, Verdict.MET, Verdict.MET, Verdict.NOT_STARTED);

        GroupFigures south = group(report, "G2");
        assertThat(List.of(south.meetingsPlanned(), south.meetingsHeld(), south.meetingsCancelled()))
                .containsExactly(3L, 2L, 1L);
        assertThat(south.quarters()).extracting(GroupsReport.QuarterRule::rule)
                .as("Q2 ended with only a cancelled meeting")
                .containsExactly(Verdict.MET, Verdict.NOT_MET, Verdict.MET, Verdict.NOT_STARTED);
        assertThat(List.of(south.minutesDue(), south.minutesOnTime(), south.instructionsGiven(),
                south.instructionsOverdueNow()))
                .as("M6, held ten days ago, is due (17 Jul) and not handed over").containsExactly(2L, 0L, 1L, 1L);
        assertThat(south.averageDaysToClose()).isNull();

        GroupFigures centre = group(report, "G3");
        assertThat(centre.quarters()).extracting(GroupsReport.QuarterRule::rule)
                .as("formed on 4 May: Q1 ended before, Q2 ended without a meeting")
                .containsExactly(Verdict.NOT_FORMED, Verdict.NOT_MET, Verdict.IN_PROGRESS, Verdict.NOT_STARTED);

        assertThat(report.total().meetingsHeld()).isEqualTo(5);
        assertThat(report.total().residentsTotal()).isEqualTo(80);
        assertThat(List.of(report.total().minutesDue(), report.total().minutesOnTime())).containsExactly(4L, 1L);
        assertThat(report.total().quarters()).extracting(GroupsReport.QuarterRule::rule)
                .as("Q1: met by every group formed by then; Q3: G3 has not met it yet")
                .containsExactly(Verdict.MET, Verdict.NOT_MET, Verdict.IN_PROGRESS, Verdict.NOT_STARTED);
        assertThat(report.lateMinutes()).extracting(GroupsReport.LateMinutes::meetingId, GroupsReport.LateMinutes::daysLate)
                .as("M5 is not due yet; M6 is three days late")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("M3", 130L),
                        org.assertj.core.groups.Tuple.tuple("M2", 6L), org.assertj.core.groups.Tuple.tuple("M6", 3L));
        assertThat(report.lateMinutes().get(0).handedOverOn()).isNull();
    }

    @Test
    void halfYearsSplitTheFigures() {
        GroupFigures north = group(reports.groups(2026, 1), "G1");
        assertThat(north.meetingsHeld()).isEqualTo(2);
        assertThat(north.quarters()).hasSize(2);
        GroupFigures secondHalf = group(reports.groups(2026, 2), "G1");
        assertThat(secondHalf.meetingsHeld()).isEqualTo(1);
        assertThat(secondHalf.minutesDue()).as("held yesterday: not due yet").isZero();
        assertThat(secondHalf.minutesOnTimeShare()).isZero();
        assertThat(group(reports.groups(2026, 2), "G2").minutesDue()).as("held ten days ago: due").isEqualTo(1);
    }

    @Test
    void minutesBecomeDueAsTheClockMovesWithoutAnyEvent() {
        ReportService tenDaysLater = service(store, Clock.fixed(Scenario.today(0).plusDays(10).atTime(9, 0)
                .atZone(ZoneId.of("Europe/Moscow")).toInstant(), ZoneId.of("Europe/Moscow")));
        GroupFigures north = group(tenDaysLater.groups(2026, null), "G1");
        assertThat(List.of(north.minutesDue(), north.minutesOnTime())).as("M5's due day, 24 Jul, has passed")
                .containsExactly(3L, 1L);
        assertThat(north.minutesOnTimeShare()).isEqualTo(0.3333);
        GroupRanking.RankedGroup ranked = tenDaysLater.ranking(2026, null).groups().stream()
                .filter(g -> "G1".equals(g.groupId())).findFirst().orElseThrow();
        assertThat(ranked.minutesOnTime()).isEqualTo(0.3333);
        ReportService onTheDueDay = service(store, Clock.fixed(Scenario.today(0).plusDays(4).atTime(9, 0)
                .atZone(ZoneId.of("Europe/Moscow")).toInstant(), ZoneId.of("Europe/Moscow")));
        assertThat(group(onTheDueDay.groups(2026, null), "G1").minutesDue())
                .as("on the due day itself the minutes can still be handed over on time").isEqualTo(2);
    }

    @Test
    void groupMeetingsDrillDown() {
        GroupMeetings meetings = reports.groupMeetings("G1", 2026, 1);
        assertThat(meetings.groupName()).isEqualTo("Север");
        assertThat(meetings.meetings()).extracting(GroupMeetings.MeetingRow::meetingId).containsExactly("M1", "M2");
        GroupMeetings.MeetingRow m2 = meetings.meetings().get(1);
        assertThat(m2.status()).isEqualTo(MeetingStatus.HELD);
        assertThat(m2.minutesLate()).isTrue();
        assertThat(m2.residentsAttended()).isEqualTo(20);
        assertThat(meetings.meetings().get(0).minutesLate()).isFalse();
        assertThat(reports.groupMeetings("G2", 2026, null).meetings()).extracting(GroupMeetings.MeetingRow::status)
                .containsExactly(MeetingStatus.HELD, MeetingStatus.CANCELLED, MeetingStatus.HELD);
        assertThatThrownBy(() -> reports.groupMeetings("nobody", 2026, null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void appealsOfTheYearBesideThePrevious() {
        AppealsReport report = reports.appeals(2026);
        Map<String, Comparison> totals = byKey(report.totals());
        assertThat(report.totals()).extracting(Comparison::key).containsExactly("appeals", "answered",
                "answeredWithinTerm", "answeredWithinTermShare", "averageDaysToAnswer", "extensions", "redirects",
                "repeated", "openAtEnd");
        assertThat(totals.get("appeals").current()).as("A7 counts while it waits for registration").isEqualTo(5);
        assertThat(totals.get("appeals").previous()).as("A6, received 30 Dec 2025, registered 12 Jan 2026")
                .isEqualTo(2);
        assertThat(totals.get("answered").label()).isEqualTo("Отвечено");
        assertThat(List.of(totals.get("answered").current(), totals.get("answered").previous()))
                .containsExactly(2.0, 2.0);
        assertThat(totals.get("answeredWithinTerm").current()).as("A2 answered within its extended term")
                .isEqualTo(2);
        assertThat(totals.get("answeredWithinTerm").previous()).as("A6").isEqualTo(1);
        assertThat(totals.get("answeredWithinTermShare").current()).isEqualTo(1.0);
        assertThat(totals.get("answeredWithinTermShare").previous()).isEqualTo(0.5);
        assertThat(totals.get("averageDaysToAnswer").current()).isEqualTo(36.0);
        assertThat(totals.get("averageDaysToAnswer").previous()).as("36 and 24 days from registration")
                .isEqualTo(30.0);
        assertThat(totals.get("extensions").current()).isEqualTo(1);
        assertThat(totals.get("redirects").current()).isEqualTo(1);
        assertThat(totals.get("repeated").current()).isEqualTo(1);
        assertThat(totals.get("openAtEnd").current()).as("A3, A7").isEqualTo(2);
        assertThat(totals.get("openAtEnd").previous()).as("A5 and A6 answered only in 2026").isEqualTo(2);

        Comparison roads = byKey(report.byCategory()).get("ROADS");
        assertThat(roads.label()).as("the latest name by day, not the last to arrive").isEqualTo("Дороги");
        assertThat(List.of(roads.current(), roads.previous(), roads.change())).containsExactly(3.0, 1.0, 2.0);
        assertThat(roads.changePercent()).isEqualTo(200.0);
        assertThat(byKey(report.byCategory()).get("HOUSING").changePercent()).isEqualTo(0.0);
        assertThat(report.byCategory()).extracting(Comparison::key, Comparison::label).as("named first, by name")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ROADS", "Дороги"),
                        org.assertj.core.groups.Tuple.tuple("HOUSING", "Жилищно-коммунальное хозяйство"),
                        org.assertj.core.groups.Tuple.tuple("OTHER", "OTHER"));
        assertThat(report.byChannel()).extracting(Comparison::key)
                .containsExactly("POST", "IN_PERSON", "ELECTRONIC", "PERSONAL_RECEPTION", "MEETING");
        assertThat(byKey(report.byChannel()).get("MEETING").label()).isEqualTo("Выездная встреча");
        assertThat(byKey(report.byChannel()).get("MEETING").current()).isEqualTo(2);
        assertThat(byKey(report.byChannel()).get("POST").current()).isEqualTo(1);
        assertThat(report.byTerritory()).extracting(Comparison::key).containsExactly("Северный", "Южный");
        assertThat(report.byMonth()).hasSize(12);
        assertThat(report.byMonth()).extracting(Comparison::current).as("by the month of receipt")
                .containsExactly(1.0, 1.0, 1.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        assertThat(report.byMonth().get(0).label()).isEqualTo("январь");
        assertThat(report.byMonth().get(11).previous()).as("A5 and A6 (received 30 Dec)").isEqualTo(2);
        assertThat(reports.appeals(2025).byMonth().get(0).current()).as("A6 is not January 2026's").isZero();
    }

    @Test
    void categoryTerritories() {
        var drill = reports.categoryTerritories("ROADS", 2026);
        assertThat(drill.categoryLabel()).isEqualTo("Дороги");
        Map<String, Comparison> territories = byKey(drill.byTerritory());
        assertThat(territories.get("Северный").current()).isEqualTo(2);
        assertThat(territories.get("Северный").previous()).isEqualTo(1);
        assertThat(territories.get("Южный").current()).isEqualTo(1);
        assertThat(territories.get("Южный").previous()).isZero();
    }

    @Test
    void executors() {
        Map<String, ExecutorRow> rows = reports.executors(2026, null).executors().stream()
                .collect(Collectors.toMap(ExecutorRow::department, Function.identity()));
        ExecutorRow housing = rows.get("Отдел ЖКХ");
        assertThat(List.of(housing.instructionsAssigned(), housing.instructionsClosed(),
                housing.instructionsClosedOnTime(), housing.instructionsOverdueNow(), housing.appealsAssigned(),
                housing.appealsAnswered(), housing.appealsAnsweredOnTime(), housing.appealsOverdueNow(),
                housing.extensionsAsked())).containsExactly(2L, 2L, 1L, 0L, 1L, 1L, 1L, 0L, 2L);
        ExecutorRow roads = rows.get("Отдел дорог");
        assertThat(List.of(roads.instructionsAssigned(), roads.instructionsClosed(), roads.instructionsOverdueNow(),
                roads.appealsAssigned(), roads.appealsAnswered(), roads.appealsAnsweredOnTime(),
                roads.appealsOverdueNow(), roads.extensionsAsked())).containsExactly(1L, 0L, 1L, 2L, 1L, 1L, 1L, 0L);
        assertThat(reports.executors(2026, 2).executors()).as("nothing was assigned in the second half").isEmpty();
    }

    @Test
    void ranking() {
        GroupRanking ranking = reports.ranking(2026, 1);
        assertThat(ranking.formula()).startsWith("Балл = 100 × (0,35 × Регулярность");
        assertThat(ranking.weights().values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(1.0,
                within(1e-9));
        GroupRanking.RankedGroup first = ranking.groups().get(0);
        assertThat(first.groupId()).isEqualTo("G1");
        assertThat(first.rank()).isEqualTo(1);
        assertThat(List.of(first.regularity(), first.minutesOnTime(), first.instructionsOnTime(),
                first.residentsReached())).containsExactly(1.0, 0.5, 1.0, 1.0);
        assertThat(first.score()).isEqualTo(87.5);
        GroupRanking.RankedGroup second = ranking.groups().get(1);
        assertThat(List.of(second.regularity(), second.minutesOnTime(), second.instructionsOnTime(),
                second.residentsReached())).containsExactly(0.5, 0.0, 0.0, 0.2);
        assertThat(second.score()).isEqualTo(20.5);
        GroupRanking.RankedGroup third = ranking.groups().get(2);
        assertThat(third.groupId()).isEqualTo("G3");
        assertThat(third.regularity()).as("Q1 ended before G3 was formed: only Q2 counts").isZero();

        GroupRanking.RankedGroup year = reports.ranking(2026, null).groups().get(0);
        assertThat(year.groupId()).isEqualTo("G1");
        assertThat(List.of(year.regularity(), year.minutesOnTime())).as("M5, held yesterday, lowers nothing")
                .containsExactly(1.0, 0.5);
        assertThat(year.score()).isEqualTo(87.5);
    }

    @Test
    void labelsComeFromTheContractAndTheEvents() {
        ReportLabels russian = reports.labels(Locale.forLanguageTag("ru"));
        assertThat(russian.statuses()).containsOnlyKeys(Arrays.stream(MeetingStatus.values()).map(Enum::name)
                .toList());
        assertThat(russian.statuses()).containsEntry("VENUE_AGREED", "место согласовано")
                .containsEntry("RESCHEDULED", "перенесена").doesNotContainKeys("MINUTES_RECORDED",
                        "MINUTES_HANDED_OVER");
        assertThat(russian.verdicts()).containsOnlyKeys(Arrays.stream(Verdict.values()).map(Enum::name).toList())
                .containsEntry("NOT_FORMED", "группа не образована").containsEntry("MET", "выполнено");
        assertThat(russian.channels()).containsEntry("MEETING", "Выездная встреча").hasSize(5);
        assertThat(russian.appealStates()).containsOnlyKeys(Arrays.stream(AppealState.values()).map(Enum::name)
                .toList()).containsEntry("REDIRECTED", "перенаправлено по компетенции");
        assertThat(russian.instructionStates()).containsOnlyKeys(Arrays.stream(InstructionState.values())
                .map(Enum::name).toList()).containsEntry("CLOSED", "снято с контроля");
        assertThat(russian.categories()).containsExactly(Map.entry("ROADS", "Дороги"),
                Map.entry("HOUSING", "Жилищно-коммунальное хозяйство"));
        ReportLabels english = reports.labels(Locale.ENGLISH);
        assertThat(english.statuses()).containsEntry("VENUE_AGREED", "venue agreed");
        assertThat(english.verdicts()).containsEntry("NOT_FORMED", "group not formed yet");
        assertThat(english.instructionStates()).containsEntry("RETURNED", "returned for rework");
        assertThat(Labels.verdict(Verdict.NOT_FORMED)).isEqualTo("группа не образована");
        assertThat(Labels.channel("NEW_CHANNEL")).as("an unknown code as it is").isEqualTo("NEW_CHANNEL");
    }

    @Test
    void invalidParametersAreNamed() {
        assertThatThrownBy(() -> reports.groups(2026, 3)).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.field()).isEqualTo("half"));
        assertThatThrownBy(() -> reports.appeals(1999)).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.field()).isEqualTo("year"));
    }

    private static GroupFigures group(GroupsReport report, String id) {
        return report.groups().stream().filter(g -> id.equals(g.groupId())).findFirst().orElseThrow();
    }

    private static Map<String, Comparison> byKey(List<Comparison> rows) {
        return rows.stream().collect(Collectors.toMap(Comparison::key, Function.identity()));
    }
}
