package ru.outreach.appeals.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.outreach.testkit.CityClock;
import ru.outreach.testkit.JsonApi;
import ru.outreach.testkit.TestTokens.Person;
import tools.jackson.databind.JsonNode;

/**
 * The lists as the staff pages ask for them: several states in one query, and {@code sort=due}: what awaits a step
 * first by its term (the overdue, then those due soon), then the rest by its term, in the store's order across pages.
 */
class DueOrderListsIT extends IntegrationTest {

    private static final LocalDate TODAY = CityClock.today();

    @Test
    void instructionsAwaitingAReportComeFirstByDueDateAcrossPagesAndSeveralStatesAreAnyOfThem() {
        String department = "Отдел " + UUID.randomUUID();
        Person executor = Person.with("executor-" + UUID.randomUUID(), "executor").inDepartment(department);
        String later = issue(department, TODAY.plusDays(20));
        String overdue = issue(department, TODAY.minusDays(3));
        String soon = issue(department, TODAY.plusDays(2));
        String reported = issue(department, TODAY.minusDays(10));
        String closed = issue(department, TODAY.plusDays(1));
        issue("Другой отдел " + UUID.randomUUID(), TODAY.minusDays(5));
        api.post200("/api/instructions/" + soon + "/acceptance", Map.of());
        for (String done : List.of(reported, closed)) {
            api.post200("/api/instructions/" + done + "/acceptance", Map.of());
            api.post200("/api/instructions/" + done + "/reports", Map.of("text", "Сделано"));
        }
        api.post200("/api/instructions/" + closed + "/closing", Map.of());
        String open = "&state=ISSUED&state=ACCEPTED&state=RETURNED&state=REPORTED";
        JsonApi asExecutor = api.as(executor);

        JsonNode first = asExecutor.get("/api/instructions?sort=due&size=2" + open).body();
        JsonNode second = asExecutor.get("/api/instructions?sort=due&size=2&page=1" + open).body();
        JsonNode third = asExecutor.get("/api/instructions?sort=due&size=2&page=2" + open).body();

        assertThat(ids(first)).containsExactly(overdue, soon);
        assertThat(ids(second)).containsExactly(later, reported);
        assertThat(ids(third)).isEmpty();
        assertThat(first.path("totalItems").asLong()).isEqualTo(4);
        assertThat(first.path("totalPages").asInt()).isEqualTo(2);
        assertThat(first.path("items").get(0).path("overdue").asBoolean()).isTrue();
        // one page for all: the closed one after the others, the reported one after those awaiting a report
        assertThat(ids(asExecutor.get("/api/instructions?sort=due&size=10").body()))
                .containsExactly(overdue, soon, later, reported, closed);
        // without sort=due the list stays by due date, and one state is as before
        assertThat(ids(asExecutor.get("/api/instructions?size=10" + open).body()))
                .containsExactly(reported, overdue, soon, later);
        assertThat(ids(asExecutor.get("/api/instructions?state=ACCEPTED").body())).containsExactly(soon);
        assertThat(ids(asExecutor.get("/api/instructions?state=ISSUED,REPORTED&size=10").body()))
                .containsExactly(reported, overdue, later);
        // overdue=true keeps only the states that can be overdue among those asked for
        assertThat(ids(asExecutor.get("/api/instructions?overdue=true&state=REPORTED&state=ISSUED").body()))
                .containsExactly(overdue);
        assertThat(asExecutor.get("/api/instructions?overdue=true&state=REPORTED").body().path("totalItems")
                .asLong()).isZero();
        // the control department sees the department's too, in the same order
        assertThat(ids(api.get("/api/instructions?sort=due&executorDepartment=" + q(department) + open).body()))
                .containsExactly(overdue, soon, later, reported);
    }

    @Test
    void appealsThatOweAnAnswerComeFirstByTheirTermAcrossPages() {
        String territory = "Микрорайон " + UUID.randomUUID();
        String overdue = register(territory, TODAY.minusDays(40));
        String assigned = register(territory, TODAY.minusDays(1));
        String soon = register(territory, TODAY.minusDays(28));
        String answered = register(territory, TODAY.minusDays(45));
        for (String sent : List.of(assigned, answered)) {
            api.post200("/api/appeals/" + sent + "/assignment", Map.of("executorDepartment", "Управление ЖКХ",
                    "assignedOn", (sent.equals(answered) ? TODAY.minusDays(44) : TODAY).toString()));
        }
        api.post200("/api/appeals/" + answered + "/answer", Map.of("text", "Ответ дан",
                "answeredOn", TODAY.minusDays(20).toString()));
        String where = "/api/appeals?territory=" + q(territory);

        JsonNode first = api.get(where + "&sort=due&size=2").body();
        JsonNode second = api.get(where + "&sort=due&size=2&page=1").body();

        assertThat(ids(first)).containsExactly(overdue, soon);
        assertThat(ids(second)).containsExactly(assigned, answered);
        assertThat(second.path("totalItems").asLong()).isEqualTo(4);
        assertThat(first.path("items").get(0).path("overdue").asBoolean()).isTrue();
        // several states at once: the open ones
        JsonNode open = api.get(where + "&sort=due&state=REGISTERED&state=ASSIGNED").body();
        assertThat(ids(open)).containsExactly(overdue, soon, assigned);
        // without sort=due: by answer term, as before
        assertThat(ids(api.get(where + "&size=10").body())).containsExactly(answered, overdue, soon, assigned);
        // an unknown state among several is named
        JsonApi.Response bad = api.get(where + "&state=REGISTERED&state=SHUT");
        assertThat(bad.status().value()).isEqualTo(400);
        assertThat(bad.fields()).containsExactly("state");
    }

    private String issue(String department, LocalDate dueOn) {
        return api.post200("/api/instructions", Map.of("text", "Поручение " + UUID.randomUUID(),
                "executorDepartment", department, "dueOn", dueOn.toString(), "source", "OTHER",
                "issuedOn", TODAY.minusDays(30).toString())).path("id").asString();
    }

    private String register(String territory, LocalDate registeredOn) {
        Map<String, Object> letter = Api.letter("Жилец " + UUID.randomUUID(), "ROADS", territory,
                registeredOn.minusDays(1));
        letter.put("registeredOn", registeredOn.toString());
        return api.post200("/api/appeals", letter).path("id").asString();
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").valueStream().map(item -> item.path("id").asString()).toList();
    }

    /** A query value as typed: the client encodes the URI template. */
    private static String q(String value) {
        return value;
    }
}
