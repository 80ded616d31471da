package ru.outreach.staffweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.outreach.testkit.TestTokens;

/**
 * The pages over real HTTP with a cookie-keeping client: sign-in at a fake OpenID Connect provider (code flow with
 * PKCE, confidential client), the secretary's meetings and planning form, the general department's registration
 * queue, against fake APIs that record the token they were called with.
 */
class StaffPagesIT extends StaffPagesTest {

    static final TestTokens.Person SECRETARY = new TestTokens.Person("secretary-west", "Ольга Смирнова",
            List.of("secretary"), "Информационная группа микрорайона Западный", null);
    static final TestTokens.Person CLERK = new TestTokens.Person("clerk", "Наталья Орлова",
            List.of("general-department"), null, "Общий отдел");

    static final String GROUPS = """
            {"items":[{"id":"g-west","version":1,"details":{"name":"Информационная группа микрорайона Западный",
            "territories":["Западный","Соколово-Кундрючий"]}}],"page":0,"size":20,"totalItems":1,"totalPages":1}""";
    static final String MEETINGS_PAGE = """
            {"items":[{"id":"m1","version":3,"groupId":"g-west","territory":"Западный","status":"ANNOUNCED",
            "venue":{"name":"МБОУ СОШ № 3","address":"ул. Ленина, 10","kind":"SCHOOL"},
            "scheduledAt":"2026-12-15T17:00:00"},
            {"id":"m2","version":5,"groupId":"g-west","territory":"Соколово-Кундрючий","status":"HELD",
            "venue":{"name":"ДК Шахтёр","kind":"CULTURE"},"scheduledAt":"2026-10-02T18:30:00"}],
            "page":0,"size":20,"totalItems":2,"totalPages":1}""";

    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    @Test
    void theSecretarySignsInSeesHisMeetingsAndIsToldWhatTheServiceRefusedNextToTheField() throws Exception {
        MEETINGS.answer("GET /api/groups", 200, GROUPS);
        MEETINGS.answer("GET /api/meetings", 200, MEETINGS_PAGE);
        MEETINGS.answer("POST /api/meetings", 422, """
                {"type":"urn:outreach:problem:invalid-request","status":422,"title":"Неверный запрос",
                "detail":"Запрос содержит ошибки.","errors":[{"field":"venue.name","message":"Укажите место проведения."},
                {"field":"scheduledAt","message":"Встречу нельзя запланировать на прошедший день."}]}""");

        HttpResponse<String> home = signIn(SECRETARY);
        // the sign-in went through the provider: the confidential client, PKCE, its secret and verifier
        assertThat(PROVIDER.authorizations).singleElement().satisfies(query -> {
            assertThat(query).containsEntry("client_id", "outreach-staff-web")
                    .containsEntry("code_challenge_method", "S256").containsKey("nonce");
        });
        assertThat(PROVIDER.tokenRequests).singleElement().satisfies(form -> assertThat(form)
                .containsEntry("client_secret", "staff-web-secret").containsKey("code_verifier"));
        assertThat(home.uri().getPath()).isEqualTo("/");
        assertThat(home.body()).contains("Ольга Смирнова", "секретарь информационной группы",
                "Информационная группа микрорайона Западный", "href=\"/meetings\"", "Встречи группы",
                "Запланировать встречу", "Выйти").doesNotContain("Очередь регистрации");
        // the browser holds no token
        assertThat(home.headers().allValues("set-cookie")).noneMatch(c -> c.contains(PROVIDER.accessTokens.getFirst()));

        HttpResponse<String> list = get("/meetings");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("15.12.2026 17:00", "Западный", "МБОУ СОШ № 3, ул. Ленина, 10 (Школа)",
                "Объявлена", "02.10.2026 18:30", "ДК Шахтёр", "Проведена");
        FakeApi.Request listed = MEETINGS.requests.stream().filter(r -> r.uri().startsWith("/api/meetings"))
                .findFirst().orElseThrow();
        assertThat(listed.uri()).contains("page=0", "size=20");
        assertThat(listed.authorization()).isEqualTo("Bearer " + PROVIDER.accessTokens.getFirst());

        HttpResponse<String> form = get("/meetings/new");
        assertThat(form.body()).contains("<label for=\"territory\">", "<label for=\"date\">",
                "<option value=\"Западный\">", "<option value=\"Соколово-Кундрючий\">");

        String key = between(form.body(), "name=\"idempotencyKey\" value=\"", "\">")
                .substring("name=\"idempotencyKey\" value=\"".length());
        assertThat(key).as("the form carries an idempotency key").hasSize(36);
        HttpResponse<String> refused = post("/meetings", csrf(form.body()), Map.of("territory", "Западный",
                "venueName", "", "venueKind", "SCHOOL", "venueAddress", "ул. Ленина, 10", "date", "01.02.2027",
                "time", "17:30", "idempotencyKey", key));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).as("the form shown again keeps its key").contains("value=\"" + key + "\"");
        assertThat(MEETINGS.requests).filteredOn(r -> r.method().equals("POST")).singleElement().satisfies(r -> {
            assertThat(r.idempotencyKey()).isEqualTo(key);
            assertThat(r.authorization()).isEqualTo("Bearer " + PROVIDER.accessTokens.getFirst());
            assertThat(r.body()).contains("\"groupId\":\"g-west\"", "\"territory\":\"Западный\"",
                    "\"scheduledAt\":\"2027-02-01T17:30\"", "\"kind\":\"SCHOOL\"");
        });
        String body = refused.body();
        // each message right after the field it names; what was typed is kept
        assertThat(between(body, "id=\"venueName\"", "id=\"venueKind\"")).contains("Укажите место проведения.");
        assertThat(between(body, "id=\"date\"", "id=\"time\"")).contains(
                "Встречу нельзя запланировать на прошедший день.").contains("value=\"01.02.2027\"");
        assertThat(body).contains("value=\"ул. Ленина, 10\"", "value=\"17:30\"",
                "<option value=\"Западный\" selected=\"selected\">");

        // a date that is not ДД.ММ.ГГГГ is refused on the page, the service is not asked
        HttpResponse<String> badDate = post("/meetings", csrf(form.body()), Map.of("territory", "Западный",
                "venueName", "ДК", "venueKind", "CULTURE", "venueAddress", "", "date", "2027-02-01", "time", "17:30"));
        assertThat(between(badDate.body(), "id=\"date\"", "id=\"time\"")).contains("ДД.ММ.ГГГГ");
        assertThat(MEETINGS.requests).filteredOn(r -> r.method().equals("POST")).hasSize(1);

        // the general department's page is not his
        assertThat(get("/registration-queue").statusCode()).isEqualTo(403);
    }

    @Test
    void aServiceThatIsDownIsSaidSoInRussian() throws Exception {
        signIn(SECRETARY);
        MEETINGS.down = true;
        HttpResponse<String> list = get("/meetings");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Сервис встреч сейчас недоступен").doesNotContain("Exception");
    }

    @Test
    void theGeneralDepartmentRegistersAnAppealOfTheQueueWithHisToken() throws Exception {
        String today = LocalDate.now(StaffWebProperties.ZONE).format(Russian.DATE);
        APPEALS.answer("GET /api/appeals/registration-queue", 200, """
                {"items":[{"id":"m1:RC1","state":"RECEIVED","category":"HOUSING","territory":"Западный",
                "receivedOn":"2026-11-02","registrationDueOn":"2026-11-05","registrationOverdue":true},
                {"id":"m1:RC2","state":"RECEIVED","category":"ROADS","territory":"Западный",
                "receivedOn":"2026-11-27","registrationDueOn":"2026-12-02","registrationOverdue":false}],
                "page":0,"size":20,"totalItems":2,"totalPages":1}""");
        APPEALS.answer("POST /api/appeals/m1:RC1/registration", 422, """
                {"type":"urn:outreach:problem:step-date-before","status":422,"detail":"Дата регистрации раньше даты получения.",
                "errors":[{"field":"registeredOn","message":"Дата регистрации 01.11.2026 раньше даты получения 02.11.2026."}]}""");
        APPEALS.answer("POST /api/appeals/m1:RC2/registration", 200, """
                {"id":"m1:RC2","state":"REGISTERED","registeredOn":"2026-11-28"}""");

        HttpResponse<String> home = signIn(CLERK);
        assertThat(home.body()).contains("Наталья Орлова", "общий отдел", "Очередь регистрации")
                .doesNotContain("Встречи группы");

        HttpResponse<String> queue = get("/registration-queue");
        assertThat(queue.body()).contains("m1:RC1", "02.11.2026", "05.11.2026", "срок регистрации истёк",
                "m1:RC2", "27.11.2026", "02.12.2026", "value=\"" + today + "\"", "Зарегистрировать",
                "<label for=\"registeredOn-0\">");
        assertThat(between(queue.body(), "m1:RC2", "</tr>")).doesNotContain("срок регистрации истёк");

        HttpResponse<String> refused = post("/registration-queue/m1:RC1", csrf(queue.body()),
                Map.of("registeredOn", "01.11.2026"));
        assertThat(between(refused.body(), "id=\"registeredOn-0\"", "</form>"))
                .contains("value=\"01.11.2026\"", "Дата регистрации 01.11.2026 раньше даты получения 02.11.2026.");

        HttpResponse<String> registered = post("/registration-queue/m1:RC2", csrf(queue.body()),
                Map.of("registeredOn", "28.11.2026"));
        assertThat(registered.uri().getPath()).isEqualTo("/registration-queue");
        assertThat(registered.body()).contains("Обращение m1:RC2 зарегистрировано 28.11.2026.");
        assertThat(APPEALS.requests).filteredOn(r -> r.uri().equals("/api/appeals/m1:RC2/registration"))
                .singleElement().satisfies(r -> {
                    assertThat(r.method()).isEqualTo("POST");
                    assertThat(r.body()).isEqualTo("{\"registeredOn\":\"2026-11-28\"}");
                    assertThat(r.authorization()).isEqualTo("Bearer " + PROVIDER.accessTokens.getFirst());
                });
        assertThat(get("/meetings").statusCode()).isEqualTo(403);
    }

    @Test
    void signingOutEndsTheSessionAtTheProvider() throws Exception {
        HttpResponse<String> home = signIn(CLERK);
        HttpResponse<String> out = post("/logout", csrf(home.body()), Map.of());
        assertThat(out.uri().getPath()).isEqualTo("/signed-out");
        assertThat(out.body()).contains("Вы вышли из системы");
        assertThat(PROVIDER.logouts).singleElement().satisfies(query -> assertThat(query)
                .containsKey("id_token_hint").containsEntry("post_logout_redirect_uri",
                        "http://127.0.0.1:" + port + "/signed-out"));
        // signed out: the next page sends him to the provider again
        get("/");
        assertThat(PROVIDER.authorizations).hasSize(2);
    }

    @Test
    void theHealthProbeAnswersWithoutSignIn() throws Exception {
        HttpResponse<String> health = browser.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Override
    HttpResponse<String> signIn(TestTokens.Person person) throws IOException, InterruptedException {
        PROVIDER.reset(person);
        HttpResponse<String> first = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(page("/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/oauth2/authorization/keycloak"));
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        return home;
    }
}
