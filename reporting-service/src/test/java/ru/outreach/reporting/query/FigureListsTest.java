package ru.outreach.reporting.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import ru.outreach.events.appeals.AppealChannel;
import ru.outreach.events.appeals.AppealState;
import ru.outreach.events.appeals.InstructionSource;
import ru.outreach.events.appeals.InstructionState;
import ru.outreach.events.meetings.MeetingStatus;
import ru.outreach.reporting.fixture.Scenario;
import ru.outreach.reporting.fixture.TestStore;
import ru.outreach.reporting.projection.Projection;
import ru.outreach.reporting.report.AppealBasis;
import ru.outreach.reporting.report.AppealFigure;
import ru.outreach.reporting.report.AppealFilter;
import ru.outreach.reporting.report.AppealItem;
import ru.outreach.reporting.report.AppealsReport;
import ru.outreach.reporting.report.Comparison;
import ru.outreach.reporting.report.ExecutorsReport.ExecutorRow;
import ru.outreach.reporting.report.GroupRanking.RankedGroup;
import ru.outreach.reporting.report.GroupsReport;
import ru.outreach.reporting.report.GroupsReport.GroupFigures;
import ru.outreach.reporting.report.GroupsReport.QuarterRule;
import ru.outreach.reporting.report.InstructionBasis;
import ru.outreach.reporting.report.InstructionFigure;
import ru.outreach.reporting.report.InstructionFilter;
import ru.outreach.reporting.report.InstructionItem;
import ru.outreach.reporting.report.MeetingFigure;
import ru.outreach.reporting.report.MeetingFilter;
import ru.outreach.reporting.report.MeetingItem;
import ru.outreach.reporting.report.ReportItems;

/**
 * From any figure of the reports, the list behind it: on the hand-made scenario, every figure of reports 1 to 4 (per
 * group and in total, per period) against the list for the same period and filter. A count equals the list's total,
 * a sum the list's sum, a share the list's part over its whole.
 */
class FigureListsTest {

    private static final int ALL = ReportService.MAX_PAGE_SIZE;

    private static TestStore store;
    private static ReportService reports;

    @BeforeAll
    static void project() {
        store = new TestStore();
        Projection projection = new Projection(store.template(), new SimpleMeterRegistry());
        projection.createIndexes();
        projection.apply(Scenario.events("", 0));
        reports = ReportsTest.service(store, clock(0));
    }

    private static Clock clock(int daysLater) {
        ZoneId zone = ZoneId.of("Europe/Moscow");
        return Clock.fixed(Scenario.today(0).plusDays(daysLater).atTime(9, 0).atZone(zone).toInstant(), zone);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static Stream<Arguments> periods() {
        return Stream.of(Arguments.of(2026, null), Arguments.of(2026, 1), Arguments.of(2026, 2),
                Arguments.of(2025, null));
    }

    @ParameterizedTest(name = "{0}, half {1}")
    @MethodSource("periods")
    void everyFigureOfReport1IsTheCountOrSumOfItsList(int year, Integer half) {
        checkGroups(reports, year, half);
    }

    @Test
    void minutesJoinTheListWhenTheirDueDayPassesAsTheyJoinTheFigure() {
        ReportService tenDaysLater = ReportsTest.service(store, clock(10));
        checkGroups(tenDaysLater, 2026, null);
        assertThat(meetings(tenDaysLater, 2026, null, null, Scenario.G1, MeetingFigure.MINUTES_DUE).items())
                .extracting(MeetingItem::meetingId).as("M5's due day, 24 Jul, has passed")
                .containsExactly("M1", "M2", "M5");
        assertThat(meetings(reports, 2026, null, null, Scenario.G1, MeetingFigure.MINUTES_DUE).items())
                .extracting(MeetingItem::meetingId).containsExactly("M1", "M2");
        ReportService onTheDueDay = ReportsTest.service(store, clock(4));
        checkGroups(onTheDueDay, 2026, null);
        assertThat(meetings(onTheDueDay, 2026, null, null, Scenario.G1, MeetingFigure.MINUTES_DUE).items())
                .extracting(MeetingItem::meetingId).as("on its due day M5's minutes can still be on time")
                .containsExactly("M1", "M2");
    }

    private static void checkGroups(ReportService reports, int year, Integer half) {
        GroupsReport report = reports.groups(year, half);
        List<GroupFigures> rows = new ArrayList<>(report.groups());
        rows.add(report.total());
        for (GroupFigures g : rows) {
            String group = g.groupId();
            String who = (group == null ? "total" : group) + " in " + year + "/" + half;
            assertThat(meetings(reports, year, half, null, group, MeetingFigure.PLANNED).totalItems())
                    .as("planned, %s", who).isEqualTo(g.meetingsPlanned());
            ReportItems<MeetingItem> held = meetings(reports, year, half, null, group, MeetingFigure.HELD);
            assertThat(held.totalItems()).as("held, %s", who).isEqualTo(g.meetingsHeld());
            assertThat(held.items()).as("held, %s", who).allMatch(m -> m.status() == MeetingStatus.HELD);
            assertThat(held.sums().get("residents")).as("residents, %s", who).isEqualTo(g.residentsTotal());
            assertThat(meetings(reports, year, half, null, group, MeetingFigure.CANCELLED).totalItems())
                    .as("cancelled, %s", who).isEqualTo(g.meetingsCancelled());
            assertThat(meetings(reports, year, half, null, group, MeetingFigure.MINUTES_DUE).totalItems())
                    .as("minutes due, %s", who).isEqualTo(g.minutesDue());
            assertThat(meetings(reports, year, half, null, group, MeetingFigure.MINUTES_ON_TIME).totalItems())
                    .as("minutes on time, %s", who).isEqualTo(g.minutesOnTime());
            assertThat(meetings(reports, year, half, null, group, MeetingFigure.MINUTES_LATE).totalItems())
                    .as("minutes late, %s", who).isEqualTo(g.minutesDue() - g.minutesOnTime());
            ReportItems<MeetingItem> all = meetings(reports, year, half, null, group, null);
            assertThat(List.of(all.sums().get("questions"), all.sums().get("remarks"), all.sums().get("proposals"),
                    all.sums().get("proposalsAccepted"), all.sums().get("receptionCards"),
                    all.sums().get("writtenAppeals"))).as("the minutes' counts, %s", who)
                    .containsExactly(g.questions(), g.remarks(), g.proposals(), g.proposalsAccepted(),
                            g.receptionCards(), g.writtenAppeals());
            for (QuarterRule q : g.quarters()) {
                assertThat(meetings(reports, q.year(), half, q.quarter(), group, MeetingFigure.HELD).totalItems())
                        .as("held in quarter %d, %s", q.quarter(), who).isEqualTo(q.held());
            }
            InstructionSource atMeetings = group == null ? InstructionSource.MEETING : null;
            assertThat(instructions(reports, year, half, null, null, group, atMeetings, null).totalItems())
                    .as("instructions given, %s", who).isEqualTo(g.instructionsGiven());
            assertThat(instructions(reports, year, half, null, null, group, atMeetings, InstructionFigure.CLOSED)
                    .totalItems()).as("closed, %s", who).isEqualTo(g.instructionsClosed());
            assertThat(instructions(reports, year, half, null, null, group, atMeetings,
                    InstructionFigure.CLOSED_ON_TIME).totalItems()).as("closed on time, %s", who)
                    .isEqualTo(g.instructionsClosedOnTime());
            assertThat(instructions(reports, year, half, null, null, group, atMeetings, InstructionFigure.OVERDUE)
                    .totalItems()).as("overdue now, %s", who).isEqualTo(g.instructionsOverdueNow());
        }
        assertThat(meetings(reports, year, half, null, null, MeetingFigure.MINUTES_LATE).items())
                .extracting(MeetingItem::meetingId).as("the late minutes of the report")
                .containsExactlyInAnyOrderElementsOf(report.lateMinutes().stream()
                        .map(GroupsReport.LateMinutes::meetingId).toList());
    }

    @Test
    void meetingItemsSayWhatTheReportsRowsSay() {
        ReportItems<MeetingItem> held = meetings(reports, 2026, 1, null, Scenario.G1, MeetingFigure.HELD);
        assertThat(held.period().label()).isEqualTo("1-е полугодие 2026 г.");
        assertThat(held.items()).extracting(MeetingItem::meetingId, MeetingItem::groupName, MeetingItem::day,
                        MeetingItem::residentsAttended, MeetingItem::minutesLate)
                .containsExactly(tuple("M1", "Север", LocalDate.of(2026, 2, 10), 30, false),
                        tuple("M2", "Север", LocalDate.of(2026, 5, 12), 20, true));
        assertThat(held.items().get(0).proposalsAccepted()).as("P2 included in the plan").isEqualTo(1);
        assertThat(held.items().get(0).remarks()).isEqualTo(2);
        ReportItems<MeetingItem> secondQuarter = meetings(reports, 2026, null, 2, Scenario.G2, null);
        assertThat(secondQuarter.period().label()).isEqualTo("II квартал 2026 г.");
        assertThat(secondQuarter.items()).extracting(MeetingItem::meetingId, MeetingItem::status)
                .containsExactly(tuple("M4", MeetingStatus.CANCELLED));
        assertThat(meetings(reports, 2026, null, null, Scenario.G3, null).totalItems()).isZero();
    }

    @ParameterizedTest(name = "{0}, half {1}")
    @MethodSource("periods")
    void everyFigureOfReport3IsTheCountOrSumOfItsList(int year, Integer half) {
        for (ExecutorRow row : reports.executors(year, half).executors()) {
            String d = row.department();
            assertThat(instructions(reports, year, half, null, d, null, null, null).totalItems()).as(d)
                    .isEqualTo(row.instructionsAssigned());
            assertThat(instructions(reports, year, half, null, d, null, null, InstructionFigure.CLOSED).totalItems())
                    .as(d).isEqualTo(row.instructionsClosed());
            assertThat(instructions(reports, year, half, null, d, null, null, InstructionFigure.CLOSED_ON_TIME)
                    .totalItems()).as(d).isEqualTo(row.instructionsClosedOnTime());
            assertThat(instructions(reports, year, half, null, d, null, null, InstructionFigure.OVERDUE)
                    .totalItems()).as(d).isEqualTo(row.instructionsOverdueNow());
            assertThat(assigned(year, half, d, null).totalItems()).as(d).isEqualTo(row.appealsAssigned());
            assertThat(assigned(year, half, d, AppealFigure.ANSWERED).totalItems()).as(d)
                    .isEqualTo(row.appealsAnswered());
            assertThat(assigned(year, half, d, AppealFigure.ANSWERED_WITHIN_TERM).totalItems()).as(d)
                    .isEqualTo(row.appealsAnsweredOnTime());
            assertThat(assigned(year, half, d, AppealFigure.OVERDUE).totalItems()).as(d)
                    .isEqualTo(row.appealsOverdueNow());
            long ofInstructions = instructions(reports, year, half, null, d, null, null,
                    InstructionFigure.EXTENDED).sums().get("extensionsAsked");
            long ofAppeals = assigned(year, half, d, AppealFigure.EXTENDED).sums().get("extensions");
            assertThat(List.of(ofInstructions, ofAppeals, ofInstructions + ofAppeals)).as(d)
                    .containsExactly(row.instructionExtensions(), row.appealExtensions(), row.extensionsAsked());
        }
    }

    @Test
    void theInstructionsOfADepartmentThatAreOverdue() {
        ReportItems<InstructionItem> overdue = instructions(reports, 2026, null, null, "Отдел дорог", null, null,
                InstructionFigure.OVERDUE);
        assertThat(overdue.items()).extracting(InstructionItem::instructionId, InstructionItem::meetingId,
                        InstructionItem::groupName, InstructionItem::territory, InstructionItem::state,
                        InstructionItem::dueOn, InstructionItem::daysOverdue)
                .containsExactly(tuple("I2", "M3", "Юг", "Южный", InstructionState.ISSUED,
                        LocalDate.of(2026, 4, 5), 106L));
        ReportItems<InstructionItem> housing = instructions(reports, 2026, null, null, "Отдел ЖКХ", null, null,
                null);
        assertThat(housing.items()).extracting(InstructionItem::instructionId, InstructionItem::source,
                        InstructionItem::groupName, InstructionItem::closedOnTime, InstructionItem::overdue)
                .as("in the order of issue").containsExactly(
                        tuple("I3", InstructionSource.OTHER, null, false, false),
                        tuple("I1", InstructionSource.MEETING, "Север", true, false));
        assertThat(instructions(reports, 2026, null, null, null, null, null, null).totalItems()).isEqualTo(3);
        assertThat(instructions(reports, 2026, null, null, null, null, InstructionSource.OTHER, null).items())
                .extracting(InstructionItem::instructionId).containsExactly("I3");
    }

    @ParameterizedTest(name = "{0}, half {1}")
    @MethodSource("periods")
    void everyShareOfTheRankingIsAPartOfItsList(int year, Integer half) {
        for (RankedGroup g : reports.ranking(year, half).groups()) {
            long due = instructions(reports, year, half, InstructionBasis.DUE, null, g.groupId(), null, null)
                    .totalItems();
            long onTime = instructions(reports, year, half, InstructionBasis.DUE, null, g.groupId(), null,
                    InstructionFigure.CLOSED_ON_TIME).totalItems();
            assertThat(RankingQuery.share(onTime, due)).as("instructions on time, %s", g.groupId())
                    .isEqualTo(g.instructionsOnTime());
            long minutesDue = meetings(reports, year, half, null, g.groupId(), MeetingFigure.MINUTES_DUE)
                    .totalItems();
            long minutesOnTime = meetings(reports, year, half, null, g.groupId(), MeetingFigure.MINUTES_ON_TIME)
                    .totalItems();
            assertThat(RankingQuery.share(minutesOnTime, minutesDue)).as("minutes on time, %s", g.groupId())
                    .isEqualTo(g.minutesOnTime());
        }
    }

    @Test
    void everyFigureOfReport2IsTheCountOrSumOfItsList() {
        for (int year : List.of(2026, 2025)) {
            AppealsReport report = reports.appeals(year);
            for (Comparison c : report.totals()) {
                switch (c.key()) {
                    case "appeals" -> checkYears(c, year, null, null, null, null);
                    case "answered" -> checkYears(c, year, null, null, null, AppealFigure.ANSWERED);
                    case "answeredWithinTerm" -> checkYears(c, year, null, null, null,
                            AppealFigure.ANSWERED_WITHIN_TERM);
                    case "redirects" -> checkYears(c, year, null, null, null, AppealFigure.REDIRECTED);
                    case "repeated" -> checkYears(c, year, null, null, null, AppealFigure.REPEATED);
                    case "openAtEnd" -> checkYears(c, year, null, null, null, AppealFigure.OPEN_AT_END);
                    case "extensions" -> {
                        assertThat(received(year, null, null, null, null, AppealFigure.EXTENDED).sums()
                                .get("extensions")).as("extensions in %d", year).isEqualTo((long) c.current());
                        assertThat(received(year - 1, null, null, null, null, AppealFigure.EXTENDED).sums()
                                .get("extensions")).isEqualTo((long) c.previous());
                    }
                    default -> {
                        // shares and averages: their parts are the lists above
                    }
                }
            }
            report.byCategory().forEach(c -> checkYears(c, year, null, c.key(), null, null));
            report.byTerritory().forEach(c -> checkYears(c, year, null, null, c.key(), null));
            for (Comparison c : report.byChannel()) {
                AppealChannel channel = AppealChannel.valueOf(c.key());
                assertThat(appeals(new AppealFilter(year, null, null, null, null, null, channel, null, null, null))
                        .totalItems()).as("channel %s", c.key()).isEqualTo((long) c.current());
            }
            for (Comparison c : report.byMonth()) {
                checkYears(c, year, Integer.parseInt(c.key()), null, null, null);
            }
            for (Comparison category : report.byCategory()) {
                for (Comparison t : reports.categoryTerritories(category.key(), year).byTerritory()) {
                    checkYears(t, year, null, category.key(), t.key(), null);
                }
            }
        }
    }

    private static void checkYears(Comparison c, int year, Integer month, String category, String territory,
                                   AppealFigure figure) {
        assertThat(received(year, month, category, territory, null, figure).totalItems())
                .as("%s %s in %d", c.key(), figure, year).isEqualTo((long) c.current());
        assertThat(received(year - 1, month, category, territory, null, figure).totalItems())
                .as("%s %s in %d", c.key(), figure, year - 1).isEqualTo((long) c.previous());
    }

    @Test
    void appealItemsCarryDimensionsAndDatesOnly() {
        ReportItems<AppealItem> march = received(2026, 3, "HOUSING", null, null, null);
        assertThat(march.period().label()).isEqualTo("март 2026 г.");
        assertThat(march.items()).extracting(AppealItem::appealId, AppealItem::receivedOn, AppealItem::categoryLabel,
                        AppealItem::territory, AppealItem::state, AppealItem::answerDueOn, AppealItem::answeredOn,
                        AppealItem::answeredWithinTerm, AppealItem::daysToAnswer, AppealItem::extensions)
                .containsExactly(tuple("A2", LocalDate.of(2026, 3, 1), "Жилищно-коммунальное хозяйство", "Южный",
                        AppealState.ANSWERED, LocalDate.of(2026, 4, 30), LocalDate.of(2026, 4, 20), true, 50L, 1));
        assertThat(received(2026, null, null, null, null, AppealFigure.OVERDUE).items())
                .extracting(AppealItem::appealId, AppealItem::overdue).containsExactly(tuple("A3", true));
        assertThat(received(2025, 12, null, null, null, null).items()).extracting(AppealItem::appealId)
                .as("A6, received 30 Dec and registered in January, is December's").containsExactly("A5", "A6");
        assertThat(received(2026, null, "OTHER", null, null, null).items()).extracting(AppealItem::appealId,
                AppealItem::categoryLabel).containsExactly(tuple("A4", "OTHER"));
        assertThat(appeals(new AppealFilter(2026, null, null, null, null, null, null, null, AppealState.RECEIVED,
                null)).items()).extracting(AppealItem::appealId).containsExactly("A7");
        assertThat(java.util.Arrays.stream(AppealItem.class.getRecordComponents()).map(c -> c.getName()))
                .as("no citizen's data: no name, address, contact or text").containsExactly("appealId", "receivedOn",
                        "registeredOn", "category", "categoryLabel", "territory", "channel", "state", "department",
                        "assignedOn", "answerDueOn", "answeredOn", "answeredWithinTerm", "daysToAnswer", "extensions",
                        "redirectedOn", "repeated", "overdue");
    }

    @Test
    void aListComesAPageAtATime() {
        List<String> seen = new ArrayList<>();
        ReportItems<AppealItem> first = received(2026, null, null, null, 0, 2, null);
        assertThat(List.of(first.totalItems(), (long) first.totalPages(), (long) first.items().size()))
                .containsExactly(5L, 3L, 2L);
        for (int page = 0; page < first.totalPages(); page++) {
            received(2026, null, null, null, page, 2, null).items().forEach(a -> seen.add(a.appealId()));
        }
        assertThat(seen).as("in the order of receipt, none twice").containsExactly("A1", "A4", "A2", "A3", "A7");
        assertThat(received(2026, null, null, null, 3, 2, null).items()).as("past the end").isEmpty();
        Set<String> byDepartment = new HashSet<>();
        instructions(reports, 2026, null, null, null, null, null, null).items()
                .forEach(i -> byDepartment.add(i.department()));
        assertThat(byDepartment).containsExactlyInAnyOrder("Отдел ЖКХ", "Отдел дорог");
    }

    @Test
    void aQuarterOrAMonthOutsideTheHalfAndABadPageAreNamed() {
        assertRefused(() -> reports.meetingItems(new MeetingFilter(2026, 1, 3, null, null), 0, 20), "quarter");
        assertRefused(() -> reports.meetingItems(new MeetingFilter(2026, null, 5, null, null), 0, 20), "quarter");
        assertRefused(() -> reports.meetingItems(new MeetingFilter(2026, 3, null, null, null), 0, 20), "half");
        assertRefused(() -> reports.appealItems(new AppealFilter(2026, 2, 6, null, null, null, null, null, null,
                null), 0, 20), "month");
        assertRefused(() -> reports.appealItems(new AppealFilter(2026, null, 13, null, null, null, null, null, null,
                null), 0, 20), "month");
        assertRefused(() -> reports.appealItems(new AppealFilter(1999, null, null, null, null, null, null, null,
                null, null), 0, 20), "year");
        assertRefused(() -> reports.instructionItems(new InstructionFilter(2026, null, null, null, null, null, null,
                null), -1, 20), "page");
        assertRefused(() -> reports.instructionItems(new InstructionFilter(2026, null, null, null, null, null, null,
                null), 0, 101), "size");
        assertRefused(() -> reports.meetingItems(new MeetingFilter(2026, null, null, null, null), 0, 0), "size");
        assertThat(reports.meetingItems(new MeetingFilter(2026, 2, 3, null, null), 0, 20).period().label())
                .isEqualTo("III квартал 2026 г.");
    }

    private static void assertRefused(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    private static ReportItems<MeetingItem> meetings(ReportService reports, int year, Integer half, Integer quarter,
                                                     String group, MeetingFigure figure) {
        ReportItems<MeetingItem> list = reports.meetingItems(new MeetingFilter(year, half, quarter, group, figure),
                0, ALL);
        assertThat(list.totalItems()).as("the scenario's lists fit one page").isLessThanOrEqualTo(ALL);
        assertThat((long) list.items().size()).isEqualTo(list.totalItems());
        return list;
    }

    private static ReportItems<InstructionItem> instructions(ReportService reports, int year, Integer half,
                                                             InstructionBasis by, String department, String group,
                                                             InstructionSource source, InstructionFigure figure) {
        ReportItems<InstructionItem> list = reports.instructionItems(new InstructionFilter(year, half, by,
                department, group, source, null, figure), 0, ALL);
        assertThat((long) list.items().size()).isEqualTo(list.totalItems());
        return list;
    }

    private static ReportItems<AppealItem> assigned(int year, Integer half, String department, AppealFigure figure) {
        return appeals(new AppealFilter(year, half, null, AppealBasis.ASSIGNED, null, null, null, department, null,
                figure));
    }

    private static ReportItems<AppealItem> received(int year, Integer month, String category, String territory,
                                                    AppealState state, AppealFigure figure) {
        return appeals(new AppealFilter(year, null, month, null, category, territory, null, null, state, figure));
    }

    private static ReportItems<AppealItem> received(int year, Integer month, String category, String territory,
                                                    int page, int size, AppealFigure figure) {
        return reports.appealItems(new AppealFilter(year, null, month, null, category, territory, null, null, null,
                figure), page, size);
    }

    private static ReportItems<AppealItem> appeals(AppealFilter filter) {
        ReportItems<AppealItem> list = reports.appealItems(filter, 0, ALL);
        assertThat((long) list.items().size()).isEqualTo(list.totalItems());
        return list;
    }
}
