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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import ru.outreach.testkit.TestTokens.Person;
import tools.jackson.databind.JsonNode;

/**
 * Across the services, each its own process: minutes signed in the meetings service become appeals and an instruction
 * in the appeals service, which are answered, reported on and closed; the brief before a meeting survives the appeals
 * service going down and comes back with it.
 */
class MeetingToAppealsIT {

    /** Group names are unique: each test registers its own group, and its secretary's token names it. */
    private static final String BRIEF_GROUP = "Группа (brief e2e)";

    private final SystemStack stack = SystemStack.get();
    private final String meetings = stack.meetings.url() + "/api";
    private final String appeals = stack.appeals.url() + "/api";

    /** Runs with the services' clock at 23:30 UTC (see {@link SystemStack}): every date below is the city's. */
    @Test
    void minutesSignedInTheMeetingsServiceAreAnsweredAndClosedInTheAppealsService() {
        LocalDate today = stack.today();
        LocalDate heldOn = today.minusDays(3);
        String meetingId = heldMeetingWithSignedMinutes("Группа (e2e)", "Шахтёрский", heldOn);

        JsonNode card = await().atMost(Duration.ofSeconds(60))
                .until(() -> get(GENERAL_DEPARTMENT, appeals + "/appeals/" + meetingId + ":RC1"), r -> r.status() == 200).body();
        JsonNode secondCard = ok(get(GENERAL_DEPARTMENT, appeals + "/appeals/" + meetingId + ":RC2"));
        JsonNode instruction = await().atMost(Duration.ofSeconds(30))
                .until(() -> get(CONTROLLER, appeals + "/instructions/" + meetingId + ":I1"), r -> r.status() == 200).body();
        assertThat(card.path("territory").asString()).isEqualTo("Шахтёрский");
        assertThat(card.path("citizen").path("fullName").asString()).isEqualTo("Петрова Анна Сергеевна");
        assertThat(card.path("state").asString()).as("waits in the registration queue").isEqualTo("RECEIVED");
        assertThat(card.path("receivedOn").asString()).as("received on the meeting day").isEqualTo(heldOn.toString());
        assertThat(secondCard.path("state").asString()).isEqualTo("RECEIVED");
        assertThat(instruction.path("executorDepartment").asString()).isEqualTo("Управление ЖКХ");
        assertThat(instruction.path("dueOn").asString()).isEqualTo(heldOn.plusDays(30).toString());

        String appeal = appeals + "/appeals/" + meetingId + ":RC1";
        JsonNode registered = ok(post(GENERAL_DEPARTMENT, appeal + "/registration", Map.of("registeredOn", heldOn.plusDays(1).toString())));
        assertThat(registered.path("registeredOn").asString()).isEqualTo(heldOn.plusDays(1).toString());
        assertThat(registered.path("answerDueOn").asString()).isEqualTo(heldOn.plusDays(31).toString());
        assertThat(registered.path("missedTerms")).isEmpty();
        ok(post(GENERAL_DEPARTMENT, appeal + "/assignment", Map.of("executorDepartment", "Управление ЖКХ")));
        ok(post(GENERAL_DEPARTMENT, appeal + "/answer", Map.of("text", "Крыша будет отремонтирована в мае", "answeredOn",
                today.toString())));
        String order = appeals + "/instructions/" + meetingId + ":I1";
        ok(post(EXECUTOR, order + "/acceptance", Map.of()));
        ok(post(EXECUTOR, order + "/reports", Map.of("text", "Освещение проверено, заменены 4 лампы",
                "reportedOn", today.toString())));
        assertThat(ok(get(CONTROLLER, order)).path("state").asString()).as("a report does not close").isEqualTo("REPORTED");
        String controller = instruction.path("controller").asString();
        ok(post(CONTROLLER, order + "/closing", Map.of("closedOn", today.toString())));

        assertThat(ok(get(GENERAL_DEPARTMENT, appeal)).path("state").asString()).isEqualTo("ANSWERED");
        assertThat(ok(get(CONTROLLER, order)).path("state").asString()).isEqualTo("CLOSED");
        List<ConsumerRecord<String, String>> instructionEvents = readUntil("instructions.v1", meetingId + ":I1", 4);
        assertThat(instructionEvents).extracting(MeetingToAppealsIT::type)
                .containsExactly("InstructionIssued", "InstructionAccepted", "InstructionReported", "InstructionClosed");
        List<ConsumerRecord<String, String>> appealEvents = readUntil("appeals.v1", meetingId + ":RC1", 4);
        assertThat(appealEvents).extracting(MeetingToAppealsIT::type)
                .containsExactly("AppealReceived", "AppealRegistered", "AppealAssigned", "AppealAnswered");
        assertThat(appealEvents).allSatisfy(record -> assertThat(record.value()).doesNotContain("Петрова"));
    }

    @Test
    void theBriefBeforeAMeetingDegradesWhenTheAppealsServiceStopsAndRecoversWhenItStarts() {
        String meetingId = heldMeetingWithSignedMinutes(BRIEF_GROUP, "Ключевской",
                stack.today().minusDays(2));
        String brief = meetings + "/meetings/" + meetingId + "/brief";
        JsonNode current = await().atMost(Duration.ofSeconds(60))
                .until(() -> ok(get(Http.secretaryOf(BRIEF_GROUP), brief)), b -> b.path("openProblems").path("openInstructions").asInt() == 1);
        assertThat(current.path("freshness").asString()).isEqualTo("CURRENT");
        assertThat(stack.tokens.issued()).as("asked with the meetings service's own token").isPositive();

        stack.appeals.stop();
        try {
            JsonNode stale = ok(get(Http.secretaryOf(BRIEF_GROUP), brief));
            assertThat(stale.path("freshness").asString()).isEqualTo("STALE");
            assertThat(stale.path("openProblems").path("openInstructions").asInt()).isEqualTo(1);
            assertThat(get(Http.secretaryOf(BRIEF_GROUP), meetings + "/meetings/" + meetingId).status()).as("meetings keep working").isEqualTo(200);
        } finally {
            stack.appeals.start();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ok(get(Http.secretaryOf(BRIEF_GROUP), brief)).path("freshness").asString(), "CURRENT"::equals);
    }

    private String heldMeetingWithSignedMinutes(String groupName, String territory, LocalDate heldOn) {
        Person secretary = Http.secretaryOf(groupName);
        String groupId = ok(post(ADMINISTRATOR, meetings + "/groups", Map.of("name", groupName,
                "leader", Map.of("fullName", "Иванов Иван Иванович"),
                "secretary", Map.of("fullName", "Смирнова Ольга Петровна"),
                "territories", List.of(territory)))).path("id").asString();
        LocalDateTime at = heldOn.atTime(17, 0);
        String meetingId = ok(post(secretary, meetings + "/meetings", Map.of("groupId", groupId, "territory", territory,
                "venue", Map.of("name", "Дом культуры", "kind", "CULTURE"), "scheduledAt", at.toString())))
                .path("id").asString();
        String meeting = meetings + "/meetings/" + meetingId;
        ok(post(secretary, meeting + "/venue-agreement", Map.of("agreedOn", heldOn.minusDays(7).toString())));
        ok(post(secretary, meeting + "/announcement", Map.of("announcedOn", heldOn.minusDays(5).toString(),
                "channels", List.of("OFFICIAL_SITE"))));
        ok(post(secretary, meeting + "/holding", Map.of("heldAt", at.toString(), "residentsAttended", 25)));
        ok(put(secretary, meeting + "/minutes", Map.of(
                "receptionCards", List.of(
                        Map.of("citizen", Map.of("fullName", "Петрова Анна Сергеевна", "postalAddress", "ул. Мира, 1"),
                                "question", "Протекает крыша", "category", "HOUSING"),
                        Map.of("citizen", Map.of("fullName", "Сидоров Пётр", "postalAddress", "ул. Мира, 2"),
                                "question", "Яма во дворе", "category", "ROADS")),
                "instructions", List.of(Map.of("text", "Проверить освещение", "executorDepartment",
                        "Управление ЖКХ", "dueOn", heldOn.plusDays(30).toString())))));
        ok(post(secretary, meeting + "/minutes/signature", Map.of("signedOn", heldOn.toString())));
        return meetingId;
    }

    private List<ConsumerRecord<String, String>> readUntil(String topic, String key, int count) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
                return found.size() >= count;
            });
            return found;
        }
    }

    private static String type(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)
                .replace("ru.outreach.", "");
    }
}
