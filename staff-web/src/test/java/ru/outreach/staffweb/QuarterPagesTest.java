package ru.outreach.staffweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import ru.outreach.staffweb.QuarterPages.Day;
import ru.outreach.staffweb.QuarterPages.Month;
import ru.outreach.staffweb.QuarterPages.Quarter;
import ru.outreach.staffweb.QuarterPages.Rule;

/** The quarter's calendar and the rule's state in Russian, without the pages. */
class QuarterPagesTest {

    static final Quarter Q4_2026 = new Quarter(2026, 4);

    @Test
    void theRuleOfTheCurrentQuarterSaysHowManyDaysAreLeft() {
        Rule none = QuarterPages.rule("IN_PROGRESS", 0, 0, Q4_2026, LocalDate.of(2026, 12, 9));
        assertThat(none.tone()).isEqualTo("problem");
        assertThat(none.text()).isEqualTo("Встреча в квартале ещё не проведена и не запланирована. До конца квартала"
                + " осталось 23 дня (по 31.12.2026 включительно): запланируйте встречу.");

        Rule planned = QuarterPages.rule("IN_PROGRESS", 0, 2, Q4_2026, LocalDate.of(2026, 12, 31));
        assertThat(planned.tone()).isEqualTo("note");
        assertThat(planned.text()).isEqualTo("Встреча в квартале ещё не проведена, запланировано встреч: 2. До конца"
                + " квартала остался 1 день (по 31.12.2026 включительно).");
        assertThat(QuarterPages.rule("IN_PROGRESS", 0, 1, Q4_2026, LocalDate.of(2026, 12, 7)).text())
                .contains("осталось 25 дней");

        Rule met = QuarterPages.rule("MET", 1, 0, Q4_2026, LocalDate.of(2026, 11, 29));
        assertThat(met.tone()).isEqualTo("done");
        assertThat(met.text()).isEqualTo("В этом квартале встреча с населением проведена.");
    }

    @Test
    void theRuleOfAnotherQuarterNamesIt() {
        LocalDate today = LocalDate.of(2026, 11, 29);
        assertThat(QuarterPages.rule("MET", 3, 0, new Quarter(2026, 2), today).text())
                .isEqualTo("В II квартале 2026 года встреча с населением проведена (проведено встреч: 3).");
        Rule notMet = QuarterPages.rule("NOT_MET", 0, 0, new Quarter(2026, 3), today);
        assertThat(notMet.tone()).isEqualTo("problem");
        assertThat(notMet.text()).isEqualTo("В III квартале 2026 года встреча с населением не проведена: требование"
                + " п. 3.1 Положения (не реже одного раза в квартал) не выполнено.");
        assertThat(QuarterPages.rule("NOT_STARTED", 0, 1, new Quarter(2027, 1), today).text())
                .isEqualTo("I квартал 2027 года ещё не начался; запланировано встреч: 1.");
        assertThat(QuarterPages.rule("NOT_STARTED", 0, 0, new Quarter(2027, 1), today).text())
                .isEqualTo("I квартал 2027 года ещё не начался; встречи пока не запланированы.");
        assertThat(QuarterPages.rule("NOT_FORMED", 0, 0, new Quarter(2024, 1), today).text())
                .startsWith("Группа сформирована после окончания квартала");
    }

    @Test
    void aQuarterHasThreeMonthsOfWholeWeeksMondayFirst() {
        List<Month> months = QuarterPages.months(Q4_2026, List.of(), LocalDate.of(2026, 11, 29));

        assertThat(months).extracting(Month::title).containsExactly("Октябрь 2026", "Ноябрь 2026", "Декабрь 2026");
        assertThat(months).allSatisfy(month -> assertThat(month.weeks()).allSatisfy(week -> assertThat(week)
                .hasSize(7)));
        // 1 October 2026 is a Thursday; 31 October a Saturday
        List<Day> first = months.getFirst().weeks().getFirst();
        assertThat(first.subList(0, 3)).containsOnlyNulls();
        assertThat(first.get(3).number()).isEqualTo(1);
        assertThat(months.getFirst().weeks().getLast().get(5).date()).isEqualTo("31.10.2026");
        assertThat(months.getFirst().weeks().getLast().get(6)).isNull();
        // 29 November 2026, a Sunday, is today
        assertThat(months.get(1).weeks().stream().flatMap(List::stream).filter(Objects::nonNull).filter(Day::today))
                .singleElement().satisfies(day -> assertThat(day.date()).isEqualTo("29.11.2026"));
        assertThat(months.get(1).weeks().get(4).get(6).today()).isTrue();
    }

    @Test
    void quartersFollowAcrossTheYear() {
        assertThat(Q4_2026.next()).isEqualTo(new Quarter(2027, 1));
        assertThat(new Quarter(2027, 1).previous()).isEqualTo(Q4_2026);
        assertThat(Q4_2026.firstDay()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(Q4_2026.lastDay()).isEqualTo(LocalDate.of(2026, 12, 31));
        LocalDate today = LocalDate.of(2026, 5, 5);
        assertThat(Quarter.asked("2026", "4", today)).isEqualTo(Q4_2026);
        assertThat(Quarter.asked("2026", "5", today)).isEqualTo(new Quarter(2026, 2));
        assertThat(Quarter.asked(null, null, today)).isEqualTo(new Quarter(2026, 2));
        assertThat(Quarter.asked("1999", "1", today)).isEqualTo(new Quarter(2026, 2));
    }

    @Test
    void daysAreCountedInRussian() {
        assertThat(List.of(0L, 1L, 2L, 4L, 5L, 11L, 12L, 14L, 21L, 22L, 25L, 101L, 111L).stream().map(Russian::days))
                .containsExactly("0 дней", "1 день", "2 дня", "4 дня", "5 дней", "11 дней", "12 дней", "14 дней",
                        "21 день", "22 дня", "25 дней", "101 день", "111 дней");
    }
}
