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
 * 152-FZ in the appeals service: who did a step comes from the token; an executor sees only his department's
 * appeals and instructions; the citizen's details go only to those whose duty needs them, and every answer that
 * carries them is audited; the personal-data officer alone searches the audit.
 */
class PersonalDataIT extends IntegrationTest {

    private static final LocalDate TODAY = CityClock.today();
    private static final String ADDRESS = "ул. Садовая, 12, кв. 4";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String housing = "Управление ЖКХ " + run;
    private final String roads = "Отдел дорожного хозяйства " + run;
    private final Person clerk = new Person("clerk-" + run, "Наталья Орлова", List.of("general-department"), null,
            "Общий отдел");
    private final Person otherClerk = new Person("clerk2-" + run, "Ирина Белова", List.of("general-department"), null,
            "Общий отдел");
    private final Person controller = new Person("controller-" + run, "Татьяна Егорова", List.of("controller"), null,
            "Контрольно-организационный сектор");
    private final Person housingExecutor = Person.with("executor-housing-" + run, "executor").inDepartment(housing);
    private final Person roadsExecutor = Person.with("executor-roads-" + run, "executor").inDepartment(roads);
    private final Person officer = Person.with("pd-officer-" + run, "pd-officer");

    private String assignedAppeal(String citizen) {
        String id = api.as(clerk).ok(org.springframework.http.HttpMethod.POST, "/api/appeals",
                Api.letter(citizen, "HOUSING", "Северный", TODAY)).path("id").asString();
        api.as(clerk).ok(org.springframework.http.HttpMethod.POST, "/api/appeals/" + id + "/assignment",
                Map.of("executorDepartment", housing));
        return id;
    }

    private JsonNode reads(String query) {
        JsonApi.Response response = api.as(officer).get("/api/audit/personal-data-reads?size=100&" + query);
        assertThat(response.status().value()).as("%s", response.body()).isEqualTo(200);
        return response.body();
    }

    /** A query parameter's value: the client's URI template encodes it. */
    private static String q(String text) {
        return text;
    }

    @Test
    void whoDidAStepComesFromTheTokenAndABodyNamingSomeoneElseIsRefused() {
        String id = assignedAppeal("Петров Пётр " + run);
        JsonApi.Response registered = api.as(clerk).get("/api/appeals/" + id);
        assertThat(registered.text("registeredBy")).isEqualTo("Наталья Орлова");
        assertThat(registered.text("registeredByUsername")).isEqualTo(clerk.username());

        JsonApi.Response someoneElse = api.as(clerk).post("/api/appeals/" + id + "/answer",
                Map.of("text", "Ответ", "answeredBy", "Начальник управления Белов"));
        assertThat(someoneElse.status().value()).isEqualTo(422);
        assertThat(someoneElse.fields()).containsExactly("answeredBy");

        JsonApi.Response answered = api.as(clerk).post("/api/appeals/" + id + "/answer",
                Map.of("text", "Ответ", "answeredBy", "Наталья Орлова"));
        assertThat(answered.status().value()).as("naming oneself is accepted").isEqualTo(200);
        assertThat(answered.body().path("answer").path("answeredBy").asString()).isEqualTo("Наталья Орлова");
        assertThat(answered.body().path("answer").path("answeredByUsername").asString()).isEqualTo(clerk.username());
        JsonNode closed = api.as(clerk).ok(org.springframework.http.HttpMethod.POST, "/api/appeals/" + id
                + "/closing", Map.of());
        assertThat(closed.path("closing").path("closedBy").asString()).isEqualTo("Наталья Орлова");

        JsonApi.Response issued = api.as(controller).post("/api/instructions", Map.of("text", "Вывезти снег",
                "executorDepartment", housing, "dueOn", TODAY.plusDays(20).toString(), "source", "OTHER",
                "controller", "Кто-то другой"));
        assertThat(issued.status().value()).isEqualTo(422);
        assertThat(issued.fields()).containsExactly("controller");
        JsonNode instruction = api.as(controller).ok(org.springframework.http.HttpMethod.POST, "/api/instructions",
                Map.of("text", "Вывезти снег", "executorDepartment", housing, "dueOn",
                        TODAY.plusDays(20).toString(), "source", "OTHER"));
        assertThat(instruction.path("controller").asString()).isEqualTo("Татьяна Егорова");
        assertThat(instruction.path("controllerUsername").asString()).isEqualTo(controller.username());
        assertThat(instruction.path("issuedBy").asString()).isEqualTo("Татьяна Егорова");
        String path = "/api/instructions/" + instruction.path("id").asString();

        api.as(housingExecutor).ok(org.springframework.http.HttpMethod.POST, path + "/acceptance", Map.of());
        JsonNode reported = api.as(housingExecutor).ok(org.springframework.http.HttpMethod.POST, path + "/reports",
                Map.of("text", "Вывезено"));
        assertThat(reported.path("reports").get(0).path("reportedBy").asString())
                .isEqualTo(housingExecutor.fullName());
        assertThat(reported.path("reports").get(0).path("reportedByUsername").asString())
                .isEqualTo(housingExecutor.username());
        JsonApi.Response byAnotherController = api.as(Person.with("c2-" + run, "controller")
                .inDepartment("Другой сектор")).post(path + "/closing", Map.of());
        assertThat(byAnotherController.status().value()).isEqualTo(422);
        assertThat(byAnotherController.fields()).containsExactly("closedBy");
        JsonNode closedInstruction = api.as(controller).ok(org.springframework.http.HttpMethod.POST,
                path + "/closing", Map.of());
        assertThat(closedInstruction.path("closing").path("closedByUsername").asString())
                .isEqualTo(controller.username());
    }

    @Test
    void anExecutorSeesAndActsOnlyOnHisDepartmentsInstructionsAndAppeals() {
        String instruction = api.as(controller).ok(org.springframework.http.HttpMethod.POST, "/api/instructions",
                Map.of("text", "Отремонтировать кровлю", "executorDepartment", housing, "coExecutors",
                        List.of("МБУ " + run), "dueOn", TODAY.plusDays(20).toString(), "source", "OTHER"))
                .path("id").asString();
        String path = "/api/instructions/" + instruction;

        assertThat(api.as(roadsExecutor).get(path).status().value()).isEqualTo(404);
        assertThat(api.as(roadsExecutor).post(path + "/acceptance", Map.of()).status().value()).isEqualTo(404);
        assertThat(api.as(roadsExecutor).get("/api/instructions?size=100").body().toString())
                .doesNotContain(instruction);
        assertThat(api.as(roadsExecutor).get("/api/instructions?size=100&executorDepartment=" + q(housing)).body()
                .path("totalItems").asLong()).isZero();
        assertThat(api.as(housingExecutor).get(path).status().value()).isEqualTo(200);
        assertThat(api.as(housingExecutor).get("/api/instructions?size=100").body().toString()).contains(instruction);
        Person coExecutor = Person.with("mbu-" + run, "executor").inDepartment("МБУ " + run);
        assertThat(api.as(coExecutor).get(path).status().value()).as("a co-executor").isEqualTo(200);
        assertThat(api.as(housingExecutor).post(path + "/acceptance", Map.of()).status().value()).isEqualTo(200);

        String appeal = assignedAppeal("Смирнова Анна " + run);
        assertThat(api.as(roadsExecutor).get("/api/appeals/" + appeal).status().value()).isEqualTo(404);
        assertThat(api.as(roadsExecutor).get("/api/appeals?size=100").body().toString()).doesNotContain(appeal);
        JsonApi.Response own = api.as(housingExecutor).get("/api/appeals/" + appeal);
        assertThat(own.status().value()).isEqualTo(200);
        assertThat(own.body().path("citizen").path("fullName").asString()).isEqualTo("Смирнова Анна " + run);
        assertThat(own.text("personalData")).isEqualTo("INCLUDED");
        assertThat(api.as(housingExecutor).get("/api/appeals?size=100").body().toString()).contains(appeal);
    }

    @Test
    void eachReadOfACitizensDetailsLeavesOneAuditRecordAndListsAndTheControllerGetNone() {
        String citizen = "Кузнецова Мария " + run;
        String id = assignedAppeal(citizen);

        JsonApi.Response first = api.as(otherClerk).get("/api/appeals/" + id);
        api.as(otherClerk).get("/api/appeals/" + id);
        JsonNode list = api.as(otherClerk).get("/api/appeals?size=100&executorDepartment=" + q(housing)).body();
        api.as(otherClerk).get("/api/appeals/registration-queue?size=100");
        JsonApi.Response byController = api.as(controller).get("/api/appeals/" + id);
        api.as(controller).get("/api/appeals?size=100");

        assertThat(first.body().path("citizen").path("postalAddress").asString()).isEqualTo(ADDRESS);
        assertThat(list.toString()).contains(id).doesNotContain(citizen, "Садовая", "555-44-33", "снег");
        assertThat(byController.status().value()).isEqualTo(200);
        assertThat(byController.text("personalData")).isEqualTo("WITHHELD");
        assertThat(byController.body().path("citizen").isNull()).isTrue();
        assertThat(byController.body().path("text").isNull()).isTrue();
        assertThat(byController.body().toString()).doesNotContain(citizen, "Садовая", "555-44-33", "снег");
        assertThat(api.as(Person.with("head-" + run, "head")).get("/api/appeals/" + id).status().value())
                .isEqualTo(403);

        JsonNode byReader = reads("reader=" + q(otherClerk.username()));
        assertThat(byReader.path("totalItems").asLong()).as("two reads, lists leave none").isEqualTo(2);
        JsonNode read = byReader.path("items").get(0);
        assertThat(read.path("appealId").asString()).isEqualTo(id);
        assertThat(read.path("readerUsername").asString()).isEqualTo(otherClerk.username());
        assertThat(read.path("readerFullName").asString()).isEqualTo("Ирина Белова");
        assertThat(read.path("operation").asString()).isEqualTo("GET /api/appeals/{id}");
        assertThat(read.path("readAt").asString()).isNotBlank();
        assertThat(read.path("fields").valueStream().map(JsonNode::asString)).containsExactly("citizen.fullName",
                "citizen.postalAddress", "citizen.phone", "text");
        assertThat(reads("reader=" + q(controller.username())).path("totalItems").asLong()).isZero();
        assertThat(reads("reader=" + q("Ирина Белова") + "&appealId=" + id).path("totalItems").asLong()).isEqualTo(2);

        // the clerk's registration and assignment answers carried the details too: one record each
        JsonNode byAppeal = reads("appealId=" + id);
        assertThat(byAppeal.path("items").valueStream().map(item -> item.path("operation").asString()))
                .containsExactlyInAnyOrder("POST /api/appeals", "POST /api/appeals/{id}/assignment",
                        "GET /api/appeals/{id}", "GET /api/appeals/{id}");
        JsonNode byCitizen = reads("citizen=" + q(citizen.toUpperCase()) + "&address=" + q(ADDRESS));
        assertThat(byCitizen.path("totalItems").asLong()).isEqualTo(4);
        assertThat(byCitizen.toString()).doesNotContain(citizen, "Садовая");
        assertThat(reads("citizen=" + q(citizen) + "&address=" + q("ул. Другая, 1")).path("totalItems").asLong())
                .isZero();
        assertThat(reads("appealId=" + id + "&from=" + TODAY.minusDays(1) + "&to=" + TODAY).path("totalItems")
                .asLong()).isEqualTo(4);
        assertThat(reads("appealId=" + id + "&from=" + TODAY.plusDays(1)).path("totalItems").asLong()).isZero();
    }

    @Test
    void nobodyButTheOfficerReadsTheAuditAndNothingChangesIt() {
        for (Person person : List.of(clerk, controller, housingExecutor, Person.with("admin-" + run, "administrator"),
                Person.with("head-" + run, "head"))) {
            assertThat(api.as(person).get("/api/audit/personal-data-reads").status().value()).isEqualTo(403);
            assertThat(api.as(person).get("/api/audit/erasure-acts").status().value()).isEqualTo(403);
        }
        assertThat(api.as(officer).call(org.springframework.http.HttpMethod.DELETE,
                "/api/audit/personal-data-reads", null, null).status().value()).isEqualTo(403);
        assertThat(api.as(officer).post("/api/audit/personal-data-reads", Map.of()).status().value()).isEqualTo(403);
    }

    @Test
    void answersWithPersonalDataAreNotCached() {
        String id = assignedAppeal("Волков Иван " + run);
        org.springframework.http.HttpHeaders headers = http.get().uri("/api/appeals/" + id)
                .headers(h -> h.set("Authorization", ru.outreach.testkit.TestTokens.bearer(clerk)))
                .retrieve().toBodilessEntity().getHeaders();
        assertThat(headers.getCacheControl()).contains("no-store");
    }
}
