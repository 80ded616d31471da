package ru.outreach.staffweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.outreach.testkit.TestTokens;

/**
 * The secretary's meeting page and minutes editor over real HTTP, signed in at the fake OpenID Connect provider,
 * against fake APIs that record the token and the body they were called with.
 */
class SecretaryPagesIT extends StaffPagesTest {

    static final TestTokens.Person SECRETARY = new TestTokens.Person("secretary-west", "Ольга Смирнова",
            List.of("secretary"), "Информационная группа микрорайона Западный", null);

    static final LocalDate TODAY = LocalDate.now(StaffWebProperties.ZONE);

    static String meeting(String id, String status, String extra) {
        return """
                {"id":"%s","version":2,"groupId":"g-west","territory":"Западный","status":"%s",
                "venue":{"name":"МБОУ СОШ № 3","address":"ул. Ленина, 10","kind":"SCHOOL"},
                "scheduledAt":"2026-12-15T17:00:00"%s}""".formatted(id, status, extra);
    }

    @Test
    void theMeetingPageOffersTheStepsOfItsStatusAndPostsOneWithThePersonsToken() throws Exception {
        MEETINGS.answer("GET /api/meetings", 200, """
                {"items":[%s],"page":0,"size":20,"totalItems":1,"totalPages":1}"""
                .formatted(meeting("m1", "VENUE_AGREED", "")));
        MEETINGS.answer("GET /api/meetings/m1", 200, meeting("m1", "VENUE_AGREED",
                ",\"venueAgreement\":{\"agreedOn\":\"2026-11-20\",\"agreedWith\":\"директор школы\"}"));
        MEETINGS.answer("POST /api/meetings/m1/announcement", 200, meeting("m1", "ANNOUNCED", ""));
        MEETINGS.answer("GET /api/meetings/m3", 200, meeting("m3", "ANNOUNCED", ""));
        signIn();

        assertThat(get("/meetings").body()).contains("href=\"/meetings/m1\"");
        HttpResponse<String> page = get("/meetings/m1");
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("15.12.2026 17:00", "МБОУ СОШ № 3, ул. Ленина, 10 (Школа)", "Место согласовано",
                "20.11.2026, с кем: директор школы", ">Объявить</h2>", ">Перенести</h2>", ">Отменить</h2>",
                "<label for=\"announcedOn\">", "<label for=\"channel-0\">Официальный сайт</label>",
                "<label for=\"cancelReason\">Причина отмены</label>")
                .doesNotContain(">Согласовать место</h2>", ">Провести</h2>");
        // every step's date is today unless typed otherwise
        assertThat(between(body, "id=\"announcedOn\"", ">")).contains("value=\"" + TODAY.format(Russian.DATE) + "\"");
        assertThat(between(body, "id=\"cancelledOn\"", ">")).contains("value=\"" + TODAY.format(Russian.DATE) + "\"");

        HttpResponse<String> announced = post("/meetings/m1/announcement", csrf(body), List.of(
                Map.entry("announcedOn", "25.11.2026"), Map.entry("channels", "OFFICIAL_SITE"),
                Map.entry("channels", "NOTICE_BOARD"), Map.entry("details", "")));
        assertThat(announced.uri().getPath()).isEqualTo("/meetings/m1");
        assertThat(announced.body()).contains("Встреча объявлена.");
        assertThat(MEETINGS.requests).filteredOn(r -> r.method().equals("POST")).singleElement().satisfies(r -> {
            assertThat(r.uri()).isEqualTo("/api/meetings/m1/announcement");
            assertThat(r.authorization()).isEqualTo("Bearer " + PROVIDER.accessTokens.getFirst());
            assertThat(r.body()).isEqualTo(
                    "{\"announcedOn\":\"2026-11-25\",\"channels\":[\"OFFICIAL_SITE\",\"NOTICE_BOARD\"],\"details\":null}");
        });

        // an announced meeting is held: date and time, residents, officials one per line
        MEETINGS.answer("POST /api/meetings/m3/holding", 200, meeting("m3", "HELD", ""));
        String held = get("/meetings/m3").body();
        assertThat(held).contains(">Провести</h2>", "<label for=\"heldTime\">", "value=\"17:00\"")
                .doesNotContain(">Объявить</h2>");
        post("/meetings/m3/holding", csrf(held), List.of(Map.entry("heldDate", "15.12.2026"),
                Map.entry("heldTime", "17:10"), Map.entry("residentsAttended", "46"),
                Map.entry("officialsPresent", "депутат Петров П.П.\r\n\r\nначальник УЖКХ")));
        assertThat(MEETINGS.requests).filteredOn(r -> r.uri().equals("/api/meetings/m3/holding")).singleElement()
                .satisfies(r -> assertThat(r.body()).isEqualTo("{\"heldAt\":\"2026-12-15T17:10\","
                        + "\"residentsAttended\":46,\"officialsPresent\":[\"депутат Петров П.П.\",\"начальник УЖКХ\"]}"));
    }

    @Test
    void aRefusedStepShowsTheMessageNextToTheField() throws Exception {
        MEETINGS.answer("GET /api/meetings/m1", 200, meeting("m1", "PLANNED", ""));
        MEETINGS.answer("POST /api/meetings/m1/venue-agreement", 422, """
                {"type":"urn:outreach:problem:step-date-in-future","status":422,"detail":"Запрос содержит ошибки.",
                "errors":[{"field":"agreedOn","message":"Дата согласования места 01.01.2027 ещё не наступила."}]}""");
        MEETINGS.answer("POST /api/meetings/m1/cancellation", 409, """
                {"type":"urn:outreach:problem:meeting-transition","status":409,
                "detail":"Нельзя отменить встречу: она уже проведена."}""");
        signIn();
        String page = get("/meetings/m1").body();
        assertThat(page).contains(">Согласовать место</h2>", ">Объявить</h2>").doesNotContain(">Провести</h2>");

        HttpResponse<String> refused = post("/meetings/m1/venue-agreement", csrf(page), List.of(
                Map.entry("agreedOn", "01.01.2027"), Map.entry("agreedWith", "директор школы")));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(between(refused.body(), "id=\"agreedOn\"", "id=\"agreedWith\""))
                .contains("value=\"01.01.2027\"", "Дата согласования места 01.01.2027 ещё не наступила.");
        assertThat(refused.body()).contains("value=\"директор школы\"");
        assertThat(MEETINGS.requests).filteredOn(r -> r.method().equals("POST")).singleElement()
                .satisfies(r -> assertThat(r.body()).isEqualTo(
                        "{\"agreedOn\":\"2027-01-01\",\"agreedWith\":\"директор школы\"}"));

        // a refusal naming no field is shown in the form of its step
        HttpResponse<String> notNow = post("/meetings/m1/cancellation", csrf(page), List.of(
                Map.entry("cancelReason", "Ремонт школы"), Map.entry("cancelledOn", TODAY.format(Russian.DATE))));
        assertThat(between(notNow.body(), "id=\"cancellation-title\"", "</form>"))
                .contains("Нельзя отменить встречу: она уже проведена.", "value=\"Ремонт школы\"");

        // a date that is not ДД.ММ.ГГГГ is refused on the page, the service is not asked
        HttpResponse<String> badDate = post("/meetings/m1/venue-agreement", csrf(page), List.of(
                Map.entry("agreedOn", "2027-01-01"), Map.entry("agreedWith", "")));
        assertThat(between(badDate.body(), "id=\"agreedOn\"", "id=\"agreedWith\"")).contains("ДД.ММ.ГГГГ");
        assertThat(MEETINGS.requests).filteredOn(r -> r.uri().endsWith("/venue-agreement")).hasSize(1);
    }

    @Test
    void theMinutesEditorSavesAReceptionCardAndAnInstructionAndShowsARefusalAtItsRow() throws Exception {
        MEETINGS.answer("GET /api/meetings/m2", 200, meeting("m2", "HELD",
                ",\"holding\":{\"heldAt\":\"2026-11-20T17:00:00\",\"residentsAttended\":46,\"officialsPresent\":[]},"
                        + "\"minutesDueOn\":\"2026-11-27\""));
        APPEALS.answer("GET /api/categories", 200, """
                [{"code":"HOUSING","name":"Жилищно-коммунальное хозяйство"},{"code":"ROADS","name":"Дороги"}]""");
        MEETINGS.answer("PUT /api/meetings/m2/minutes", 200, "{\"meetingId\":\"m2\",\"status\":\"DRAFT\"}");
        signIn();

        assertThat(get("/meetings/m2").body()).contains("href=\"/meetings/m2/minutes\"", "Протокол оформить до",
                "27.11.2026");
        String editor = get("/meetings/m2/minutes").body();
        assertThat(editor).contains("Оформить до: <strong>27.11.2026</strong>",
                "<label for=\"receptionCards-0-citizen-fullName\">Ф. И. О. гражданина</label>",
                "<label for=\"instructions-2-dueOn\">", "<label for=\"questions-2-answer\">",
                "<option value=\"HOUSING\">Жилищно-коммунальное хозяйство</option>", "Сохранить черновик")
                .doesNotContain("receptionCards-3-");
        assertThat(APPEALS.requests).anySatisfy(r -> assertThat(r.authorization())
                .isEqualTo("Bearer " + PROVIDER.accessTokens.getFirst()));

        List<Map.Entry<String, String>> typed = List.of(
                Map.entry("questions[0].text", "Когда починят освещение?"),
                Map.entry("questions[0].answer", "До конца месяца"),
                Map.entry("questions[1].text", ""), Map.entry("questions[1].answer", ""),
                Map.entry("receptionCards[0].citizen.fullName", "Петрова Анна Сергеевна"),
                Map.entry("receptionCards[0].citizen.postalAddress", "ул. Шахтёрская, 3"),
                Map.entry("receptionCards[0].citizen.phone", "+7 900 111-22-33"),
                Map.entry("receptionCards[0].citizen.email", ""),
                Map.entry("receptionCards[0].question", "Протекает крыша"),
                Map.entry("receptionCards[0].category", "HOUSING"),
                Map.entry("instructions[0].text", ""), Map.entry("instructions[0].executorDepartment", ""),
                Map.entry("instructions[0].dueOn", ""),
                Map.entry("instructions[1].text", "Проверить освещение ул. Шахтёрской"),
                Map.entry("instructions[1].executorDepartment", "Управление ЖКХ"),
                Map.entry("instructions[1].dueOn", "10.12.2026"));
        HttpResponse<String> saved = post("/meetings/m2/minutes", csrf(editor), typed);
        assertThat(saved.uri().getPath()).isEqualTo("/meetings/m2/minutes");
        assertThat(saved.body()).contains("Черновик протокола сохранён.");
        assertThat(MEETINGS.requests).filteredOn(r -> r.method().equals("PUT")).singleElement().satisfies(r -> {
            assertThat(r.uri()).isEqualTo("/api/meetings/m2/minutes");
            assertThat(r.authorization()).isEqualTo("Bearer " + PROVIDER.accessTokens.getFirst());
            assertThat(r.body()).isEqualTo("{\"questions\":[{\"text\":\"Когда починят освещение?\","
                    + "\"answer\":\"До конца месяца\"}],\"remarks\":[],\"proposals\":[],"
                    + "\"receptionCards\":[{\"citizen\":{\"fullName\":\"Петрова Анна Сергеевна\","
                    + "\"postalAddress\":\"ул. Шахтёрская, 3\",\"phone\":\"+7 900 111-22-33\",\"email\":null},"
                    + "\"question\":\"Протекает крыша\",\"category\":\"HOUSING\"}],\"writtenAppeals\":[],"
                    + "\"instructions\":[{\"text\":\"Проверить освещение ул. Шахтёрской\","
                    + "\"executorDepartment\":\"Управление ЖКХ\",\"dueOn\":\"2026-12-10\"}]}");
        });

        // the service names the first instruction it got: the page's second row
        MEETINGS.answer("PUT /api/meetings/m2/minutes", 422, """
                {"type":"urn:outreach:problem:invalid-request","status":422,"detail":"Запрос содержит ошибки.",
                "errors":[{"field":"instructions[0].executorDepartment","message":"Укажите исполнителя."}]}""");
        HttpResponse<String> refused = post("/meetings/m2/minutes", csrf(editor), typed);
        assertThat(between(refused.body(), "id=\"instructions-1-executorDepartment\"", "id=\"instructions-1-dueOn\""))
                .contains("Укажите исполнителя.", "value=\"Управление ЖКХ\"");
        assertThat(between(refused.body(), "id=\"instructions-0-executorDepartment\"", "id=\"instructions-0-dueOn\""))
                .doesNotContain("Укажите исполнителя.");
        assertThat(refused.body()).contains("value=\"Петрова Анна Сергеевна\"",
                "<option value=\"HOUSING\" selected=\"selected\">");
    }

    @Test
    void signingAsksForConfirmationFirstAndPostsOnlyAfterYes() throws Exception {
        MEETINGS.answer("GET /api/meetings/m2", 200, meeting("m2", "HELD", ""));
        MEETINGS.answer("GET /api/meetings/m2/minutes", 200, """
                {"meetingId":"m2","version":1,"groupId":"g-west","territory":"Западный","heldOn":"2026-11-20",
                "dueOn":"%s","status":"DRAFT","overdue":true,"content":{"questions":[],"remarks":[],"proposals":[],
                "receptionCards":[],"writtenAppeals":[],"instructions":[]},"personalDataWithheld":false}"""
                .formatted(TODAY.minusDays(1)));
        MEETINGS.answer("POST /api/meetings/m2/minutes/signature", 200, "{\"meetingId\":\"m2\",\"status\":\"SIGNED\"}");
        signIn();

        String editor = get("/meetings/m2/minutes").body();
        assertThat(editor).contains("href=\"/meetings/m2/minutes/signature\"", "Срок оформления протокола истёк");
        HttpResponse<String> confirm = get("/meetings/m2/minutes/signature");
        assertThat(confirm.body()).contains("Подписать протокол? После подписания он не меняется", "Да, подписать",
                "Отмена", "href=\"/meetings/m2/minutes\"", "<label for=\"signedOn\">",
                "value=\"" + TODAY.format(Russian.DATE) + "\"", TODAY.minusDays(1).format(Russian.DATE),
                "Срок оформления протокола истёк");
        assertThat(MEETINGS.requests).noneMatch(r -> r.method().equals("POST"));

        HttpResponse<String> signed = post("/meetings/m2/minutes/signature", csrf(confirm.body()),
                List.of(Map.entry("signedOn", "21.11.2026")));
        assertThat(signed.uri().getPath()).isEqualTo("/meetings/m2");
        assertThat(signed.body()).contains("Протокол подписан 21.11.2026.");
        assertThat(MEETINGS.requests).filteredOn(r -> r.method().equals("POST")).singleElement().satisfies(r -> {
            assertThat(r.uri()).isEqualTo("/api/meetings/m2/minutes/signature");
            assertThat(r.body()).isEqualTo("{\"signedOn\":\"2026-11-21\"}");
            assertThat(r.authorization()).isEqualTo("Bearer " + PROVIDER.accessTokens.getFirst());
        });
    }

    private void signIn() throws IOException, InterruptedException {
        PROVIDER.reset(SECRETARY);
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.uri().getPath()).isEqualTo("/");
    }
}
