package ru.outreach.appeals.it;

import ru.outreach.testkit.CityClock;

import ru.outreach.testkit.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The scheduled check (every 300 ms here) raises "due soon" and "overdue" once per instruction and due date, and
 * shows the territory's open problems.
 */
class DeadlinesIT extends IntegrationTest {

    private static final LocalDate TODAY = CityClock.today();

    @Test
    void dueSoonAndOverdueAreRaisedOnceEachAndTheTerritoryBriefShowsThem() {
        String meetingId = "m-" + UUID.randomUUID();
        String territory = "Посёлок " + UUID.randomUUID();
        try (IntakeProducer producer = intake(); TopicReader topic = reader("instructions.v1")) {
            producer.send(IntakeProducer.minutes(meetingId, territory, TODAY.minusDays(20), TODAY.minusDays(2),
                    TODAY.plusDays(1), TODAY.plusDays(25)));
            String overdue = meetingId + ":I1";
            String dueSoon = meetingId + ":I2";
            String later = meetingId + ":I3";

            await().atMost(Duration.ofSeconds(30)).until(() -> types(topic, overdue).contains("InstructionOverdue")
                    && types(topic, dueSoon).contains("InstructionDueSoon"));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                    types(topic, overdue).equals(java.util.List.of("InstructionIssued", "InstructionOverdue"))
                            && types(topic, dueSoon).equals(java.util.List.of("InstructionIssued",
                            "InstructionDueSoon")));
            assertThat(types(topic, later)).containsExactly("InstructionIssued");
            ConsumerRecord<String, String> signal = topic.recordsWithKey(overdue).getLast();
            assertThat(signal.value()).contains("\"dueOn\":\"" + TODAY.minusDays(2) + "\"");

            JsonNode instruction = api.get("/api/instructions/" + overdue).body();
            assertThat(instruction.path("overdue").asBoolean()).isTrue();
            assertThat(instruction.path("daysOverdue").asLong()).isEqualTo(2);
            JsonNode overdueList = api.get("/api/instructions?overdue=true&territory=" + territory).body();
            assertThat(overdueList.path("items").valueStream().map(item -> item.path("id").asString()))
                    .containsExactly(overdue);

            JsonNode brief = api.get("/api/territories/" + territory + "/open-problems").body();
            assertThat(brief.path("openAppeals").asLong()).isEqualTo(2);
            assertThat(brief.path("openAppealsByCategory").valueStream()
                    .map(category -> category.path("category").asString())).containsExactly("HOUSING", "OTHER");
            assertThat(brief.path("openAppealsByCategory").get(0).path("name").asString())
                    .isEqualTo("Жилищно-коммунальное хозяйство");
            assertThat(brief.path("openInstructions").asLong()).isEqualTo(3);
            assertThat(brief.path("overdueInstructions").asLong()).isEqualTo(1);
            assertThat(brief.path("mostOverdue").get(0).path("id").asString()).isEqualTo(overdue);
            assertThat(brief.toString()).doesNotContain("Петрова", "Кузнецова", "Шахтёрская, 3");
        }
    }

    @Test
    void anExtendedInstructionIsSignalledAgainForItsNewDueDate() {
        String id = api.issueInstruction("Отдел " + UUID.randomUUID(), "Северный", TODAY.plusDays(2));
        try (TopicReader topic = reader("instructions.v1")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> types(topic, id).contains("InstructionDueSoon"));
            api.post200("/api/instructions/" + id + "/extension-request", java.util.Map.of("reason", "Зима",
                    "dueOn", TODAY.plusDays(3).toString()));
            api.post200("/api/instructions/" + id + "/extension-request/grant", java.util.Map.of(
                    "decidedOn", TODAY.toString()));

            await().atMost(Duration.ofSeconds(20)).until(() -> types(topic, id).stream()
                    .filter("InstructionDueSoon"::equals).count() == 2);
        }
    }

    private static java.util.List<String> types(TopicReader topic, String key) {
        return topic.recordsWithKey(key).stream().map(TopicReader::type).toList();
    }
}
