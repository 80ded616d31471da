package ru.outreach.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.outreach.system.Http.ADMINISTRATOR;
import static ru.outreach.system.Http.CONTROLLER;
import static ru.outreach.system.Http.EXECUTOR;
import static ru.outreach.system.Http.GENERAL_DEPARTMENT;
import static ru.outreach.system.Http.HEAD;
import static ru.outreach.system.Http.get;
import static ru.outreach.system.Http.ok;
import static ru.outreach.system.Http.post;
import static ru.outreach.system.Http.put;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.outreach.testkit.TestTokens.Person;
import tools.jackson.databind.JsonNode;

/**
 * Across the three services: minutes recorded and signed → appeals and an instruction created → one appeal answered
 * and the instruction closed → the head's yearly figures in the reporting service change exactly by that.
 */
class YearlyFiguresIT {

    private final SystemStack stack = SystemStack.get();
    private final String meetings = stack.meetings.url() + "/api";
    private final String appeals = stack.appeals.url() + "/api";
    private final String reports = stack.reporting.url() + "/api/reports";

    @Test
    void theYearlyFiguresFollowWhatHappenedInTheOtherServices() {
        LocalDate today = stack.today();
        LocalDate heldOn = today.minusDays(2);
        int year = heldOn.getYear();
        JsonNode appealsBefore = ok(get(HEAD, reports + "/appeals?year=" + year));

        String groupName = "Группа (yearly figures)";
        Person secretary = Http.secretaryOf(groupName);
        String groupId = ok(post(ADMINISTRATOR, meetings + "/groups", Map.of("name", groupName,
                "leader", Map.of("fullName", "Иванов Иван Иванович"),
                "secretary", Map.of("fullName", "Смирнова Ольга Петровна"),
                "territories", List.of("Аютинский")))).path("id").asString();
        String meetingId = ok(post(secretary, meetings + "/meetings", Map.of("groupId", groupId, "territory", "Аютинский",
                "venue", Map.of("name", "Школа № 7", "kind", "SCHOOL"), "scheduledAt", heldOn + "T17:00:00")))
                .path("id").asString();
        String meeting = meetings + "/meetings/" + meetingId;
        ok(post(secretary, meeting + "/venue-agreement", Map.of("agreedOn", heldOn.minusDays(7).toString())));
        ok(post(secretary, meeting + "/announcement", Map.of("announcedOn", heldOn.minusDays(5).toString(),
                "channels", List.of("NOTICE_BOARD"))));
        ok(post(secretary, meeting + "/holding", Map.of("heldAt", heldOn + "T17:00:00", "residentsAttended", 40)));
        ok(put(secretary, meeting + "/minutes", Map.of(
                "questions", List.of(Map.of("text", "Когда отремонтируют дорогу?", "answer", "Летом")),
                "receptionCards", List.of(
                        Map.of("citizen", Map.of("fullName", "Орлова Ирина", "postalAddress", "ул. Мира, 3"),
                                "question", "Протекает крыша", "category", "HOUSING"),
                        Map.of("citizen", Map.of("fullName", "Зайцев Олег", "postalAddress", "ул. Мира, 4"),
                                "question", "Яма во дворе", "category", "ROADS")),
                "instructions", List.of(Map.of("text", "Осмотреть кровлю", "executorDepartment",
                        "Управление ЖКХ", "dueOn", today.plusDays(20).toString())))));
        ok(post(secretary, meeting + "/minutes/signature", Map.of("signedOn", heldOn.toString())));
        ok(post(CONTROLLER, meeting + "/minutes/hand-over", Map.of("handedOverOn", today.toString())));

        String appeal = appeals + "/appeals/" + meetingId + ":RC1";
        String instruction = appeals + "/instructions/" + meetingId + ":I1";
        JsonNode order = await().atMost(Duration.ofSeconds(60))
                .until(() -> get(CONTROLLER, instruction), r -> r.status() == 200).body();
        await().atMost(Duration.ofSeconds(30)).until(() -> get(GENERAL_DEPARTMENT, appeal).status() == 200);
        ok(post(GENERAL_DEPARTMENT, appeal + "/registration", Map.of("registeredOn", heldOn.toString())));
        ok(post(GENERAL_DEPARTMENT, appeal + "/assignment", Map.of("executorDepartment", "Управление ЖКХ")));
        ok(post(GENERAL_DEPARTMENT, appeal + "/answer", Map.of("text", "Крыша отремонтирована", "answeredOn", today.toString())));
        ok(post(EXECUTOR, instruction + "/acceptance", Map.of()));
        ok(post(EXECUTOR, instruction + "/reports", Map.of("text", "Кровля осмотрена", "reportedOn", today.toString())));
        ok(post(CONTROLLER, instruction + "/closing", Map.of("closedOn", today.toString())));

        JsonNode group = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> groupFigures(year, groupId), g -> g != null && g.path("instructionsClosed").asLong() == 1);
        assertThat(group.path("groupName").asString()).isEqualTo(groupName);
        assertThat(group.path("meetingsHeld").asLong()).isEqualTo(1);
        assertThat(group.path("residentsTotal").asLong()).isEqualTo(40);
        assertThat(group.path("minutesOnTime").asLong()).isEqualTo(1);
        assertThat(group.path("questions").asLong()).isEqualTo(1);
        assertThat(group.path("receptionCards").asLong()).isEqualTo(2);
        assertThat(group.path("instructionsGiven").asLong()).isEqualTo(1);
        assertThat(group.path("instructionsClosedOnTime").asLong()).isEqualTo(1);

        JsonNode appealsAfter = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ok(get(HEAD, reports + "/appeals?year=" + year)),
                        r -> total(r, "appeals") == total(appealsBefore, "appeals") + 2
                                && total(r, "answeredWithinTerm") == total(appealsBefore, "answeredWithinTerm") + 1);
        assertThat(total(appealsAfter, "openAtEnd")).isEqualTo(total(appealsBefore, "openAtEnd") + 1);
    }

    private JsonNode groupFigures(int year, String groupId) {
        for (JsonNode group : ok(get(HEAD, reports + "/groups?year=" + year)).path("groups")) {
            if (group.path("groupId").asString().equals(groupId)) {
                return group;
            }
        }
        return null;
    }

    private static double total(JsonNode report, String key) {
        for (JsonNode figure : report.path("totals")) {
            if (figure.path("key").asString().equals(key)) {
                return figure.path("current").asDouble();
            }
        }
        throw new AssertionError("No figure " + key + " in " + report);
    }
}
