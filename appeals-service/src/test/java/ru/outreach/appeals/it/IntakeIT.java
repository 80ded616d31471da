package ru.outreach.appeals.it;

import ru.outreach.testkit.CityClock;

import ru.outreach.testkit.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import ru.outreach.events.meetings.MeetingIntakeEvent.MeetingIntakeReleased;
import tools.jackson.databind.JsonNode;

/** Minutes handed on by the meetings service arrive on the real broker and become appeals and instructions. */
class IntakeIT extends IntegrationTest {

    private static final LocalDate TODAY = CityClock.today();

    @Test
    void anIntakeBecomesTwoAppealsAndAnInstructionWithTheirTerms() {
        String meetingId = "m-" + UUID.randomUUID();
        LocalDate heldOn = TODAY.minusDays(1);
        try (IntakeProducer producer = intake(); TopicReader appealsTopic = reader("appeals.v1")) {
            producer.send(IntakeProducer.minutes(meetingId, "Западный", heldOn, TODAY.plusDays(20)));

            JsonNode appeals = awaitItems("/api/appeals?territory=Западный&size=50", meetingId, 2);
            JsonNode instructions = awaitItems("/api/instructions?sourceId=" + meetingId, meetingId, 1);

            JsonNode card = api.get("/api/appeals/" + meetingId + ":RC1").body();
            assertThat(card.path("channel").asString()).isEqualTo("PERSONAL_RECEPTION");
            assertThat(card.path("citizen").path("fullName").asString()).isEqualTo("Петрова Анна Сергеевна");
            assertThat(card.path("category").asString()).isEqualTo("HOUSING");
            assertThat(card.path("receivedOn").asString()).isEqualTo(heldOn.toString());
            assertThat(card.path("registeredOn").asString()).isEqualTo(TODAY.toString());
            assertThat(card.path("registrationDueOn").asString()).isEqualTo(heldOn.plusDays(3).toString());
            assertThat(card.path("answerDueOn").asString()).isEqualTo(TODAY.plusDays(30).toString());
            assertThat(card.path("redirectDueOn").asString()).isEqualTo(TODAY.plusDays(7).toString());
            assertThat(card.path("sourceMeetingId").asString()).isEqualTo(meetingId);
            JsonNode written = api.get("/api/appeals/" + meetingId + ":WA1").body();
            assertThat(written.path("channel").asString()).isEqualTo("MEETING");
            assertThat(written.path("category").asString()).as("unknown category filed under OTHER")
                    .isEqualTo("OTHER");
            JsonNode instruction = instructions.get(0);
            assertThat(instruction.path("id").asString()).isEqualTo(meetingId + ":I1");
            assertThat(instruction.path("state").asString()).isEqualTo("ISSUED");
            assertThat(instruction.path("dueOn").asString()).isEqualTo(TODAY.plusDays(20).toString());
            assertThat(instruction.path("source").asString()).isEqualTo("MEETING");
            assertThat(instruction.path("territory").asString()).isEqualTo("Западный");
            assertThat(instruction.path("controller").asString()).isEqualTo(Api.CONTROLLER);
            assertThat(appeals.toString()).as("lists carry no personal data").doesNotContain("Петрова", "Кузнецова",
                    "Шахтёрская", "Протекает");

            await().atMost(Duration.ofSeconds(20)).until(() -> appealsTopic.matching(
                    record -> record.key().startsWith(meetingId)).size() == 2);
            List<ConsumerRecord<String, String>> events = appealsTopic.matching(
                    record -> record.key().startsWith(meetingId));
            assertThat(events).extracting(TopicReader::type).containsOnly("AppealRegistered");
            assertThat(events).allSatisfy(record -> assertThat(record.value()).doesNotContain("Петрова", "Кузнецова",
                    "Шахтёрская", "111-22-33", "Протекает", "Мира"));
        }
    }

    @Test
    void theSameIntakeDeliveredTwiceYieldsOneOfEach() {
        String meetingId = "m-" + UUID.randomUUID();
        MeetingIntakeReleased minutes = IntakeProducer.minutes(meetingId, "Восточный", TODAY.minusDays(1),
                TODAY.plusDays(20));
        String marker = "m-" + UUID.randomUUID();
        try (IntakeProducer producer = intake()) {
            producer.send(minutes);
            producer.send(minutes);
            producer.send(IntakeProducer.minutes(marker, "Восточный", TODAY.minusDays(1), TODAY.plusDays(20)));

            awaitItems("/api/instructions?sourceId=" + marker, marker, 1);
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    count("/api/instructions?sourceId=" + meetingId) == 1);
            assertThat(count("/api/instructions?sourceId=" + meetingId)).isEqualTo(1);
            assertThat(api.get("/api/appeals?territory=Восточный&size=100").body().path("items").valueStream()
                    .filter(item -> item.path("sourceMeetingId").asString().equals(meetingId)).count())
                    .isEqualTo(2);
            assertThat(api.get("/api/appeals/" + meetingId + ":RC1").body().path("version").asLong()).isEqualTo(1);
        }
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndThePartitionMovesOn() {
        String key = "m-" + UUID.randomUUID();
        double deadBefore = metric("outreach_dead_letters_total");
        try (IntakeProducer producer = intake(); TopicReader deadLetters = reader("meetings.intake.v1.DLT")) {
            producer.send(key, "ru.outreach.MeetingIntakeReleased", "{not json");
            producer.send(key, "ru.outreach.SomethingElse", "{}");
            producer.send(key, null, "{}");
            producer.send(IntakeProducer.minutes(key, "Южный", TODAY.minusDays(1), TODAY.plusDays(20)));

            awaitItems("/api/instructions?sourceId=" + key, key, 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters.recordsWithKey(key).size() == 3);
            List<ConsumerRecord<String, String>> dead = deadLetters.recordsWithKey(key);
            assertThat(dead).extracting(ConsumerRecord::value).containsExactly("{not json", "{}", "{}");
            assertThat(TopicReader.header(dead.getFirst(), "kafka_dlt-exception-fqcn")).isNotBlank();
            assertThat(TopicReader.header(dead.getFirst(), "kafka_dlt-original-topic"))
                    .isEqualTo("meetings.intake.v1");
            assertThat(metric("outreach_dead_letters_total")).isEqualTo(deadBefore + 3);
        }
    }

    private JsonNode awaitItems(String path, String meetingId, int expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> items(path, meetingId).size() >= expected);
        List<JsonNode> items = items(path, meetingId);
        assertThat(items).hasSize(expected);
        return tools.jackson.databind.json.JsonMapper.builder().build().valueToTree(items);
    }

    private List<JsonNode> items(String path, String meetingId) {
        return api.get(path).body().path("items").valueStream()
                .filter(item -> item.path("id").asString().startsWith(meetingId + ":")).toList();
    }

    private long count(String path) {
        return api.get(path).body().path("totalItems").asLong();
    }

    private double metric(String name) {
        return api.callText("/actuator/prometheus").lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
