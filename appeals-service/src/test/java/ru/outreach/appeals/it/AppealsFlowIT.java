package ru.outreach.appeals.it;

import ru.outreach.testkit.CityClock;

import ru.outreach.testkit.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import tools.jackson.databind.JsonNode;

/** The general department registers and answers an appeal; an executor reports, the controller closes. */
class AppealsFlowIT extends IntegrationTest {

    private static final LocalDate TODAY = CityClock.today();

    @Test
    void anAppealIsRegisteredAssignedAnsweredAndClosedWithEventsWithoutPersonalData() {
        String name = "Орлов Олег " + UUID.randomUUID();
        try (TopicReader topic = reader("appeals.v1")) {
            JsonNode registered = api.post200("/api/appeals", Api.letter(name, "IMPROVEMENT", "Северный",
                    TODAY.minusDays(1)));
            String id = registered.path("id").asString();
            assertThat(registered.path("state").asString()).isEqualTo("REGISTERED");
            assertThat(registered.path("answerDueOn").asString()).isEqualTo(TODAY.plusDays(30).toString());
            assertThat(registered.path("registrationDueOn").asString()).isEqualTo(TODAY.plusDays(2).toString());
            assertThat(registered.path("answerRequired").asBoolean()).isTrue();

            api.post200("/api/appeals/" + id + "/assignment", Map.of("executorDepartment", "Управление благоустройства"));
            JsonNode answered = api.post200("/api/appeals/" + id + "/answer", Map.of("text", "Снег вывезен",
                    "answeredOn", TODAY.toString()));
            assertThat(answered.path("state").asString()).isEqualTo("ANSWERED");
            assertThat(answered.path("answer").path("late").asBoolean()).isFalse();
            JsonNode closed = api.post200("/api/appeals/" + id + "/closing", Map.of("closedOn",
                    TODAY.toString()));
            assertThat(closed.path("state").asString()).isEqualTo("CLOSED");
            assertThat(closed.path("version").asLong()).isEqualTo(4);

            JsonNode own = api.get("/api/appeals/" + id).body();
            assertThat(own.path("citizen").path("fullName").asString()).isEqualTo(name);
            JsonNode list = api.get("/api/appeals?territory=Северный&size=100").body();
            assertThat(list.toString()).contains(id).doesNotContain(name, "Садовая", "555-44-33", "снег");

            await().atMost(Duration.ofSeconds(20)).until(() -> topic.recordsWithKey(id).size() == 4);
            List<ConsumerRecord<String, String>> events = topic.recordsWithKey(id);
            assertThat(events).extracting(TopicReader::type).containsExactly("AppealRegistered", "AppealAssigned",
                    "AppealAnswered", "AppealClosed");
            assertThat(events).allSatisfy(record -> {
                assertThat(record.value()).doesNotContain(name, "Садовая", "555-44-33", "Снег", "снег");
                assertThat(TopicReader.header(record, "ce_source")).isEqualTo("/appeals-service");
            });
        }
    }

    @Test
    void theSameCitizenAskingAgainInTheSameCategoryWithinAYearIsMarkedRepeated() {
        String name = "Лебедева Нина " + UUID.randomUUID();
        String first = api.registerLetter(name, "ROADS", "Южный", TODAY.minusDays(200));
        String second = api.registerLetter(name, "ROADS", "Южный", TODAY.minusDays(1));
        String otherCategory = api.registerLetter(name, "HEALTH", "Южный", TODAY.minusDays(1));

        JsonNode repeated = api.get("/api/appeals/" + second).body();
        assertThat(repeated.path("repeated").asBoolean()).isTrue();
        assertThat(repeated.path("previousAppealId").asString()).isEqualTo(first);
        assertThat(api.get("/api/appeals/" + first).body().path("repeated").asBoolean()).isFalse();
        assertThat(api.get("/api/appeals/" + otherCategory).body().path("repeated").asBoolean()).isFalse();
        assertThat(api.get("/api/appeals?repeated=true&territory=Южный&size=100").body().toString()).contains(second)
                .doesNotContain(otherCategory);
    }

    @Test
    void aLateRegistrationIsRecordedAndTheExtensionMovesTheAnswerTerm() {
        String id = api.registerLetter("Ершов Игорь " + UUID.randomUUID(), "HOUSING", "Северный",
                TODAY.minusDays(5));
        JsonNode appeal = api.get("/api/appeals/" + id).body();
        assertThat(appeal.path("missedTerms").get(0).path("term").asString()).isEqualTo("REGISTRATION");

        JsonNode extended = api.post200("/api/appeals/" + id + "/extension", Map.of("days", 30,
                "reason", "Нужна проверка с выездом", "decidedOn", TODAY.toString(),
                "citizenNotifiedOn", TODAY.toString()));

        assertThat(extended.path("answerDueOn").asString()).isEqualTo(TODAY.plusDays(60).toString());
        assertThat(extended.path("extension").path("previousAnswerDueOn").asString())
                .isEqualTo(TODAY.plusDays(30).toString());
        Api.Response again = api.post("/api/appeals/" + id + "/extension", Map.of("days", 5,
                "reason", "Ещё", "decidedOn", TODAY.toString(), "citizenNotifiedOn", TODAY.toString()));
        assertThat(again.status().value()).isEqualTo(409);
        assertThat(again.text("detail")).contains("только один раз");
    }

    @Test
    void anAnonymousAppealReportingACrimeIsForwardedNotLeft() {
        Map<String, Object> body = Api.letter("x", "PUBLIC_ORDER", "Северный", TODAY);
        body.put("citizen", Map.of());
        body.put("reportsCrime", true);
        String id = api.post200("/api/appeals", body).path("id").asString();

        Api.Response left = api.post("/api/appeals/" + id + "/without-answer", Map.of("ground", "NO_NAME_OR_ADDRESS",
                "decidedOn", TODAY.toString()));
        JsonNode forwarded = api.post200("/api/appeals/" + id + "/redirect", Map.of("competentBody",
                "ОМВД России по городу", "redirectedOn", TODAY.toString()));

        assertThat(left.status().value()).isEqualTo(409);
        assertThat(forwarded.path("state").asString()).isEqualTo("REDIRECTED");
        assertThat(forwarded.path("answerRequired").asBoolean()).isFalse();
    }

    @Test
    void anInstructionIsAcceptedReportedReturnedReportedAgainAndClosedByTheController() {
        String department = "Отдел " + UUID.randomUUID();
        String id = api.issueInstruction(department, "Северный", TODAY.plusDays(30));
        String path = "/api/instructions/" + id;
        try (TopicReader topic = reader("instructions.v1")) {
            api.post200(path + "/acceptance", Map.of());
            api.post200(path + "/reports", Map.of("text", "Вывезено 20 машин снега", "reportedOn", TODAY.toString()));
            Api.Response byExecutor = api.post(path + "/closing", Map.of("closedOn", TODAY.toString(),
                    "closedBy", department));
            assertThat(byExecutor.status().value()).isEqualTo(422);
            assertThat(byExecutor.fields()).containsExactly("closedBy");
            api.post200(path + "/return", Map.of("reason", "Не убраны тротуары", "returnedOn", TODAY.toString()));
            JsonNode reportedAgain = api.post200(path + "/reports", Map.of("text", "Тротуары убраны",
                    "reportedOn", TODAY.toString()));
            assertThat(reportedAgain.path("state").asString()).as("a report never closes").isEqualTo("REPORTED");
            JsonNode closed = api.post200(path + "/closing", Map.of("closedOn", TODAY.toString()));

            assertThat(closed.path("state").asString()).isEqualTo("CLOSED");
            assertThat(closed.path("reports")).hasSize(2);
            assertThat(closed.path("returns").get(0).path("reason").asString()).isEqualTo("Не убраны тротуары");
            await().atMost(Duration.ofSeconds(20)).until(() -> topic.recordsWithKey(id).size() == 6);
            assertThat(topic.recordsWithKey(id)).extracting(TopicReader::type).containsExactly("InstructionIssued",
                    "InstructionAccepted", "InstructionReported", "InstructionReturned", "InstructionReported",
                    "InstructionClosed");
        }
    }

    @Test
    void anExtensionIsRequestedAndGrantedWithTheHistoryKept() {
        String department = "Отдел " + UUID.randomUUID();
        String id = api.issueInstruction(department, "Северный", TODAY.plusDays(10));
        String path = "/api/instructions/" + id;

        api.post200(path + "/extension-request", Map.of("reason", "Ждём подрядчика",
                "dueOn", TODAY.plusDays(40).toString()));
        JsonNode granted = api.post200(path + "/extension-request/grant", Map.of("dueOn",
                TODAY.plusDays(30).toString(), "decidedOn", TODAY.toString()));

        assertThat(granted.path("dueOn").asString()).isEqualTo(TODAY.plusDays(30).toString());
        assertThat(granted.path("extensions").get(0).path("previousDueOn").asString())
                .isEqualTo(TODAY.plusDays(10).toString());
        assertThat(granted.path("extensions").get(0).path("decision").asString()).isEqualTo("GRANTED");
        assertThat(granted.path("pendingExtension").isNull() || granted.path("pendingExtension").isMissingNode())
                .isTrue();
    }

    @Test
    void anExecutorListsItsInstructionsByDueDateWithFilters() {
        String department = "Отдел " + UUID.randomUUID();
        String late = api.issueInstruction(department, "Северный", TODAY.plusDays(50));
        String soon = api.issueInstruction(department, "Северный", TODAY.plusDays(20));
        String middle = api.issueInstruction(department, "Северный", TODAY.plusDays(35));
        api.issueInstruction("Другой отдел", "Северный", TODAY.plusDays(20));
        api.post200("/api/instructions/" + middle + "/acceptance", Map.of());

        JsonNode all = api.get("/api/instructions?executorDepartment=" + department).body();
        JsonNode accepted = api.get("/api/instructions?executorDepartment=" + department + "&state=ACCEPTED").body();
        JsonNode period = api.get("/api/instructions?executorDepartment=" + department + "&from="
                + TODAY.plusDays(30) + "&to=" + TODAY.plusDays(60) + "&size=1").body();
        JsonNode overdue = api.get("/api/instructions?executorDepartment=" + department + "&overdue=true").body();

        assertThat(all.path("items").valueStream().map(item -> item.path("id").asString()))
                .containsExactly(soon, middle, late);
        assertThat(accepted.path("items").valueStream().map(item -> item.path("id").asString()))
                .containsExactly(middle);
        assertThat(period.path("totalItems").asInt()).isEqualTo(2);
        assertThat(period.path("items").get(0).path("id").asString()).isEqualTo(middle);
        assertThat(overdue.path("totalItems").asInt()).isZero();
    }

    @Test
    void aClerkEntersLastMonthsPaperRecordsInOrderAndTheTermsComeOutAsOnTheDay() {
        Map<String, Object> letter = Api.letter("Соколов Пётр " + UUID.randomUUID(), "ROADS", "Северный",
                TODAY.minusDays(25));
        letter.put("registeredOn", TODAY.minusDays(24).toString());
        JsonNode registered = api.post200("/api/appeals", letter);
        String id = registered.path("id").asString();
        assertThat(registered.path("answerDueOn").asString()).isEqualTo(TODAY.plusDays(6).toString());
        assertThat(registered.path("missedTerms")).isEmpty();

        api.post200("/api/appeals/" + id + "/assignment", Map.of("executorDepartment", "Управление дорог",
                "assignedOn", TODAY.minusDays(23).toString()));
        Api.Response early = api.post("/api/appeals/" + id + "/answer", Map.of("text", "Яма заделана",
                "answeredOn", TODAY.minusDays(24).toString()));
        assertThat(early.status().value()).isEqualTo(422);
        assertThat(early.fields()).containsExactly("answeredOn");
        assertThat(early.text("detail")).isEqualTo("Дата ответа " + day(TODAY.minusDays(24))
                + " раньше даты направления исполнителю " + day(TODAY.minusDays(23)) + ".");
        JsonNode answered = api.post200("/api/appeals/" + id + "/answer", Map.of("text", "Яма заделана",
                "answeredOn", TODAY.minusDays(10).toString()));
        assertThat(answered.path("answer").path("answeredOn").asString()).isEqualTo(TODAY.minusDays(10).toString());
        assertThat(answered.path("answer").path("late").asBoolean()).isFalse();
        JsonNode closed = api.post200("/api/appeals/" + id + "/closing", Map.of());
        assertThat(closed.path("closing").path("closedOn").asString()).as("today when missing")
                .isEqualTo(TODAY.toString());
        assertThat(closed.path("missedTerms")).isEmpty();
        assertThat(api.get("/api/appeals/" + id).body().path("overdue").asBoolean()).isFalse();
    }

    @Test
    void theAppealShowsWhetherItIsOverdueByTheServiceClock() {
        Map<String, Object> old = Api.letter("Титова Вера " + UUID.randomUUID(), "ROADS", "Северный",
                TODAY.minusDays(40));
        old.put("registeredOn", TODAY.minusDays(39).toString());
        String overdue = api.post200("/api/appeals", old).path("id").asString();
        String fresh = api.registerLetter("Титова Вера " + UUID.randomUUID(), "ROADS", "Северный",
                TODAY.minusDays(1));

        JsonNode late = api.get("/api/appeals/" + overdue).body();
        assertThat(late.path("answerDueOn").asString()).isEqualTo(TODAY.minusDays(9).toString());
        assertThat(late.path("overdue").asBoolean()).isTrue();
        assertThat(late.path("registrationOverdue").asBoolean()).isFalse();
        assertThat(api.get("/api/appeals/" + fresh).body().path("overdue").asBoolean()).isFalse();
    }

    @Test
    void anInstructionFromAPaperJournalIsEnteredWithTheDaysOfItsSteps() {
        String department = "Отдел " + UUID.randomUUID();
        JsonNode issued = api.post200("/api/instructions", Map.of("text", "Убрать несанкционированную свалку",
                "executorDepartment", department, "dueOn", TODAY.plusDays(10).toString(),
                "source", "OTHER", "issuedOn", TODAY.minusDays(30).toString()));
        String path = "/api/instructions/" + issued.path("id").asString();

        Api.Response future = api.post(path + "/acceptance", Map.of("acceptedOn", TODAY.plusDays(1).toString()));
        assertThat(future.status().value()).isEqualTo(422);
        assertThat(future.fields()).containsExactly("acceptedOn");
        assertThat(future.text("detail")).isEqualTo("Дата принятия к исполнению " + day(TODAY.plusDays(1))
                + " ещё не наступила: сегодня " + day(TODAY) + ".");
        api.post200(path + "/acceptance", Map.of("acceptedOn", TODAY.minusDays(29).toString()));
        Api.Response early = api.post(path + "/reports", Map.of("text", "Вывезено", "reportedOn",
                TODAY.minusDays(31).toString()));
        assertThat(early.status().value()).isEqualTo(422);
        assertThat(early.fields()).containsExactly("reportedOn");
        assertThat(early.text("detail")).isEqualTo("Дата отчёта " + day(TODAY.minusDays(31))
                + " раньше даты принятия к исполнению " + day(TODAY.minusDays(29)) + ".");
        JsonNode reported = api.post200(path + "/reports", Map.of("text", "Вывезено",
                "reportedOn", TODAY.minusDays(12).toString()));
        assertThat(reported.path("reports").get(0).path("late").asBoolean()).isFalse();
        JsonNode closed = api.post200(path + "/closing", Map.of("closedOn", TODAY.minusDays(11).toString()));

        assertThat(closed.path("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("issuedOn").asString()).isEqualTo(TODAY.minusDays(30).toString());
        assertThat(closed.path("closing").path("closedOn").asString()).isEqualTo(TODAY.minusDays(11).toString());
    }

    private static String day(LocalDate day) {
        return ru.outreach.kit.support.StepDates.format(day);
    }

    @Test
    void theClassifierIsListed() {
        JsonNode categories = api.ok(HttpMethod.GET, "/api/categories", null);

        assertThat(categories.valueStream().map(category -> category.path("code").asString()))
                .contains("HOUSING", "ROADS", "IMPROVEMENT", "OTHER");
    }
}
