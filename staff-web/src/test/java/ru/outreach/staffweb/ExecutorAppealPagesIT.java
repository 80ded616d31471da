package ru.outreach.staffweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The appeals sent to the executor's department: on «Поручения отдела» below his instructions, on «Обращения отдела»
 * page by page, and each one's page to read; over real HTTP against a fake appeals API that records the query and the
 * token.
 */
class ExecutorAppealPagesIT extends StaffPagesTest {

    static final LocalDate TODAY = LocalDate.now(StaffWebProperties.ZONE);

    /** As the service answers {@code state=ASSIGNED&sort=due}: an overdue one first, one due in 2 days next. */
    static final String ASSIGNED_PAGE = """
            {"items":[
            {"id":"A-1","state":"ASSIGNED","channel":"ELECTRONIC","category":"housing","territory":"Западный",
            "executorDepartment":"Управление ЖКХ","receivedOn":"%s","registeredOn":"%s","answerDueOn":"%s",
            "overdue":true,"registrationOverdue":false,"missedTerms":1},
            {"id":"A-5","state":"ASSIGNED","channel":"POST","category":"roads","territory":"Восточный",
            "executorDepartment":"Управление ЖКХ","receivedOn":"%s","registeredOn":"%s","answerDueOn":"%s",
            "overdue":false,"registrationOverdue":false,"missedTerms":0}],
            "page":0,"size":20,"totalItems":23,"totalPages":2}""".formatted(TODAY.minusDays(35), TODAY.minusDays(33),
            TODAY.minusDays(3), TODAY.minusDays(29), TODAY.minusDays(28), TODAY.plusDays(2));

    @BeforeEach
    void classifier() {
        APPEALS.answer("GET /api/categories", 200, GeneralDepartmentPagesIT.CATEGORIES);
    }

    @Test
    void theExecutorSeesTheAppealsSentToHisDepartmentOverdueFirstAndReadsOne() throws Exception {
        APPEALS.answer("GET /api/instructions", 200, ExecutorAndControllerPagesIT.DEPARTMENT_PAGE);
        APPEALS.answer("GET /api/appeals", 200, ASSIGNED_PAGE);
        APPEALS.answer("GET /api/appeals/A-1", 200, GeneralDepartmentPagesIT.A1);

        HttpResponse<String> home = signIn(ExecutorAndControllerPagesIT.EXECUTOR);
        assertThat(home.body()).contains("href=\"/instructions\"", "href=\"/department-appeals\"", "Обращения отдела");

        // on his instructions' page, below them
        String instructions = get("/instructions").body();
        String section = between(instructions, "id=\"appeals-title\"", "</section>");
        assertThat(section).contains("Обращения, направленные отделу", "Ждут ответа: 23.",
                "href=\"/department-appeals/A-1\"", "href=\"/department-appeals/A-5\"", "просрочено",
                TODAY.minusDays(3).format(Russian.DATE), "до срока 2 дн.", "Жилищно-коммунальное хозяйство, Западный",
                "href=\"/department-appeals\"");
        assertThat(section.indexOf("A-1")).isLessThan(section.indexOf("A-5"));
        assertThat(instructions.indexOf("Проверить освещение")).isLessThan(instructions.indexOf("id=\"appeals-title\""));
        assertThat(APPEALS.requests).filteredOn(r -> r.uri().startsWith("/api/appeals?")).singleElement()
                .satisfies(r -> {
                    assertThat(r.uri()).contains("state=ASSIGNED", "sort=due", "size=10", "page=0");
                    assertThat(r.authorization()).isEqualTo("Bearer " + PROVIDER.accessTokens.getFirst());
                });

        // the list of them, page by page
        APPEALS.requests.clear();
        String list = get("/department-appeals").body();
        assertThat(list).contains("<h1>Обращения отдела</h1>", "Управление ЖКХ", "<label for=\"all\">",
                "href=\"/department-appeals/A-1\"", "Страница 1 из 2", "href=\"/department-appeals?all=false&amp;page=1\"");
        assertThat(list.indexOf("/department-appeals/A-1")).isLessThan(list.indexOf("/department-appeals/A-5"));
        get("/department-appeals?all=true&page=1");
        assertThat(APPEALS.requests).filteredOn(r -> r.uri().startsWith("/api/appeals?")).satisfiesExactly(
                first -> assertThat(first.uri()).contains("state=ASSIGNED", "page=0", "size=20", "sort=due"),
                all -> assertThat(all.uri()).contains("page=1", "size=20", "sort=due").doesNotContain("state="));

        // one appeal, to read: the citizen and what he asks; the steps are the general department's
        HttpResponse<String> appeal = get("/department-appeals/A-1");
        assertThat(appeal.statusCode()).isEqualTo(200);
        assertThat(appeal.body()).contains("Обращение A-1", "Иванов Пётр Сергеевич", "ул. Шахтёрская, 5, кв. 12",
                "ivanov@example.ru", "Не горит освещение во дворе", "Направлено исполнителю",
                "Управление ЖКХ, " + TODAY.minusDays(30).format(Russian.DATE), "Срок ответа истёк",
                "оформляет общий отдел")
                .doesNotContain("action=\"/appeals/", "action=\"/department-appeals/");
        assertThat(APPEALS.requests).filteredOn(r -> r.uri().equals("/api/appeals/A-1")).singleElement()
                .satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer " + PROVIDER.accessTokens.getFirst()));

        // the general department's pages are not his
        assertThat(get("/appeals").statusCode()).isEqualTo(403);
    }

    @Test
    void anotherDepartmentsAppealIsNotFoundAndTheClerkHasNoSuchPage() throws Exception {
        APPEALS.answer("GET /api/appeals/A-7", 404, """
                {"type":"urn:outreach:problem:not-found","status":404,"detail":"Обращение A-7 не найдено."}""");
        signIn(ExecutorAndControllerPagesIT.EXECUTOR);
        HttpResponse<String> page = get("/department-appeals/A-7");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Обращение A-7 не найдено.").doesNotContain("Срок ответа");

        // the appeals service is down: the instructions are still listed, the appeals' part says so
        APPEALS.answer("GET /api/instructions", 200, ExecutorAndControllerPagesIT.DEPARTMENT_PAGE);
        APPEALS.answer("GET /api/appeals", 503, "{}");
        String instructions = get("/instructions").body();
        assertThat(instructions).contains("Проверить освещение");
        assertThat(between(instructions, "id=\"appeals-title\"", "</section>"))
                .contains("Сервис обращений сейчас недоступен");

        freshBrowser();
        signIn(GeneralDepartmentPagesIT.CLERK);
        assertThat(get("/department-appeals").statusCode()).isEqualTo(403);
        assertThat(URLDecoder.decode(get("/").body(), StandardCharsets.UTF_8)).doesNotContain("/department-appeals");
    }
}
