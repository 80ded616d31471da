package ru.outreach.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.outreach.system.Http.get;
import static ru.outreach.system.Http.ok;
import static ru.outreach.system.Http.post;
import static ru.outreach.system.Http.put;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The people of the realm sign in at the real Keycloak of the local stack (password grant of {@code outreach-cli},
 * password {@code demo}) and walk a meeting from its plan to a closed instruction, each doing their own steps: the
 * secretary of «Информационная группа № 1», the controller, the general department's clerk, the executor of
 * «Управление ЖКХ», the controller again; the head then reads the reports without a citizen's name. The services
 * trust Keycloak alone ({@code OIDC_ISSUER_URI}, its key set), and the meetings service signs in to it as itself for
 * the brief. Every step is done by the person whose duty, group and department it is, so the journey holds whether
 * or not the services check a record's scope and take the actor from the token.
 */
class KeycloakJourneyIT {

    /** secretary1's {@code outreach_group} in the realm file. */
    static final String GROUP = "Информационная группа № 1";
    /** executor-housing's {@code outreach_department} in the realm file. */
    static final String HOUSING = "Управление ЖКХ";
    static final String CITIZEN = "Кравцова Галина Ивановна";
    static final String TERRITORY = "Шахтёрский";

    private final SystemStack stack = SystemStack.withKeycloak();
    private final KeycloakProcess keycloak = stack.keycloak;
    private final String meetings = stack.meetings.url() + "/api";
    private final String appeals = stack.appeals.url() + "/api";
    private final String reports = stack.reporting.url() + "/api/reports";

    @Test
    void fourPeopleSignedInAtKeycloakTakeAMeetingFromItsPlanToAClosedInstruction() {
        String admin = keycloak.token("admin");
        String secretary = keycloak.token("secretary1");
        String controller = keycloak.token("controller");
        String clerk = keycloak.token("clerk");
        String executor = keycloak.token("executor-housing");
        String head = keycloak.token("head");
        assertThat(KeycloakProcess.claims(secretary).path("iss").asString()).isEqualTo(keycloak.issuer());
        assertThat(KeycloakProcess.claims(secretary).path("outreach_group").asString()).isEqualTo(GROUP);
        assertThat(KeycloakProcess.claims(executor).path("outreach_department").asString()).isEqualTo(HOUSING);

        LocalDate today = stack.today();
        LocalDate heldOn = today.minusDays(3);
        LocalDateTime at = heldOn.atTime(17, 0);

        // the administrator registers the group; its secretary plans, holds and records the meeting
        String groupId = ok(post(admin, meetings + "/groups", Map.of("name", GROUP,
                "leader", Map.of("fullName", "Иванов Иван Иванович", "position", "заместитель Главы Администрации"),
                "secretary", Map.of("fullName", "Петрова Анна", "position", "главный специалист"),
                "territories", List.of(TERRITORY), "formedOn", heldOn.minusDays(60).toString()))).path("id").asString();
        String meetingId = ok(post(secretary, meetings + "/meetings", Map.of("groupId", groupId, "territory", TERRITORY,
                "venue", Map.of("name", "МБОУ СОШ № 3", "address", "ул. Ленина, 10", "kind", "SCHOOL"),
                "scheduledAt", at.toString()))).path("id").asString();
        String meeting = meetings + "/meetings/" + meetingId;
        ok(post(secretary, meeting + "/venue-agreement", Map.of("agreedOn", heldOn.minusDays(10).toString(),
                "agreedWith", "директор школы")));
        ok(post(secretary, meeting + "/announcement", Map.of("announcedOn", heldOn.minusDays(7).toString(),
                "channels", List.of("OFFICIAL_SITE", "NOTICE_BOARD"))));
        ok(post(secretary, meeting + "/holding", Map.of("heldAt", at.toString(), "residentsAttended", 31)));
        ok(put(secretary, meeting + "/minutes", Map.of(
                "questions", List.of(Map.of("text", "Когда починят освещение?", "answer", "До конца месяца")),
                "receptionCards", List.of(Map.of(
                        "citizen", Map.of("fullName", CITIZEN, "postalAddress", "ул. Шахтёрская, 3", "phone", "+7 900 111-22-33"),
                        "question", "Протекает крыша", "category", "HOUSING")),
                "instructions", List.of(Map.of("text", "Проверить освещение ул. Шахтёрской", "executorDepartment", HOUSING,
                        "dueOn", today.plusDays(20).toString())))));
        JsonNode signed = ok(post(secretary, meeting + "/minutes/signature", Map.of("signedOn", heldOn.toString())));
        assertThat(signed.path("status").asString()).isEqualTo("SIGNED");

        // the controller receives the hand-over
        JsonNode handedOver = ok(post(controller, meeting + "/minutes/hand-over", Map.of("handedOverOn", today.toString())));
        assertThat(handedOver.path("handOver").path("handedOverOn").asString()).isEqualTo(today.toString());

        // the card waits in the general department's queue; the secretary cannot act as the clerk
        String cardId = meetingId + ":RC1";
        String appeal = appeals + "/appeals/" + cardId;
        String queue = appeals + "/appeals/registration-queue?territory=" + encode(TERRITORY);
        await("the card in the registration queue").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> ids(ok(get(clerk, queue))).contains(cardId));
        assertThat(get(secretary, queue).status()).as("the secretary reads no queue").isEqualTo(403);
        assertThat(post(secretary, appeal + "/registration", Map.of("registeredOn", today.toString())).status())
                .as("the secretary registers no appeal").isEqualTo(403);
        assertThat(ok(get(clerk, appeal)).path("state").asString()).as("the refused call changed nothing")
                .isEqualTo("RECEIVED");

        // the clerk registers the card from the queue, assigns it and answers it
        JsonNode registered = ok(post(clerk, appeal + "/registration", Map.of("registeredOn", heldOn.plusDays(1).toString())));
        assertThat(registered.path("state").asString()).isEqualTo("REGISTERED");
        assertThat(registered.path("receivedOn").asString()).isEqualTo(heldOn.toString());
        ok(post(clerk, appeal + "/assignment", Map.of("executorDepartment", HOUSING, "assignedOn", heldOn.plusDays(1).toString())));
        JsonNode answered = ok(post(clerk, appeal + "/answer",
                Map.of("text", "Кровля будет отремонтирована", "answeredOn", today.toString())));
        assertThat(answered.path("state").asString()).isEqualTo("ANSWERED");
        assertThat(answered.path("answer").path("answeredBy").asString()).as("who answered: from the clerk's token")
                .isEqualTo("Наталья Орлова");
        assertThat(ok(get(clerk, appeal)).path("citizen").path("fullName").asString())
                .as("the general department reads the citizen's details").isEqualTo(CITIZEN);

        // the secretary's brief: the meetings service asks the appeals service as itself, signed in at Keycloak
        await("the brief with the open instruction").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ok(get(secretary, meeting + "/brief")),
                        brief -> "CURRENT".equals(brief.path("freshness").asString())
                                && brief.path("openProblems").path("openInstructions").asInt() == 1);

        // the executor of the department accepts the instruction and reports on it
        String instructionId = meetingId + ":I1";
        String instruction = appeals + "/instructions/" + instructionId;
        await("the instruction in the department's list").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> ids(ok(get(executor, appeals + "/instructions?executorDepartment=" + encode(HOUSING))))
                        .contains(instructionId));
        JsonNode order = ok(get(executor, instruction));
        assertThat(order.path("executorDepartment").asString()).isEqualTo(HOUSING);
        ok(post(executor, instruction + "/acceptance", Map.of("acceptedOn", heldOn.plusDays(1).toString())));
        assertThat(ok(post(executor, instruction + "/reports", Map.of("text", "Заменены 4 светильника",
                "reportedOn", today.toString()))).path("state").asString()).isEqualTo("REPORTED");

        // the controller closes it
        JsonNode closed = ok(post(controller, instruction + "/closing", Map.of("closedOn", today.toString())));
        assertThat(closed.path("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("closing").path("closedBy").asString()).as("who closed: from the controller's token")
                .isEqualTo("Татьяна Егорова");

        // the head reads the reports: the figures of what happened, and no citizen's name
        int year = heldOn.getYear();
        JsonNode group = await("the group's yearly figures").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> groupFigures(head, year, groupId), g -> g != null && g.path("instructionsClosed").asLong() == 1);
        assertThat(group.path("groupName").asString()).isEqualTo(GROUP);
        assertThat(group.path("meetingsHeld").asLong()).isEqualTo(1);
        assertThat(group.path("receptionCards").asLong()).isEqualTo(1);
        for (String report : List.of("/groups?year=" + year, "/groups/" + groupId + "/meetings?year=" + year,
                "/appeals?year=" + year, "/appeals/categories/HOUSING/territories?year=" + year,
                "/executors?year=" + year, "/ranking?year=" + year)) {
            String body = ok(get(head, reports + report)).toString();
            assertThat(body).as(report).doesNotContain("Кравцова").doesNotContain("Шахтёрская, 3")
                    .doesNotContain("111-22-33");
        }
        assertThat(get(head, appeal).status()).as("the head reads no citizen's details").isEqualTo(403);

        // no token, no answer
        assertThat(get((String) null, meeting).status()).isEqualTo(401);
        assertThat(get((String) null, appeal).status()).isEqualTo(401);
        assertThat(get((String) null, reports + "/groups?year=" + year).status()).isEqualTo(401);
    }

    /**
     * A step whose body names who did it ({@code field}), as the services want it while names are typed in: sent
     * with the name, and sent again without it if the service refuses the field as unknown, as it will once it takes
     * the actor from the token (the bodies are read strictly). Either way the person of the token does the step.
     */
    private JsonNode groupFigures(String head, int year, String groupId) {
        for (JsonNode group : ok(get(head, reports + "/groups?year=" + year)).path("groups")) {
            if (group.path("groupId").asString().equals(groupId)) {
                return group;
            }
        }
        return null;
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").valueStream().map(item -> item.path("id").asString()).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
