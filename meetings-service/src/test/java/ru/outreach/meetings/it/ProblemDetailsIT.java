package ru.outreach.meetings.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

/** Bad input gets a 4xx RFC 9457 answer naming the field, and nothing is written. */
class ProblemDetailsIT extends IntegrationTest {

    @Test
    void missingFieldsOfAGroupAreNamedEachWithAMessage() {
        Api.Response response = api.post("/api/groups", Map.of("leader", Map.of("position", "зам. главы"),
                "territories", List.of()));

        assertThat(response.status().value()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(fields(response)).contains("name", "leader.fullName", "secretary", "territories");
        assertThat(response.body().path("errors").get(0).path("message").asString()).isNotBlank();
    }

    @Test
    void aMalformedDateIsNamed() {
        String groupId = api.registerGroup("Группа (bad date)", "Северный");

        Api.Response response = api.secretaryOf(groupId).post("/api/meetings", Map.of("groupId", groupId,
                "territory", "Северный", "venue", Map.of("name", "Школа", "kind", "SCHOOL"),
                "scheduledAt", "завтра вечером"));

        assertThat(response.status().value()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("scheduledAt");
        assertThat(response.text("detail")).contains("scheduledAt");
    }

    @Test
    void anUnknownEnumValueAndAnUnknownFieldAreRefused() {
        String groupId = api.registerGroup("Группа (bad kind)", "Северный");

        Api.Response badKind = api.post("/api/meetings", Map.of("groupId", groupId, "territory", "Северный",
                "venue", Map.of("name", "Школа", "kind", "STADIUM"), "scheduledAt", "2026-05-06T17:00:00"));
        Api.Response unknownField = api.post("/api/meetings", Map.of("groupId", groupId, "territory", "Северный",
                "venue", Map.of("name", "Школа", "kind", "SCHOOL"), "scheduledAt", "2026-05-06T17:00:00",
                "colour", "red"));

        assertThat(badKind.status().value()).isEqualTo(400);
        assertThat(fields(badKind)).containsExactly("venue.kind");
        assertThat(unknownField.status().value()).isEqualTo(400);
        assertThat(fields(unknownField)).containsExactly("colour");
    }

    @Test
    void aTerritoryOutsideTheGroupIsUnprocessableAndNothingIsWritten() {
        String groupId = api.registerGroup("Группа (territory)", "Северный");

        Api.Response response = api.secretaryOf(groupId).post("/api/meetings", Map.of("groupId", groupId,
                "territory", "Луна",
                "venue", Map.of("name", "Школа", "kind", "SCHOOL"), "scheduledAt", "2026-05-06T17:00:00"));

        assertThat(response.status().value()).isEqualTo(422);
        assertThat(fields(response)).containsExactly("territory");
        assertThat(response.text("detail")).isEqualTo("Территория «Луна» не закреплена за группой «Группа (territory)».");
        assertThat(api.get("/api/meetings?groupId=" + groupId).body().path("totalItems").asInt()).isZero();
    }

    @Test
    void anUnknownMeetingIsNotFound() {
        Api.Response response = api.get("/api/meetings/no-such-meeting");

        assertThat(response.status().value()).isEqualTo(404);
        assertThat(response.text("detail")).isEqualTo("Встреча no-such-meeting не найдена.");
    }

    @Test
    void aStepTheStateDoesNotAllowIsAConflictInTheUsersLanguage() {
        String groupId = api.registerGroup("Группа (conflict)", "Северный");
        String meetingId = api.planMeeting(groupId, "Северный", LocalDateTime.of(2026, 3, 3, 17, 0));
        Map<String, Object> hold = Map.of("heldAt", "2026-03-03T17:00:00", "residentsAttended", 10);

        Api secretary = api.secretaryOf(groupId);
        Api.Response russian = secretary.post("/api/meetings/" + meetingId + "/holding", hold);
        Api.Response english = secretary.call(HttpMethod.POST, "/api/meetings/" + meetingId + "/holding", hold,
                "en");

        assertThat(russian.status().value()).isEqualTo(409);
        assertThat(russian.text("title")).isEqualTo("Конфликт с текущим состоянием");
        assertThat(english.text("title")).isEqualTo("Conflict with the current state");
        assertThat(russian.text("detail")).isEqualTo("Нельзя отметить проведённой встречу: она только запланирована.");
        assertThat(english.text("detail")).isEqualTo("Cannot mark as held the meeting: it is only planned.");
        assertThat(api.get("/api/meetings/" + meetingId).body().path("status").asString()).isEqualTo("PLANNED");
    }

    @Test
    void minutesOfAMeetingNotHeldAreRefused() {
        String groupId = api.registerGroup("Группа (minutes)", "Северный");
        String meetingId = api.planMeeting(groupId, "Северный", LocalDateTime.of(2026, 3, 3, 17, 0));

        Api.Response response = api.secretaryOf(groupId).put("/api/meetings/" + meetingId + "/minutes", Map.of());

        assertThat(response.status().value()).isEqualTo(409);
        assertThat(api.get("/api/meetings/" + meetingId + "/minutes").status().value()).isEqualTo(404);
    }

    @Test
    void aBadReceptionCardIsNamedByItsPosition() {
        String groupId = api.registerGroup("Группа (card)", "Северный");
        String meetingId = api.holdMeeting(groupId, "Северный", LocalDateTime.of(2026, 3, 3, 17, 0));

        Api.Response response = api.secretaryOf(groupId).put("/api/meetings/" + meetingId + "/minutes",
                Map.of("receptionCards",
                List.of(Map.of("citizen", Map.of("fullName", "Иванов", "email", "не почта"), "question", " "))));

        assertThat(response.status().value()).isEqualTo(400);
        assertThat(fields(response)).containsExactlyInAnyOrder("receptionCards[0].citizen.email",
                "receptionCards[0].question");
        assertThat(api.get("/api/meetings/" + meetingId + "/minutes").status().value()).isEqualTo(404);
    }

    @Test
    void aBadQueryParameterIsNamed() {
        Api.Response response = api.get("/api/meetings?status=FINISHED");

        assertThat(response.status().value()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("status");
    }

    @Test
    void aDuplicateGroupNameIsRefused() {
        api.registerGroup("Группа (twice)", "Северный");

        Api.Response response = api.post("/api/groups", Map.of("name", "Группа (twice)",
                "leader", Map.of("fullName", "А"), "secretary", Map.of("fullName", "Б"),
                "territories", List.of("Южный")));

        assertThat(response.status().value()).isEqualTo(422);
        assertThat(fields(response)).containsExactly("name");
    }

    private static List<String> fields(Api.Response response) {
        JsonNode errors = response.body().path("errors");
        return errors.valueStream().map(error -> error.path("field").asString()).toList();
    }
}
