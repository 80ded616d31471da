package ru.outreach.staffweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import ru.outreach.testkit.TestTokens;

/**
 * The secretary's evaluation and publication of signed minutes, the control department's «Протоколы» with the hand-over
 * behind a confirmation, the personal-data officer's journal over both services' audit logs and the head's link to the
 * dashboard, over real HTTP against fake APIs that record the token and body of every call.
 */
@TestPropertySource(properties = "outreach.staff-web.reporting-url=http://reports.test")
class ControlAndOfficerPagesIT extends StaffPagesTest {

    static final TestTokens.Person SECRETARY = new TestTokens.Person("secretary-west", "Анна Смирнова",
            List.of("secretary"), "g-west", null);
    static final TestTokens.Person CONTROLLER = new TestTokens.Person("controller", "Елена Васильева",
            List.of("controller"), null, "Контрольно-организационный сектор");
    static final TestTokens.Person OFFICER = new TestTokens.Person("pd-officer", "Олег Сидоров",
            List.of("pd-officer"), null, "Правовой отдел");
    static final TestTokens.Person HEAD = new TestTokens.Person("head", "Пётр Главный", List.of("head"), null, null);

    static final LocalDate TODAY = LocalDate.now(StaffWebProperties.ZONE);

    static final String SIGNED = """
            {"meetingId":"m1","version":3,"groupId":"g-west","territory":"Западный","heldOn":"%s","dueOn":"%s",
            "status":"SIGNED","overdue":false,"content":{"questions":[],"remarks":[],
            "proposals":[{"id":"P1","text":"Установить скамейки в сквере","outcome":null,"evaluatedOn":null}],
            "receptionCards":[],"writtenAppeals":[],"instructions":[]},"resultsPublication":null}"""
            .formatted(TODAY.minusDays(10), TODAY.minusDays(3));

    static final String LATE = """
            {"items":[{"meetingId":"m7","groupId":"g-north","territory":"Северный","heldOn":"%s","dueOn":"%s",
            "status":"SIGNED","overdue":true,"handOver":null}],"page":0,"size":200,"totalItems":1,"totalPages":1}"""
            .formatted(TODAY.minusDays(20), TODAY.minusDays(12));

    static final String ALL = """
            {"items":[{"meetingId":"m2","groupId":"g-west","territory":"Западный","heldOn":"%s","dueOn":"%s",
            "status":"SIGNED","overdue":false,"handOver":null},
            {"meetingId":"m7","groupId":"g-north","territory":"Северный","heldOn":"%s","dueOn":"%s",
            "status":"SIGNED","overdue":true,"handOver":null}],"page":0,"size":50,"totalItems":2,"totalPages":1}"""
            .formatted(TODAY.minusDays(2), TODAY.plusDays(4), TODAY.minusDays(20), TODAY.minusDays(12));

    @Test
    void theSecretaryEvaluatesAProposalAndPublishesTheResultsWithHisToken() throws Exception {
        MEETINGS.answer("GET /api/meetings/m1/minutes", 200, SIGNED);
        MEETINGS.answer("POST /api/meetings/m1/minutes/results-publication", 200, SIGNED);
        MEETINGS.answer("POST /api/meetings/m1/minutes/proposals/P1/evaluation", 200, SIGNED);
        signIn(SECRETARY);

        assertThat(get("/meetings/m1/minutes").body()).contains("Оценить предложение", "Опубликовать результаты",
                "href=\"/meetings/m1/minutes/results\"");
        HttpResponse<String> page = get("/meetings/m1/minutes/results");
        assertThat(page.body()).contains("Установить скамейки в сквере", "<label for=\"outcome-P1\">",
                "<label for=\"evaluatedOn-P1\">", "<label for=\"publishedWhere\">", "<label for=\"publishedOn\">",
                "Включено в план", "value=\"" + TODAY.format(Russian.DATE) + "\"");

        HttpResponse<String> published = post("/meetings/m1/minutes/results-publication", csrf(page.body()),
                Map.of("publishedWhere", "официальный сайт", "publishedOn", TODAY.minusDays(1).format(Russian.DATE)));
        assertThat(published.uri().getPath()).isEqualTo("/meetings/m1/minutes/results");
        assertThat(published.body()).contains("Публикация результатов записана.");
        assertThat(MEETINGS.requests).filteredOn(r -> r.method().equals("POST")).singleElement().satisfies(r -> {
            assertThat(r.uri()).isEqualTo("/api/meetings/m1/minutes/results-publication");
            assertThat(r.authorization()).isEqualTo("Bearer " + PROVIDER.accessTokens.getFirst());
            assertThat(r.body()).isEqualTo("{\"publishedOn\":\"" + TODAY.minusDays(1)
                    + "\",\"publishedWhere\":\"официальный сайт\"}");
        });

        post("/meetings/m1/minutes/proposals/P1/evaluation", csrf(page.body()),
                Map.of("outcome", "INCLUDED_IN_PLAN", "evaluatedOn", TODAY.format(Russian.DATE)));
        assertThat(MEETINGS.requests).filteredOn(r -> r.uri().endsWith("/evaluation")).singleElement()
                .satisfies(r -> assertThat(r.body()).isEqualTo("{\"outcome\":\"INCLUDED_IN_PLAN\",\"evaluatedOn\":\""
                        + TODAY + "\"}"));

        HttpResponse<String> badDate = post("/meetings/m1/minutes/results-publication", csrf(page.body()),
                Map.of("publishedWhere", "газета", "publishedOn", "вчера"));
        assertThat(between(badDate.body(), "id=\"publishedOn\"", "</form>")).contains("ДД.ММ.ГГГГ");
        assertThat(MEETINGS.requests).filteredOn(r -> r.method().equals("POST")).hasSize(2);
    }

    @Test
    void theControllerSeesLateMinutesFirstAndReceivesOnlyAfterConfirming() throws Exception {
        MEETINGS.answer("GET /api/minutes", 200, ALL);
        MEETINGS.answer("GET /api/meetings/m7/minutes", 200, LATE.substring(LATE.indexOf('[') + 1,
                LATE.lastIndexOf(']')));
        MEETINGS.answer("POST /api/meetings/m7/minutes/hand-over", 200, "{\"meetingId\":\"m7\"}");

        HttpResponse<String> home = signIn(CONTROLLER);
        assertThat(home.body()).contains("href=\"/minutes\"", "Протоколы");

        // the fake answers ALL to the late query too: the late section is the first and holds m7 alone
        String body = get("/minutes").body();
        assertThat(body.indexOf("Северный")).isLessThan(body.indexOf("Западный"));
        assertThat(between(body, "id=\"late\"", "</section>")).contains("Северный").doesNotContain("Западный");
        assertThat(body).contains("просрочен", "Принять протокол", "value=\"" + TODAY.format(Russian.DATE) + "\"");
        assertThat(MEETINGS.requests).anyMatch(r -> r.uri().contains("overdue=true"));

        HttpResponse<String> asked = post("/minutes/m7/hand-over", csrf(body),
                Map.of("handedOverOn", TODAY.format(Russian.DATE)));
        assertThat(asked.body()).contains("Отметить протокол принятым? Это нельзя отменить.", ">Да</button>",
                "Отмена");
        assertThat(MEETINGS.requests).noneMatch(r -> r.method().equals("POST"));

        HttpResponse<String> received = post("/minutes/m7/hand-over", csrf(asked.body()),
                Map.of("handedOverOn", TODAY.format(Russian.DATE), "confirmed", "yes"));
        assertThat(received.uri().getPath()).isEqualTo("/minutes");
        assertThat(received.body()).contains("Протокол встречи m7 принят " + TODAY.format(Russian.DATE));
        assertThat(MEETINGS.requests).filteredOn(r -> r.method().equals("POST")).singleElement().satisfies(r -> {
            assertThat(r.uri()).isEqualTo("/api/meetings/m7/minutes/hand-over");
            assertThat(r.body()).isEqualTo("{\"handedOverOn\":\"" + TODAY + "\"}");
            assertThat(r.authorization()).isEqualTo("Bearer " + PROVIDER.accessTokens.getFirst());
        });
        assertThat(get("/audit").statusCode()).isEqualTo(403);
    }

    @Test
    void theOfficerSearchesBothAuditLogsAndSeesThemMergedNewestFirst() throws Exception {
        APPEALS.answer("GET /api/audit/personal-data-reads", 200, """
                {"items":[{"id":"a1","readAt":"2026-03-02T09:15:00Z","readerUsername":"executor-housing",
                "readerFullName":"Игорь Петров","appealId":"A-17","fields":["fullName","postalAddress"],
                "operation":"read-appeal"}],"page":0,"size":100,"totalItems":1,"totalPages":1}""");
        MEETINGS.answer("GET /api/audit/personal-data-reads", 200, """
                {"items":[{"id":"r1","at":"2026-03-03T10:00:00Z","reader":"executor-housing","readerName":"Игорь Петров",
                "meetingId":"m1","groupId":"g-west","operation":"read","fields":["receptionCards.citizen"]}],
                "page":0,"size":100,"totalItems":1,"totalPages":1}""");
        APPEALS.answer("GET /api/audit/erasure-acts", 200, """
                {"items":[{"id":"e1","erasedAt":"2026-02-01T01:00:00Z","rule":"5 лет после ответа","period":"P5Y",
                "cutoff":"2021-02-01","triggeredBy":"retention-job","appealCount":1,
                "appeals":[{"appealId":"A-3","fields":["fullName"]}]}],"page":0,"size":50,"totalItems":1,"totalPages":1}""");

        HttpResponse<String> home = signIn(OFFICER);
        assertThat(home.body()).contains("href=\"/audit\"", "Журнал доступа к персональным данным");

        HttpResponse<String> empty = get("/audit");
        assertThat(empty.body()).contains("<label for=\"reader\">", "<label for=\"citizen\">",
                "<label for=\"address\">", "<label for=\"appealId\">", "<label for=\"meetingId\">",
                "<label for=\"from\">", "<label for=\"to\">", "A-3: fullName", "5 лет после ответа");

        HttpResponse<String> found = get("/audit?search=yes&reader=executor-housing&from=01.03.2026&to=31.03.2026");
        assertThat(found.statusCode()).isEqualTo(200);
        String body = found.body();
        assertThat(body).contains("03.03.2026 13:00", "протокол встречи m1", "receptionCards.citizen",
                "02.03.2026 12:15", "обращение A-17", "fullName, postalAddress", "Игорь Петров (executor-housing)");
        assertThat(body.indexOf("протокол встречи m1")).isLessThan(body.indexOf("обращение A-17"));
        for (FakeApi api : List.of(APPEALS, MEETINGS)) {
            assertThat(api.requests).filteredOn(r -> r.uri().startsWith("/api/audit/personal-data-reads?"))
                    .singleElement().satisfies(r -> {
                        assertThat(r.uri()).contains("reader=executor-housing", "from=2026-03-01", "to=2026-03-31");
                        assertThat(r.authorization()).isEqualTo("Bearer " + PROVIDER.accessTokens.getFirst());
                    });
        }

        APPEALS.requests.clear();
        MEETINGS.requests.clear();
        get("/audit?search=yes&citizen=" + enc("Петрова Анна") + "&address=" + enc("ул. Ленина, 1"));
        assertThat(APPEALS.requests).filteredOn(r -> r.uri().startsWith("/api/audit/personal-data-reads?"))
                .singleElement().satisfies(r -> assertThat(URLDecoder.decode(r.uri(), StandardCharsets.UTF_8))
                        .contains("citizen=Петрова Анна", "address=ул. Ленина, 1"));
        assertThat(MEETINGS.requests).isEmpty();

        HttpResponse<String> badDate = get("/audit?search=yes&from=2026-03-01");
        assertThat(between(badDate.body(), "id=\"from\"", "id=\"to\"")).contains("ДД.ММ.ГГГГ");
    }

    @Test
    void anotherDutyIsRefusedTheJournalAndTheHeadIsPointedToTheDashboard() throws Exception {
        HttpResponse<String> home = signIn(HEAD);
        assertThat(home.body()).contains("href=\"http://reports.test/\"", "панели показателей")
                .doesNotContain("href=\"/audit\"");
        assertThat(get("/audit").statusCode()).isEqualTo(403);
        assertThat(get("/minutes").statusCode()).isEqualTo(403);
    }
}
