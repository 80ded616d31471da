package ru.outreach.staffweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.outreach.testkit.TestTokens;

/**
 * The executor's «Поручения отдела» and the control department's «Контроль поручений» over real HTTP, signed in at
 * the fake provider, against a fake appeals API that records the token and the body of every call.
 */
class ExecutorAndControllerPagesIT extends StaffPagesTest {

    static final TestTokens.Person EXECUTOR = new TestTokens.Person("executor-housing", "Игорь Петров",
            List.of("executor"), null, "Управление ЖКХ");
    static final TestTokens.Person CONTROLLER = new TestTokens.Person("controller", "Елена Васильева",
            List.of("controller"), null, "Контрольно-организационный сектор");

    static final LocalDate TODAY = LocalDate.now(StaffWebProperties.ZONE);

    /**
     * The department's open instructions as the service answers {@code sort=due}: an overdue one, a returned one due
     * later; 201 open in all, so the page says it shows only some.
     */
    static final String DEPARTMENT_PAGE = """
            {"items":[
            {"id":"m1:I1","version":2,"state":"ACCEPTED","text":"Проверить освещение ул. Шахтёрской","executorDepartment":"Управление ЖКХ",
            "coExecutors":[],"dueOn":"%s","overdue":true,"daysOverdue":3,"acceptedOn":"%s",
            "reports":[],"returns":[],"pendingExtension":null,"extensions":[],"closing":null},
            {"id":"m1:I2","version":4,"state":"RETURNED","text":"Отремонтировать детскую площадку","executorDepartment":"Управление ЖКХ",
            "coExecutors":[],"dueOn":"%s","overdue":false,"daysOverdue":0,
            "reports":[{"text":"Сделано","reportedOn":"%s","reportedBy":"Игорь Петров"}],
            "returns":[{"reason":"Нет фотографий площадки","returnedOn":"%s","returnedBy":"Елена Васильева"}],
            "pendingExtension":null,"extensions":[],"closing":null}],
            "page":0,"size":200,"totalItems":201,"totalPages":101}""".formatted(TODAY.minusDays(3), TODAY.minusDays(9),
            TODAY.plusDays(20), TODAY.minusDays(5), TODAY.minusDays(2));

    static final String I1 = """
            {"id":"m1:I1","version":2,"state":"ACCEPTED","text":"Проверить освещение ул. Шахтёрской","executorDepartment":"Управление ЖКХ",
            "coExecutors":["Управление благоустройства"],"issuedOn":"%s","dueOn":"%s","overdue":true,"daysOverdue":3,
            "acceptedOn":"%s","reports":[],"returns":[],"pendingExtension":null,"extensions":[],"closing":null}"""
            .formatted(TODAY.minusDays(30), TODAY.minusDays(3), TODAY.minusDays(9));

    /** What the control department sees: a report to verify, an extension request, an overdue instruction. */
    static final String CONTROL_PAGE = """
            {"items":[
            {"id":"m1:I3","version":5,"state":"REPORTED","text":"Вывезти мусор с ул. Садовой","executorDepartment":"Управление ЖКХ",
            "dueOn":"%s","overdue":false,"daysOverdue":0,
            "reports":[{"text":"Мусор вывезен 3 машинами","reportedOn":"%s","reportedBy":"Игорь Петров"}],"returns":[],
            "pendingExtension":null,"extensions":[],"closing":null},
            {"id":"m1:I4","version":3,"state":"ACCEPTED","text":"Установить остановочный павильон","executorDepartment":"Отдел транспорта",
            "dueOn":"%s","overdue":false,"daysOverdue":0,"reports":[],"returns":[],
            "pendingExtension":{"reason":"Поставщик задерживает павильон","requestedDueOn":"%s","requestedOn":"%s"},
            "extensions":[],"closing":null},
            {"id":"m1:I1","version":2,"state":"ACCEPTED","text":"Проверить освещение ул. Шахтёрской","executorDepartment":"Управление ЖКХ",
            "dueOn":"%s","overdue":true,"daysOverdue":3,"reports":[],"returns":[],"pendingExtension":null,
            "extensions":[],"closing":null}],
            "page":0,"size":200,"totalItems":3,"totalPages":1}""".formatted(TODAY.plusDays(5), TODAY.minusDays(1),
            TODAY.plusDays(2), TODAY.plusDays(40), TODAY.minusDays(1), TODAY.minusDays(3));

    static final String I3 = """
            {"id":"m1:I3","version":5,"state":"REPORTED","text":"Вывезти мусор с ул. Садовой","executorDepartment":"Управление ЖКХ",
            "coExecutors":[],"issuedOn":"%s","dueOn":"%s","overdue":false,"daysOverdue":0,
            "reports":[{"text":"Мусор вывезен 3 машинами","reportedOn":"%s","reportedBy":"Игорь Петров"}],"returns":[],
            "pendingExtension":null,"extensions":[],"closing":null}"""
            .formatted(TODAY.minusDays(20), TODAY.plusDays(5), TODAY.minusDays(1));

    @Test
    void theExecutorSeesHisDepartmentsInstructionsOverdueFirstAndReportsWithHisToken() throws Exception {
        APPEALS.answer("GET /api/instructions", 200, DEPARTMENT_PAGE);
        APPEALS.answer("GET /api/instructions/m1:I1", 200, I1);
        APPEALS.answer("POST /api/instructions/m1:I1/reports", 200, "{\"id\":\"m1:I1\",\"state\":\"REPORTED\"}");

        HttpResponse<String> home = signIn(EXECUTOR);
        assertThat(home.body()).contains("исполнитель", "href=\"/instructions\"", "Поручения отдела")
                .doesNotContain("Контроль поручений");

        HttpResponse<String> list = get("/instructions");
        assertThat(list.statusCode()).isEqualTo(200);
        String body = list.body();
        // what the service answered for his department, in the service's order: the overdue one first
        assertThat(body).contains("Проверить освещение ул. Шахтёрской", "Отремонтировать детскую площадку",
                TODAY.minusDays(3).format(Russian.DATE), "просрочено на 3 дн.", "Принято к исполнению",
                TODAY.plusDays(20).format(Russian.DATE), "Возвращено на доработку", "Нет фотографий площадки",
                TODAY.minusDays(2).format(Russian.DATE));
        assertThat(body.indexOf("Проверить освещение")).isLessThan(body.indexOf("Отремонтировать детскую"));
        assertThat(body).contains("Показаны 2 из 201 открытых поручений");
        // one query for all the open states, in the service's order of terms
        List<FakeApi.Request> queries = APPEALS.requests.stream().filter(r -> r.uri().startsWith("/api/instructions?"))
                .toList();
        assertThat(queries).singleElement().satisfies(r -> {
            assertThat(URLDecoder.decode(r.uri(), StandardCharsets.UTF_8)).contains("executorDepartment=Управление ЖКХ",
                    "state=ISSUED&state=ACCEPTED&state=RETURNED&state=REPORTED", "sort=due", "size=200");
            assertThat(r.authorization()).isEqualTo("Bearer " + PROVIDER.accessTokens.getFirst());
        });

        HttpResponse<String> page = get("/instructions/m1:I1");
        assertThat(page.body()).contains("Проверить освещение ул. Шахтёрской", "Управление благоустройства",
                "<label for=\"reportText\">", "<label for=\"reportedOn\">", "<label for=\"extensionReason\">",
                "<label for=\"extensionDueOn\">", "Отчитаться", "Просить продления");

        HttpResponse<String> reported = post("/instructions/m1:I1/reports", csrf(page.body()),
                Map.of("reportText", "Заменены 4 светильника", "reportedOn", TODAY.format(Russian.DATE)));
        assertThat(reported.uri().getPath()).isEqualTo("/instructions");
        assertThat(reported.body()).contains("Отчёт по поручению m1:I1 отправлен на проверку.");
        assertThat(APPEALS.requests).filteredOn(r -> r.method().equals("POST")).singleElement().satisfies(r -> {
            assertThat(r.uri()).isEqualTo("/api/instructions/m1:I1/reports");
            assertThat(r.authorization()).isEqualTo("Bearer " + PROVIDER.accessTokens.getFirst());
            assertThat(r.body()).startsWith("{").endsWith("}").contains("\"text\":\"Заменены 4 светильника\"",
                    "\"reportedOn\":\"" + TODAY + "\"").doesNotContain("reportedBy");
        });

        // the control department's pages are not his
        assertThat(get("/control").statusCode()).isEqualTo(403);
    }

    @Test
    void aRefusedReportIsShownNextToTheFieldAndABadDateIsNotSent() throws Exception {
        APPEALS.answer("GET /api/instructions/m1:I1", 200, I1);
        APPEALS.answer("POST /api/instructions/m1:I1/reports", 422, """
                {"type":"urn:outreach:problem:invalid-request","status":422,"detail":"Запрос содержит ошибки.",
                "errors":[{"field":"text","message":"Опишите, что сделано."},
                {"field":"reportedOn","message":"Дата отчёта позже сегодняшнего дня."}]}""");
        signIn(EXECUTOR);
        HttpResponse<String> page = get("/instructions/m1:I1");

        HttpResponse<String> refused = post("/instructions/m1:I1/reports", csrf(page.body()),
                Map.of("reportText", "", "reportedOn", "01.01.2030"));
        assertThat(refused.statusCode()).isEqualTo(200);
        String body = refused.body();
        assertThat(between(body, "id=\"reportText\"", "id=\"reportedOn\"")).contains("Опишите, что сделано.");
        assertThat(between(body, "id=\"reportedOn\"", "</form>")).contains("value=\"01.01.2030\"",
                "Дата отчёта позже сегодняшнего дня.");
        assertThat(body).contains("Запрос содержит ошибки.");

        HttpResponse<String> badDate = post("/instructions/m1:I1/extension-request", csrf(page.body()),
                Map.of("extensionReason", "Нет материалов", "extensionDueOn", "2030-01-01",
                        "requestedOn", TODAY.format(Russian.DATE)));
        assertThat(between(badDate.body(), "id=\"extensionDueOn\"", "id=\"requestedOn\"")).contains("ДД.ММ.ГГГГ");
        assertThat(badDate.body()).contains(">Нет материалов</textarea>");
        assertThat(APPEALS.requests).filteredOn(r -> r.method().equals("POST")).hasSize(1);
    }

    @Test
    void theControllerClosesOnlyAfterConfirmingAndReturnsWithAReason() throws Exception {
        APPEALS.answer("GET /api/instructions", 200, CONTROL_PAGE);
        APPEALS.answer("GET /api/instructions/m1:I3", 200, I3);
        APPEALS.answer("POST /api/instructions/m1:I3/closing", 200, "{\"id\":\"m1:I3\",\"state\":\"CLOSED\"}");
        APPEALS.answer("POST /api/instructions/m1:I3/return", 200, "{\"id\":\"m1:I3\",\"state\":\"RETURNED\"}");

        HttpResponse<String> home = signIn(CONTROLLER);
        assertThat(home.body()).contains("контрольно-организационный сектор", "href=\"/control\"",
                "Контроль поручений").doesNotContain("Поручения отдела");

        HttpResponse<String> list = get("/control");
        String body = list.body();
        assertThat(between(body, "id=\"reported\"", "</section>")).contains("Вывезти мусор с ул. Садовой",
                "Мусор вывезен 3 машинами", TODAY.minusDays(1).format(Russian.DATE))
                .doesNotContain("Установить остановочный павильон");
        assertThat(between(body, "id=\"extensions\"", "</section>")).contains("Установить остановочный павильон",
                "Поставщик задерживает павильон", TODAY.plusDays(40).format(Russian.DATE))
                .doesNotContain("Вывезти мусор");
        assertThat(between(body, "id=\"overdue\"", "</section>")).contains("Управление ЖКХ",
                "Проверить освещение ул. Шахтёрской", "просрочено на 3 дн.").doesNotContain("Вывезти мусор");
        assertThat(APPEALS.requests).filteredOn(r -> r.uri().startsWith("/api/instructions?")).singleElement()
                .satisfies(r -> assertThat(r.uri()).doesNotContain("executorDepartment").contains("sort=due",
                        "state=REPORTED"));

        HttpResponse<String> page = get("/control/m1:I3");
        assertThat(page.body()).contains("<label for=\"closedOn\">", "<label for=\"returnReason\">",
                "<label for=\"returnedOn\">", "Снять с контроля", "Вернуть на доработку");

        HttpResponse<String> asked = post("/control/m1:I3/closing", csrf(page.body()),
                Map.of("closedOn", TODAY.format(Russian.DATE)));
        assertThat(asked.body()).contains("Снять с контроля? Это нельзя отменить.", ">Да</button>", "Отмена",
                "href=\"/control/m1:I3\"");
        assertThat(APPEALS.requests).noneMatch(r -> r.method().equals("POST"));

        HttpResponse<String> closed = post("/control/m1:I3/closing", csrf(asked.body()),
                Map.of("closedOn", TODAY.format(Russian.DATE), "confirmed", "yes"));
        assertThat(closed.uri().getPath()).isEqualTo("/control");
        assertThat(closed.body()).contains("Поручение m1:I3 снято с контроля.");
        assertThat(APPEALS.requests).filteredOn(r -> r.method().equals("POST")).singleElement().satisfies(r -> {
            assertThat(r.uri()).isEqualTo("/api/instructions/m1:I3/closing");
            assertThat(r.body()).isEqualTo("{\"closedOn\":\"" + TODAY + "\"}");
            assertThat(r.authorization()).isEqualTo("Bearer " + PROVIDER.accessTokens.getFirst());
        });

        HttpResponse<String> returned = post("/control/m1:I3/return", csrf(page.body()),
                Map.of("returnReason", "Приложите акт выполненных работ", "returnedOn", TODAY.format(Russian.DATE)));
        assertThat(returned.uri().getPath()).isEqualTo("/control");
        assertThat(APPEALS.requests).filteredOn(r -> r.uri().equals("/api/instructions/m1:I3/return"))
                .singleElement().satisfies(r -> assertThat(r.body()).contains(
                        "\"reason\":\"Приложите акт выполненных работ\"", "\"returnedOn\":\"" + TODAY + "\""));

        assertThat(get("/instructions").statusCode()).isEqualTo(403);
    }
}
