package ru.outreach.staffweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.outreach.testkit.TestTokens;

/**
 * The general department's «Обращения» over real HTTP, signed in at the fake provider, against a fake appeals API that
 * records the token and the body of every call.
 */
class GeneralDepartmentPagesIT extends StaffPagesTest {

    static final TestTokens.Person CLERK = new TestTokens.Person("clerk", "Наталья Орлова",
            List.of("general-department"), null, "Общий отдел");
    static final TestTokens.Person EXECUTOR = new TestTokens.Person("executor-housing", "Игорь Петров",
            List.of("executor"), null, "Управление ЖКХ");

    static final LocalDate TODAY = LocalDate.now(StaffWebProperties.ZONE);

    static final String CATEGORIES = """
            [{"code":"housing","name":"Жилищно-коммунальное хозяйство"},{"code":"roads","name":"Дороги и транспорт"}]""";

    /** As the service answers {@code sort=due}: an overdue one (its term 3 days ago) first, one due later next. */
    static final String APPEALS_PAGE = """
            {"items":[
            {"id":"A-1","state":"ASSIGNED","channel":"ELECTRONIC","category":"housing","territory":"Западный","executorDepartment":"Управление ЖКХ",
            "receivedOn":"%s","registeredOn":"%s","answerDueOn":"%s","overdue":true,"registrationOverdue":false,"missedTerms":0},
            {"id":"A-2","state":"REGISTERED","channel":"POST","category":"roads","territory":"Западный","executorDepartment":null,
            "receivedOn":"%s","registeredOn":"%s","answerDueOn":"%s","overdue":false,"registrationOverdue":false,"missedTerms":0}],
            "page":0,"size":20,"totalItems":2,"totalPages":1}""".formatted(TODAY.minusDays(35), TODAY.minusDays(33),
            TODAY.minusDays(3), TODAY.minusDays(3), TODAY.minusDays(2), TODAY.plusDays(28));

    static final String A1 = """
            {"id":"A-1","version":3,"state":"ASSIGNED","channel":"ELECTRONIC","category":"housing","territory":"Западный",
            "citizen":{"fullName":"Иванов Пётр Сергеевич","postalAddress":"ул. Шахтёрская, 5, кв. 12","phone":"+7 900 000-00-00","email":"ivanov@example.ru"},
            "text":"Не горит освещение во дворе","reportsCrime":false,"receivedOn":"%s","registeredOn":"%s","answerDueOn":"%s",
            "redirectDueOn":"%s","overdue":true,"assignment":{"executorDepartment":"Управление ЖКХ","assignedOn":"%s"},
            "extension":null,"answer":null,"redirect":null,"withoutAnswer":null,"closing":null,"personalData":"INCLUDED"}"""
            .formatted(TODAY.minusDays(35), TODAY.minusDays(33), TODAY.minusDays(3), TODAY.minusDays(26),
                    TODAY.minusDays(30));

    static final String A3_ANSWERED = """
            {"id":"A-3","version":5,"state":"ANSWERED","channel":"POST","category":"roads","territory":"Восточный",
            "citizen":{"fullName":"Петрова Анна","postalAddress":"ул. Садовая, 1","phone":null,"email":null},
            "text":"Яма на дороге","reportsCrime":false,"receivedOn":"%s","registeredOn":"%s","answerDueOn":"%s",
            "overdue":false,"answer":{"text":"Яма заделана","answeredOn":"%s","form":"WRITTEN"},"closing":null,
            "personalData":"INCLUDED"}""".formatted(TODAY.minusDays(20), TODAY.minusDays(19), TODAY.plusDays(11),
            TODAY.minusDays(1));

    @BeforeEach
    void categories() {
        APPEALS.answer("GET /api/categories", 200, CATEGORIES);
    }

    @Test
    void theListQueriesWithTheClerksTokenAndShowsOverdueFirst() throws Exception {
        APPEALS.answer("GET /api/appeals", 200, APPEALS_PAGE);

        HttpResponse<String> home = signIn(CLERK);
        assertThat(home.body()).contains("href=\"/appeals\"", ">Обращения<");

        HttpResponse<String> list = get("/appeals?state=ASSIGNED&territory=" + enc("Западный"));
        assertThat(list.statusCode()).isEqualTo(200);
        String body = list.body();
        assertThat(body).contains("A-1", "A-2", "Жилищно-коммунальное хозяйство", "Дороги и транспорт",
                TODAY.minusDays(35).format(Russian.DATE), TODAY.minusDays(33).format(Russian.DATE),
                TODAY.minusDays(3).format(Russian.DATE), TODAY.plusDays(28).format(Russian.DATE),
                "просрочено", "Направлено исполнителю", "Зарегистрировано", "<label for=\"state\">",
                "<label for=\"territory\">");
        assertThat(body.indexOf("href=\"/appeals/A-1\"")).isLessThan(body.indexOf("href=\"/appeals/A-2\""));
        assertThat(APPEALS.requests).filteredOn(r -> r.uri().startsWith("/api/appeals?")).singleElement()
                .satisfies(r -> {
                    assertThat(URLDecoder.decode(r.uri(), StandardCharsets.UTF_8)).contains("state=ASSIGNED",
                            "territory=Западный", "sort=due");
                    assertThat(r.authorization()).isEqualTo("Bearer " + PROVIDER.accessTokens.getFirst());
                });

        // «open»: registered or sent to an executor, in one query
        APPEALS.requests.clear();
        String open = get("/appeals?state=OPEN").body();
        assertThat(open).contains("<option value=\"OPEN\" selected=\"selected\">Открытые");
        assertThat(APPEALS.requests).filteredOn(r -> r.uri().startsWith("/api/appeals?")).singleElement()
                .satisfies(r -> assertThat(r.uri()).contains("state=REGISTERED&state=ASSIGNED", "sort=due"));
    }

    @Test
    void registeringByPostPostsTheExactBody() throws Exception {
        APPEALS.answer("POST /api/appeals", 201, """
                {"id":"A-9","state":"REGISTERED","answerDueOn":"%s"}""".formatted(TODAY.plusDays(30)));
        APPEALS.answer("GET /api/appeals/A-9", 200, A1.replace("A-1", "A-9"));
        signIn(CLERK);

        HttpResponse<String> form = get("/appeals/new");
        assertThat(form.body()).contains("<label for=\"receivedOn\">", "<label for=\"registeredOn\">",
                "<label for=\"fullName\">", "<label for=\"postalAddress\">", "<label for=\"phone\">",
                "<label for=\"email\">", "<label for=\"text\">", "<label for=\"category\">",
                "<label for=\"territory\">", "Почтой", "Лично в общий отдел", "В электронной форме",
                "Жилищно-коммунальное хозяйство");

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("channel", "POST");
        fields.put("receivedOn", TODAY.minusDays(2).format(Russian.DATE));
        fields.put("registeredOn", TODAY.format(Russian.DATE));
        fields.put("fullName", "Иванов Пётр Сергеевич");
        fields.put("postalAddress", "ул. Шахтёрская, 5, кв. 12");
        fields.put("phone", "");
        fields.put("email", "");
        fields.put("text", "Не горит освещение во дворе");
        fields.put("category", "housing");
        fields.put("territory", "Западный");
        Matcher key = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(key.find()).as("the form carries its idempotency key").isTrue();
        fields.put("idempotencyKey", key.group(1));
        HttpResponse<String> done = post("/appeals/new", csrf(form.body()), fields);
        assertThat(done.uri().getPath()).isEqualTo("/appeals/A-9");
        assertThat(done.body()).contains("Обращение A-9 зарегистрировано", TODAY.plusDays(30).format(Russian.DATE));
        assertThat(APPEALS.requests).filteredOn(r -> r.method().equals("POST")).singleElement().satisfies(r -> {
            assertThat(r.uri()).isEqualTo("/api/appeals");
            assertThat(r.idempotencyKey()).as("a retry of the same form creates nothing more").isEqualTo(key.group(1));
            assertThat(r.authorization()).isEqualTo("Bearer " + PROVIDER.accessTokens.getFirst());
            assertThat(r.body()).isEqualTo("{\"channel\":\"POST\",\"receivedOn\":\"" + TODAY.minusDays(2)
                    + "\",\"registeredOn\":\"" + TODAY + "\",\"citizen\":{\"fullName\":\"Иванов Пётр Сергеевич\","
                    + "\"postalAddress\":\"ул. Шахтёрская, 5, кв. 12\"},\"text\":\"Не горит освещение во дворе\","
                    + "\"category\":\"housing\",\"territory\":\"Западный\",\"reportsCrime\":false}");
        });
    }

    @Test
    void aRefusedAnswerShowsTheMessageNextToTheDate() throws Exception {
        APPEALS.answer("GET /api/appeals/A-1", 200, A1);
        APPEALS.answer("POST /api/appeals/A-1/answer", 422, """
                {"type":"urn:outreach:problem:invalid-request","status":422,"detail":"Запрос содержит ошибки.",
                "errors":[{"field":"answeredOn","message":"Дата ответа раньше даты регистрации."}]}""");
        signIn(CLERK);

        HttpResponse<String> page = get("/appeals/A-1");
        assertThat(page.body()).contains("Иванов Пётр Сергеевич", "ул. Шахтёрская, 5, кв. 12", "ivanov@example.ru",
                "Не горит освещение во дворе", "Направить исполнителю", "Ответить", "Продлить срок",
                "Перенаправить по компетенции", "Оставить без ответа", "<label for=\"answerText\">",
                "<label for=\"answeredOn\">", "<label for=\"ground\">")
                .doesNotContain("<label for=\"closedOn\">");

        HttpResponse<String> refused = post("/appeals/A-1/answer", csrf(page.body()),
                Map.of("answerText", "Освещение восстановлено", "answeredOn", "01.01.2020", "answerForm", "WRITTEN"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(between(refused.body(), "id=\"answeredOn\"", "</div>")).contains("value=\"01.01.2020\"",
                "Дата ответа раньше даты регистрации.");
        assertThat(refused.body()).contains("Запрос содержит ошибки.", ">Освещение восстановлено</textarea>");
        HttpResponse<String> tooLong = post("/appeals/A-1/extension", csrf(page.body()),
                Map.of("extensionDays", "45", "extensionReason", "Нужен выезд на место",
                        "extensionDecidedOn", TODAY.format(Russian.DATE), "extensionNotifiedOn", ""));
        assertThat(between(tooLong.body(), "id=\"extensionDays\"", "</div>")).contains("не более чем на 30 дней");
        assertThat(APPEALS.requests).filteredOn(r -> r.method().equals("POST")).singleElement().satisfies(r ->
                assertThat(r.body()).isEqualTo("{\"text\":\"Освещение восстановлено\",\"answeredOn\":\"2020-01-01\","
                        + "\"form\":\"WRITTEN\",\"citizenConsentedToOral\":false}"));
    }

    @Test
    void closingAsksForConfirmationFirstAndPostsOnlyAfterYes() throws Exception {
        APPEALS.answer("GET /api/appeals/A-3", 200, A3_ANSWERED);
        APPEALS.answer("POST /api/appeals/A-3/closing", 200, "{\"id\":\"A-3\",\"state\":\"CLOSED\"}");
        signIn(CLERK);

        HttpResponse<String> page = get("/appeals/A-3");
        assertThat(page.body()).contains("<label for=\"closedOn\">", "Снять с контроля", "Яма заделана")
                .doesNotContain("<label for=\"answerText\">");

        HttpResponse<String> asked = post("/appeals/A-3/closing", csrf(page.body()),
                Map.of("closedOn", TODAY.format(Russian.DATE)));
        assertThat(asked.body()).contains("Снять обращение с контроля? Это нельзя отменить.", ">Да</button>",
                "Отмена", "href=\"/appeals/A-3\"", TODAY.format(Russian.DATE));
        assertThat(APPEALS.requests).noneMatch(r -> r.method().equals("POST"));

        HttpResponse<String> closed = post("/appeals/A-3/closing", csrf(asked.body()),
                Map.of("closedOn", TODAY.format(Russian.DATE), "confirmed", "yes"));
        assertThat(closed.uri().getPath()).isEqualTo("/appeals/A-3");
        assertThat(closed.body()).contains("Обращение A-3 снято с контроля.");
        assertThat(APPEALS.requests).filteredOn(r -> r.method().equals("POST")).singleElement().satisfies(r -> {
            assertThat(r.uri()).isEqualTo("/api/appeals/A-3/closing");
            assertThat(r.body()).isEqualTo("{\"closedOn\":\"" + TODAY + "\"}");
            assertThat(r.authorization()).isEqualTo("Bearer " + PROVIDER.accessTokens.getFirst());
        });
    }

    @Test
    void theAppealsPagesAreTheGeneralDepartmentsOnly() throws Exception {
        HttpResponse<String> home = signIn(EXECUTOR);
        assertThat(home.body()).doesNotContain("href=\"/appeals\"");
        assertThat(get("/appeals").statusCode()).isEqualTo(403);
        assertThat(get("/appeals/new").statusCode()).isEqualTo(403);
        assertThat(APPEALS.requests).noneMatch(r -> r.uri().startsWith("/api/appeals"));
    }
}
