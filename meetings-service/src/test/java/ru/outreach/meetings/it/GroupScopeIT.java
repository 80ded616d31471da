package ru.outreach.meetings.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import ru.outreach.testkit.CityClock;
import ru.outreach.testkit.JsonApi;
import ru.outreach.testkit.TestTokens.Person;
import tools.jackson.databind.JsonNode;

/**
 * README "Who may do what": a secretary sees and works on only the group his token names; another group's meetings and
 * minutes are not found for him (404), a list of them is empty; the quarterly rule stays readable. The control
 * department sees every group.
 */
class GroupScopeIT extends IntegrationTest {

    private static final String NAME_A = "Информационная группа А (scope)";
    private static final String NAME_B = "Информационная группа Б (scope)";
    private static String groupA;
    private static String groupB;
    private static String meetingB;

    private Api secretaryA;
    private Api secretaryB;

    @BeforeEach
    void twoGroups() {
        if (groupA == null) {
            groupA = api.registerGroup(NAME_A, "Северный");
            groupB = api.registerGroup(NAME_B, "Южный");
            meetingB = api.holdMeeting(groupB, "Южный", CityClock.today().minusDays(3).atTime(17, 0));
            api.secretaryOf(groupB).ok(HttpMethod.PUT, "/api/meetings/" + meetingB + "/minutes",
                    Api.minutesWithTwoCardsAndAnInstruction(CityClock.today().plusDays(20)));
        }
        secretaryA = api.secretaryOf(groupA);
        secretaryB = api.secretaryOf(groupB);
    }

    @Test
    void anotherGroupsMeetingAndMinutesAreNotFoundForASecretary() {
        String meeting = "/api/meetings/" + meetingB;
        LocalDateTime later = CityClock.today().plusDays(30).atTime(17, 0);

        List<Api.Response> refused = List.of(
                secretaryA.get(meeting),
                secretaryA.get(meeting + "/minutes"),
                secretaryA.get(meeting + "/brief"),
                secretaryA.post(meeting + "/venue-agreement", Map.of()),
                secretaryA.post(meeting + "/announcement", Map.of("channels", List.of("OFFICIAL_SITE"))),
                secretaryA.post(meeting + "/rescheduling", Map.of("scheduledAt", later.toString(), "reason", "x")),
                secretaryA.post(meeting + "/cancellation", Map.of("reason", "x")),
                secretaryA.post(meeting + "/holding", Map.of("heldAt", later.toString(), "residentsAttended", 1)),
                secretaryA.put(meeting + "/minutes", Map.of()),
                secretaryA.post(meeting + "/minutes/signature", Map.of()),
                secretaryA.post(meeting + "/minutes/proposals/P1/evaluation", Map.of("outcome", "ACCEPTED")),
                secretaryA.get("/api/groups/" + groupB));

        assertThat(refused).allSatisfy(response -> {
            assertThat(response.status().value()).as("%s", response.body()).isEqualTo(404);
            assertThat(response.body().toString()).doesNotContain(NAME_B, "Южный", "Петрова");
        });
        assertThat(refused.getFirst().text("detail")).as("the same answer as for a meeting that does not exist")
                .isEqualTo("Встреча " + meetingB + " не найдена.");
        assertThat(secretaryB.get(meeting).body().path("status").asString()).as("unchanged").isEqualTo("HELD");
        assertThat(secretaryB.get(meeting + "/minutes").body().path("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void aSecretaryPlansOnlyForHisOwnGroup() {
        Map<String, Object> forB = plan(groupB, "Южный");

        Api.Response refused = secretaryA.post("/api/meetings", forB);
        Api.Response own = secretaryA.post("/api/meetings", plan(groupA, "Северный"));
        Api.Response otherTerritory = secretaryA.get("/api/territories/Южный/brief");

        assertThat(refused.status().value()).isEqualTo(422);
        assertThat(refused.fields()).containsExactly("groupId");
        assertThat(refused.text("detail")).as("as for a group that does not exist")
                .isEqualTo("Информационная группа " + groupB + " не найдена.");
        assertThat(own.status().value()).isEqualTo(201);
        assertThat(own.body().path("plannedBy").path("username").asString())
                .isEqualTo(Api.secretary(NAME_A).username());
        assertThat(otherTerritory.status().value()).isEqualTo(403);
        assertThat(otherTerritory.text("detail")).isEqualTo("Территория «Южный» не закреплена за вашей "
                + "информационной группой.");
    }

    @Test
    void aSecretarysListsHoldOnlyHisOwnGroup() {
        JsonNode meetings = secretaryA.get("/api/meetings?size=200").body();
        JsonNode filteredToB = secretaryA.get("/api/meetings?groupId=" + groupB).body();
        JsonNode minutesOfB = secretaryA.get("/api/minutes?groupId=" + groupB).body();
        JsonNode minutes = secretaryA.get("/api/minutes?size=200").body();
        JsonNode groups = secretaryA.get("/api/groups?size=200").body();

        assertThat(meetings.path("items").valueStream().map(m -> m.path("groupId").asString()))
                .allMatch(groupA::equals);
        assertThat(filteredToB.path("totalItems").asInt()).isZero();
        assertThat(minutesOfB.path("totalItems").asInt()).isZero();
        assertThat(minutes.path("items").valueStream().map(m -> m.path("groupId").asString()))
                .allMatch(groupA::equals);
        assertThat(groups.path("items").valueStream().map(g -> g.path("id").asString())).containsExactly(groupA);
        assertThat(secretaryB.get("/api/meetings?groupId=" + groupB).body().path("totalItems").asInt()).isOne();
        assertThat(secretaryB.get("/api/minutes").body().path("items").valueStream()
                .map(m -> m.path("groupId").asString())).containsExactly(groupB);
    }

    @Test
    void theQuarterlyRuleStaysReadableForEverySecretary() {
        int year = CityClock.today().getYear();

        JsonNode rule = secretaryA.get("/api/quarterly-rule?year=" + year).body();
        Api.Response groupOfB = secretaryA.get("/api/quarterly-rule/groups/" + groupB + "?year=" + year);
        Api.Response idle = secretaryA.get("/api/quarterly-rule/current-quarter/groups-without-meetings");

        assertThat(rule.valueStream().map(g -> g.path("groupId").asString())).contains(groupA, groupB);
        assertThat(groupOfB.status().value()).isEqualTo(200);
        assertThat(idle.status().value()).isEqualTo(200);
    }

    @Test
    void theControlDepartmentSeesEveryGroupButDoesNotWorkOnItsMeetings() {
        JsonApi controller = api.as(Person.with("controller-scope", "controller"));

        assertThat(controller.get("/api/meetings/" + meetingB).status().value()).isEqualTo(200);
        assertThat(controller.get("/api/minutes?groupId=" + groupB).body().path("totalItems").asInt()).isOne();
        assertThat(controller.get("/api/groups/" + groupB).status().value()).isEqualTo(200);
        Api.Response bothDuties = api.post("/api/meetings/" + meetingB + "/cancellation", Map.of("reason", "x"));
        assertThat(bothDuties.status().value()).as("a token with the controller's and a secretary's duties, of "
                + "another group: sees the meeting, may not change it").isEqualTo(403);
        assertThat(bothDuties.text("detail")).isEqualTo("Встречи и протоколы этой информационной группы ведёт "
                + "её секретарь.");
    }

    @Test
    void aSecretaryWhoseTokenNamesNoKnownGroupSeesNothing() {
        Api stranger = api.as(Api.secretary("Информационная группа, которой нет (scope)"));

        assertThat(stranger.get("/api/meetings").body().path("totalItems").asInt()).isZero();
        assertThat(stranger.get("/api/minutes").body().path("totalItems").asInt()).isZero();
        assertThat(stranger.get("/api/groups").body().path("totalItems").asInt()).isZero();
        assertThat(stranger.get("/api/meetings/" + meetingB).status().value()).isEqualTo(404);
        assertThat(stranger.post("/api/meetings", plan(groupA, "Северный")).status().value()).isEqualTo(422);
    }

    private static Map<String, Object> plan(String groupId, String territory) {
        return Map.of("groupId", groupId, "territory", territory,
                "venue", Map.of("name", "Школа № 1", "kind", "SCHOOL"),
                "scheduledAt", LocalDate.now(CityClock.ZONE).plusDays(40).atTime(17, 0).toString());
    }
}
