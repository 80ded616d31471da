package ru.outreach.appeals.it;

import ru.outreach.testkit.CityClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** Bad input gets a 4xx RFC 9457 answer naming the field; a step the state does not allow is a clear 409. */
class ProblemDetailsIT extends IntegrationTest {

    private static final LocalDate TODAY = CityClock.today();

    @Test
    void missingFieldsOfAnAppealAreNamed() {
        Api.Response response = api.post("/api/appeals", Map.of("citizen", Map.of("email", "не почта")));

        assertThat(response.status().value()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.fields()).contains("channel", "receivedOn", "text", "category", "territory",
                "citizen.email");
    }

    @Test
    void anUnknownCategoryIsUnprocessableAndNamed() {
        Api.Response response = api.post("/api/appeals", Api.letter("Иванов", "WEATHER", "Северный", TODAY));

        assertThat(response.status().value()).isEqualTo(422);
        assertThat(response.fields()).containsExactly("category");
        assertThat(response.text("detail")).isEqualTo("Тематика «WEATHER» отсутствует в классификаторе.");
    }

    @Test
    void anUnknownChannelAndAMalformedDateAreNamed() {
        Map<String, Object> badChannel = Api.letter("Иванов", "ROADS", "Северный", TODAY);
        badChannel.put("channel", "PIGEON");
        Map<String, Object> badDate = Api.letter("Иванов", "ROADS", "Северный", TODAY);
        badDate.put("receivedOn", "вчера");

        assertThat(api.post("/api/appeals", badChannel).fields()).containsExactly("channel");
        assertThat(api.post("/api/appeals", badDate).fields()).containsExactly("receivedOn");
    }

    @Test
    void aFutureReceiptIsRefused() {
        Api.Response response = api.post("/api/appeals", Api.letter("Иванов", "ROADS", "Северный",
                TODAY.plusDays(1)));

        assertThat(response.status().value()).isEqualTo(422);
        assertThat(response.fields()).containsExactly("receivedOn");
    }

    @Test
    void anInvalidTransitionIsAConflictInTheUsersLanguage() {
        String id = api.registerLetter("Зайцев " + UUID.randomUUID(), "ROADS", "Северный", TODAY);
        Map<String, Object> answer = Map.of("text", "Ответ", "answeredOn", TODAY.toString());

        Api.Response russian = api.post("/api/appeals/" + id + "/answer", answer);
        Api.Response english = api.call(HttpMethod.POST, "/api/appeals/" + id + "/answer", answer, "en");

        assertThat(russian.status().value()).isEqualTo(409);
        assertThat(russian.text("detail"))
                .isEqualTo("Нельзя дать ответ: обращение только зарегистрировано и не направлено исполнителю.");
        assertThat(english.text("detail")).isEqualTo("Cannot answer: the appeal is only registered, not assigned.");
    }

    @Test
    void anInstructionNeedsItsFieldsAndADueDateAhead() {
        Api.Response missing = api.post("/api/instructions", Map.of("text", " "));
        Api.Response past = api.post("/api/instructions", Map.of("text", "Сделать", "executorDepartment", "УЖКХ",
                "dueOn", TODAY.minusDays(1).toString(), "source", "OTHER"));

        assertThat(missing.status().value()).isEqualTo(400);
        assertThat(missing.fields()).contains("text", "executorDepartment", "dueOn", "source");
        assertThat(past.status().value()).isEqualTo(422);
        assertThat(past.fields()).containsExactly("dueOn");
    }

    @Test
    void anInstructionReportedBeforeAcceptanceIsAConflict() {
        String id = api.issueInstruction("Отдел " + UUID.randomUUID(), "Северный", TODAY.plusDays(30));

        Api.Response response = api.post("/api/instructions/" + id + "/reports", Map.of("text", "Сделано",
                "reportedOn", TODAY.toString()));

        assertThat(response.status().value()).isEqualTo(409);
        assertThat(response.text("detail")).isEqualTo("Нельзя отчитаться: поручение ещё не принято к исполнению.");
    }

    @Test
    void unknownAppealsAndInstructionsAreNotFound() {
        assertThat(api.get("/api/appeals/nope").text("detail")).isEqualTo("Обращение nope не найдено.");
        assertThat(api.get("/api/instructions/nope").status().value()).isEqualTo(404);
    }

    @Test
    void aBadQueryParameterIsNamed() {
        Api.Response response = api.get("/api/instructions?state=DONE");

        assertThat(response.status().value()).isEqualTo(400);
        assertThat(response.fields()).containsExactly("state");
    }
}
