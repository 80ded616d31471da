package ru.outreach.staffweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.outreach.testkit.TestTokens;

/**
 * The secretary's quarter calendar with the quarterly rule, the rule on «Встречи группы», and the territory brief
 * before a meeting, over real HTTP against fake meetings API that records the token and the query it was asked.
 */
class QuarterAndBriefPagesIT extends StaffPagesTest {

    static final TestTokens.Person SECRETARY = SecretaryPagesIT.SECRETARY;
    static final LocalDate TODAY = LocalDate.now(StaffWebProperties.ZONE);

    /** Last year's fourth quarter: one meeting held on 15 October, one cancelled in December. */
    static final String QUARTER_MEETINGS = """
            {"items":[
            {"id":"m1","version":5,"groupId":"g-west","territory":"Западный","status":"HELD",
            "venue":{"name":"МБОУ СОШ № 3","kind":"SCHOOL"},"scheduledAt":"2025-10-15T18:00:00",
            "holding":{"heldAt":"2025-10-15T18:10:00","residentsAttended":40,"officialsPresent":[]}},
            {"id":"m2","version":3,"groupId":"g-west","territory":"Соколово-Кундрючий","status":"CANCELLED",
            "venue":{"name":"ДК Шахтёр","kind":"CULTURE"},"scheduledAt":"2025-12-03T17:00:00"}],
            "page":0,"size":100,"totalItems":2,"totalPages":1}""";

    static String year(int year, int quarter, String rule, int held, int upcoming) {
        StringBuilder quarters = new StringBuilder();
        for (int q = 1; q <= 4; q++) {
            quarters.append(q > 1 ? "," : "").append("""
                    {"quarter":%d,"held":%d,"upcoming":%d,"cancelled":0,"rule":"%s"}""".formatted(q,
                    q == quarter ? held : 0, q == quarter ? upcoming : 0, q == quarter ? rule : "NOT_STARTED"));
        }
        return """
                {"groupId":"g-west","groupName":"Информационная группа микрорайона Западный","year":%d,
                "quarters":[%s]}""".formatted(year, quarters);
    }

    @Test
    void theCalendarShowsTheQuartersMeetingsOnTheirDaysWithTheRuleAndLinksToTheNextQuarters() throws Exception {
        MEETINGS.answer("GET /api/groups", 200, StaffPagesIT.GROUPS);
        MEETINGS.answer("GET /api/quarterly-rule/groups/g-west", 200, year(2025, 4, "MET", 1, 0));
        MEETINGS.answer("GET /api/meetings", 200, QUARTER_MEETINGS);
        HttpResponse<String> home = signIn(SECRETARY);
        assertThat(home.body()).contains("href=\"/meetings/calendar\"", "Календарь встреч квартала");

        HttpResponse<String> page = get("/meetings/calendar?year=2025&quarter=4");
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("Встречи группы: IV квартал 2025 года",
                "В IV квартале 2025 года встреча с населением проведена.",
                "<caption>Октябрь 2025</caption>", "<caption>Ноябрь 2025</caption>", "<caption>Декабрь 2025</caption>",
                "<abbr title=\"понедельник\">Пн</abbr>", "<abbr title=\"воскресенье\">Вс</abbr>",
                "href=\"/meetings/calendar?year=2025&amp;quarter=3\"", "← III квартал 2025 года",
                "href=\"/meetings/calendar?year=2026&amp;quarter=1\"", "I квартал 2026 года →", "Текущий квартал");
        // each meeting on its day: the held one on the day it was held, at the time it began
        String october = between(body, "<caption>Октябрь 2025</caption>", "</table>");
        assertThat(october).contains("href=\"/meetings/m1\"", "15.10.2025, ", "18:10", "Западный, проведена")
                .doesNotContain("/meetings/m2");
        assertThat(between(october, ">14<", ">16<")).contains("/meetings/m1");
        // 1 October 2025 is a Wednesday: two empty cells before it
        assertThat(between(october, "<tbody>", ">1</span>").split("class=\"empty\"", -1)).hasSize(3);
        assertThat(between(body, "<caption>Ноябрь 2025</caption>", ">1</span>").split("class=\"empty\"", -1))
                .as("1 November 2025 is a Saturday").hasSize(6);
        String december = between(body, "<caption>Декабрь 2025</caption>", "</table>");
        assertThat(december).contains("href=\"/meetings/m2\"", "class=\"cancelled\"", "17:00",
                "Соколово-Кундрючий, отменена");
        // and as a list
        assertThat(between(body, "Встречи квартала списком", "</table>")).contains("15.10.2025 18:10",
                "03.12.2025 17:00", "Отменена");
        // what was asked, with the secretary's token
        assertThat(MEETINGS.requests).filteredOn(r -> r.uri().startsWith("/api/meetings?")).singleElement()
                .satisfies(r -> {
                    assertThat(r.uri()).contains("groupId=g-west", "from=2025-10-01", "to=2025-12-31");
                    assertThat(r.authorization()).isEqualTo("Bearer " + PROVIDER.accessTokens.getFirst());
                });
        assertThat(MEETINGS.requests).filteredOn(r -> r.uri().startsWith("/api/quarterly-rule/")).singleElement()
                .satisfies(r -> assertThat(r.uri()).isEqualTo("/api/quarterly-rule/groups/g-west?year=2025"));

        // a quarter that is not one: the current quarter
        MEETINGS.answer("GET /api/quarterly-rule/groups/g-west", 200,
                year(TODAY.getYear(), quarterOf(TODAY), "IN_PROGRESS", 0, 1));
        String current = get("/meetings/calendar?year=двадцать&quarter=9").body();
        assertThat(current).contains("Встречи группы: " + Russian.quarter(TODAY.getYear(), quarterOf(TODAY)),
                "Встреча в квартале ещё не проведена, запланировано встреч: 1.")
                .doesNotContain("Текущий квартал");
        // the other pages are not the general department's
        assertThat(get("/appeals").statusCode()).isEqualTo(403);
    }

    @Test
    void theMeetingsListSaysWhetherTheRuleIsMetThisQuarter() throws Exception {
        MEETINGS.answer("GET /api/groups", 200, StaffPagesIT.GROUPS);
        MEETINGS.answer("GET /api/meetings", 200, StaffPagesIT.MEETINGS_PAGE);
        MEETINGS.answer("GET /api/quarterly-rule/groups/g-west", 200,
                year(TODAY.getYear(), quarterOf(TODAY), "IN_PROGRESS", 0, 0));
        signIn(SECRETARY);

        String body = get("/meetings").body();
        LocalDate last = LocalDate.of(TODAY.getYear(), quarterOf(TODAY) * 3, 1).plusMonths(1).minusDays(1);
        long left = ChronoUnit.DAYS.between(TODAY, last) + 1;
        assertThat(between(body, "id=\"rule-title\"", "</section>")).contains(
                "Встреча в квартале: " + Russian.quarter(TODAY.getYear(), quarterOf(TODAY)),
                "class=\"problem\"", "Встреча в квартале ещё не проведена и не запланирована.",
                Russian.days(left) + " (по " + last.format(Russian.DATE) + " включительно): запланируйте встречу.");
        assertThat(body).contains("href=\"/meetings/calendar\"", "15.12.2026 17:00");

        MEETINGS.answer("GET /api/quarterly-rule/groups/g-west", 200,
                year(TODAY.getYear(), quarterOf(TODAY), "MET", 2, 0));
        assertThat(get("/meetings").body()).contains("class=\"done\"",
                "В этом квартале встреча с населением проведена (проведено встреч: 2).");

        // the rule cannot be learnt: the list is still there, and the page says so
        MEETINGS.answers.remove("GET /api/quarterly-rule/groups/g-west");
        assertThat(get("/meetings").body()).contains("15.12.2026 17:00",
                "Не удалось узнать, проведена ли встреча в этом квартале");
    }

    static final String BRIEF = """
            {"territory":"Западный","freshness":"%s","asOf":"2026-12-09T07:15:00Z","message":"…",
            "openProblems":{"territory":"Западный","asOf":"2026-12-09","openAppeals":5,
            "openAppealsByCategory":[{"category":"HOUSING","name":"Жилищно-коммунальное хозяйство","count":3},
            {"category":"ROADS","name":"Дороги","count":2}],"openInstructions":3,"overdueInstructions":1,
            "mostOverdue":[{"id":"m0:I1","text":"Заменить светильники на ул. Шахтёрской","executorDepartment":"Управление ЖКХ",
            "dueOn":"2026-12-05","daysOverdue":4,"source":"MEETING","sourceId":"m0"}]}}""";

    @Test
    void theBriefBeforeAMeetingListsTheTerritorysOpenProblemsAndSaysWhenTheyAreStaleOrMissing() throws Exception {
        MEETINGS.answer("GET /api/meetings/m1", 200, SecretaryPagesIT.meeting("m1", "ANNOUNCED", ""));
        MEETINGS.answer("GET /api/meetings/m1/brief", 200, BRIEF.formatted("CURRENT"));
        signIn(SECRETARY);

        String meeting = get("/meetings/m1").body();
        assertThat(meeting).contains("<a class=\"button\" href=\"/meetings/m1/brief\">Сведения о проблемах территории</a>");

        HttpResponse<String> page = get("/meetings/m1/brief");
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("<h1>Сведения о проблемах территории</h1>", "Территория: <strong>Западный</strong>",
                "15.12.2026 17:00", "Сведения получены из службы обращений 09.12.2026 10:15.",
                "Обращений, на которые ещё не дан ответ: 5.", "Жилищно-коммунальное хозяйство", "Дороги",
                "Не сняты с контроля: 3, из них просрочены: 1.", "Заменить светильники на ул. Шахтёрской",
                "Управление ЖКХ", "05.12.2026", "просрочено на 4 дн.", "встреча с населением",
                "href=\"/meetings/m1\"")
                .doesNotContain("устаревшими", "role=\"alert\"");
        assertThat(between(body, "<td data-label=\"Категория\">Дороги</td>", "</tr>")).contains(">2<");
        assertThat(MEETINGS.requests).filteredOn(r -> r.uri().equals("/api/meetings/m1/brief")).singleElement()
                .satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer " + PROVIDER.accessTokens.getFirst()));

        // the appeals service did not answer: the last brief, said to be stale
        MEETINGS.answer("GET /api/meetings/m1/brief", 200, BRIEF.formatted("STALE"));
        String stale = get("/meetings/m1/brief").body();
        assertThat(stale).contains("Служба обращений сейчас не отвечает. Показаны последние полученные сведения"
                + " (на 09.12.2026 10:15): они могут быть устаревшими.", "Обращений, на которые ещё не дан ответ: 5.")
                .doesNotContain("Сведения получены из службы обращений");

        // and never answered for this territory: no figures at all
        MEETINGS.answer("GET /api/meetings/m1/brief", 200, """
                {"territory":"Западный","freshness":"UNAVAILABLE","asOf":null,"message":"…","openProblems":null}""");
        String missing = get("/meetings/m1/brief").body();
        assertThat(missing).contains("Служба обращений не отвечает, и сведений о проблемах этой территории ещё не"
                + " получали. Повторите попытку позже.").doesNotContain("Открытые обращения жителей", "ещё не дан ответ");

        // a held meeting links to the brief too, not as the main button
        MEETINGS.answer("GET /api/meetings/m1", 200, SecretaryPagesIT.meeting("m1", "HELD",
                ",\"holding\":{\"heldAt\":\"2026-12-15T17:00:00\",\"residentsAttended\":46,\"officialsPresent\":[]}"));
        assertThat(get("/meetings/m1").body()).contains("<a href=\"/meetings/m1/brief\">");

        // the meetings service is down
        MEETINGS.down = true;
        assertThat(get("/meetings/m1/brief").body()).contains("Сервис встреч сейчас недоступен")
                .doesNotContain("Exception");
    }

    @Test
    void anotherGroupsMeetingHasNoBrief() throws Exception {
        MEETINGS.answer("GET /api/meetings/m9", 404, """
                {"type":"urn:outreach:problem:not-found","status":404,"detail":"Встреча m9 не найдена."}""");
        signIn(SECRETARY);

        HttpResponse<String> page = get("/meetings/m9/brief");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Встреча m9 не найдена.").doesNotContain("Открытые обращения жителей");
        assertThat(MEETINGS.requests).noneMatch(r -> r.uri().endsWith("/brief"));
    }

    private static int quarterOf(LocalDate day) {
        return (day.getMonthValue() - 1) / 3 + 1;
    }
}
