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

import ru.outreach.events.meetings.MeetingIntakeEvent.MeetingIntakeReleased;
import tools.jackson.databind.JsonNode;

/**
 * Minutes handed on by the meetings service arrive on the real broker and become appeals (received on the meeting day,
 * waiting in the registration queue) and instructions (issued on the meeting day).
 */
class IntakeIT extends IntegrationTest {

    private static final LocalDate TODAY = CityClock.today();

    @Test
    void anIntakeBecomesTwoReceivedAppealsAndAnInstructionWithTheirTerms() {
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
            assertThat(card.path("state").asString()).isEqualTo("RECEIVED");
            assertThat(card.path("receivedOn").asString()).isEqualTo(heldOn.toString());
            assertThat(card.path("registrationDueOn").asString()).isEqualTo(heldOn.plusDays(3).toString());
            assertThat(absent(card.path("registeredOn"))).as("waits for the general department").isTrue();
            assertThat(absent(card.path("answerDueOn"))).isTrue();
            assertThat(card.path("overdue").asBoolean()).isFalse();
            assertThat(card.path("registrationOverdue").asBoolean()).isFalse();
            assertThat(card.path("sourceMeetingId").asString()).isEqualTo(meetingId);
            JsonNode written = api.get("/api/appeals/" + meetingId + ":WA1").body();
            assertThat(written.path("channel").asString()).isEqualTo("MEETING");
            assertThat(written.path("category").asString()).as("unknown category filed under OTHER")
                    .isEqualTo("OTHER");
            JsonNode instruction = instructions.get(0);
            assertThat(instruction.path("id").asString()).isEqualTo(meetingId + ":I1");
            assertThat(instruction.path("state").asString()).isEqualTo("ISSUED");
            assertThat(instruction.path("issuedOn").asString()).isEqualTo(heldOn.toString());
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
            assertThat(events).extracting(TopicReader::type).containsOnly("AppealReceived");
            assertThat(events).allSatisfy(record -> assertThat(record.value())
                    .contains("\"receivedOn\":\"" + heldOn + "\"", "\"state\":\"RECEIVED\""));
            assertThat(events).anySatisfy(record -> assertThat(record.value())
                    .contains("\"categoryName\":\"Жилищно-коммунальное хозяйство\""));
            assertThat(events).allSatisfy(record -> assertThat(record.value()).doesNotContain("Петрова", "Кузнецова",
                    "Шахтёрская", "111-22-33", "Протекает", "Мира"));
        }
    }

    @Test
    void minutesOfAMeetingFortyDaysAgoAreReceivedOnThatDayQueuedAndRegisteredOnThePaperDates() {
        String meetingId = "m-" + UUID.randomUUID();
        String territory = "Посёлок " + UUID.randomUUID();
        LocalDate heldOn = TODAY.minusDays(40);
        MeetingIntakeReleased minutes = IntakeProducer.minutes(meetingId, territory, heldOn, heldOn.plusDays(60));
        String card = meetingId + ":RC1";
        String written = meetingId + ":WA1";
        try (IntakeProducer producer = intake(); TopicReader appealsTopic = reader("appeals.v1")) {
            producer.send(minutes);
            awaitItems("/api/instructions?sourceId=" + meetingId, meetingId, 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> queue(territory).path("totalItems").asInt() == 2);

            JsonNode queue = queue(territory);
            assertThat(queue.path("items").valueStream().map(item -> item.path("id").asString()))
                    .containsExactlyInAnyOrder(card, written);
            assertThat(queue.path("items")).allSatisfy(line -> {
                assertThat(line.path("state").asString()).isEqualTo("RECEIVED");
                assertThat(line.path("receivedOn").asString()).isEqualTo(heldOn.toString());
                assertThat(line.path("registrationDueOn").asString()).isEqualTo(heldOn.plusDays(3).toString());
                assertThat(line.path("registrationOverdue").asBoolean()).isTrue();
                assertThat(absent(line.path("registeredOn"))).isTrue();
            });
            assertThat(queue.toString()).as("the queue carries no personal data").doesNotContain("Петрова",
                    "Кузнецова", "Шахтёрская", "Протекает");
            assertThat(api.get("/api/instructions/" + meetingId + ":I1").body().path("issuedOn").asString())
                    .isEqualTo(heldOn.toString());
            for (String queued : List.of(card, written)) {
                JsonNode single = api.get("/api/appeals/" + queued).body();
                assertThat(single.path("registrationOverdue").asBoolean()).as("shown, computed").isTrue();
                assertThat(single.path("missedTerms")).isEmpty();
            }
            assertThat(api.get("/api/appeals?territory=" + territory + "&size=50").body().path("items"))
                    .hasSize(2).allSatisfy(line -> assertThat(line.path("registrationOverdue").asBoolean()).isTrue());
            // the scheduled check records nothing for a queued appeal (the clerk may yet register it with the paper
            // date): a letter overdue for its answer, registered after the queue filled, shows that a check has run
            Map<String, Object> overdueLetter = Api.letter("Маркер " + UUID.randomUUID(), "ROADS", territory,
                    TODAY.minusDays(40));
            overdueLetter.put("registeredOn", TODAY.minusDays(39).toString());
            String checked = api.post200("/api/appeals", overdueLetter).path("id").asString();
            await().atMost(Duration.ofSeconds(20)).until(() -> missed(checked, "ANSWER") == 1);
            assertThat(missed(card, "REGISTRATION")).isZero();
            assertThat(missed(written, "REGISTRATION")).isZero();
            assertThat(api.get("/api/appeals/" + card).body().path("missedTerms")).isEmpty();
            assertThat(api.get("/api/appeals/" + written).body().path("missedTerms")).isEmpty();

            Api.Response early = api.post("/api/appeals/" + card + "/registration",
                    Map.of("registeredOn", heldOn.minusDays(1).toString()));
            assertThat(early.status().value()).isEqualTo(422);
            assertThat(early.fields()).containsExactly("registeredOn");
            assertThat(early.text("detail")).isEqualTo("Дата регистрации " + day(heldOn.minusDays(1))
                    + " раньше даты поступления " + day(heldOn) + ".");
            Api.Response future = api.call(org.springframework.http.HttpMethod.POST,
                    "/api/appeals/" + card + "/registration", Map.of("registeredOn", TODAY.plusDays(1).toString()),
                    "en");
            assertThat(future.status().value()).isEqualTo(422);
            assertThat(future.text("detail")).isEqualTo("The registration date " + day(TODAY.plusDays(1))
                    + " is after today, " + day(TODAY) + ".");
            Api.Response assignFirst = api.post("/api/appeals/" + card + "/assignment",
                    Map.of("executorDepartment", "Управление ЖКХ"));
            assertThat(assignFirst.status().value()).isEqualTo(409);
            assertThat(assignFirst.text("detail"))
                    .isEqualTo("Нельзя направить исполнителю: обращение получено на встрече и ещё не зарегистрировано.");

            JsonNode registered = api.post200("/api/appeals/" + card + "/registration",
                    Map.of("registeredOn", heldOn.plusDays(2).toString()));
            assertThat(registered.path("state").asString()).isEqualTo("REGISTERED");
            assertThat(registered.path("receivedOn").asString()).isEqualTo(heldOn.toString());
            assertThat(registered.path("registeredOn").asString()).isEqualTo(heldOn.plusDays(2).toString());
            assertThat(registered.path("registeredBy").asString()).as("the signed-in person")
                    .isEqualTo("Тестов Тест Тестович");
            assertThat(registered.path("registeredByUsername").asString()).isEqualTo("tester");
            assertThat(registered.path("previousAppealId").asString()).as("never its own earlier appeal")
                    .isNotEqualTo(card);
            assertThat(registered.path("answerDueOn").asString()).isEqualTo(heldOn.plusDays(32).toString());
            assertThat(registered.path("redirectDueOn").asString()).isEqualTo(heldOn.plusDays(9).toString());
            assertThat(registered.path("missedTerms")).as("registered from paper within the term").isEmpty();
            assertThat(registered.path("registrationOverdue").asBoolean()).isFalse();
            JsonNode late = api.post200("/api/appeals/" + written + "/registration",
                    Map.of("registeredOn", heldOn.plusDays(10).toString()));
            assertThat(late.path("answerDueOn").asString()).isEqualTo(heldOn.plusDays(40).toString());
            assertThat(late.path("missedTerms")).singleElement().satisfies(missed -> {
                assertThat(missed.path("term").asString()).isEqualTo("REGISTRATION");
                assertThat(missed.path("dueOn").asString()).isEqualTo(heldOn.plusDays(3).toString());
                assertThat(missed.path("recordedOn").asString()).as("the day of registration")
                        .isEqualTo(heldOn.plusDays(10).toString());
            });
            assertThat(queue(territory).path("totalItems").asInt()).isZero();

            JsonNode own = api.get("/api/appeals/" + card).body();
            assertThat(own.path("overdue").asBoolean()).as("answer term passed 8 days ago").isTrue();
            assertThat(own.path("registrationOverdue").asBoolean()).isFalse();
            assertThat(api.get("/api/appeals/" + written).body().path("overdue").asBoolean())
                    .as("answer term is today").isFalse();
            assertThat(missed(written, "REGISTRATION")).as("the late registration records nothing twice")
                    .isEqualTo(1);

            // a replay of the same minutes changes no date and creates nothing
            await().atMost(Duration.ofSeconds(20)).until(() -> missed(card, "ANSWER") == 1);
            assertThat(missed(card, "REGISTRATION")).as("registered on time from paper").isZero();
            assertThat(missed(written, "REGISTRATION")).isEqualTo(1);
            long version = api.get("/api/appeals/" + card).body().path("version").asLong();
            producer.send(minutes);
            String marker = "m-" + UUID.randomUUID();
            producer.send(IntakeProducer.minutes(marker, territory, heldOn, heldOn.plusDays(60)));
            awaitItems("/api/instructions?sourceId=" + marker, marker, 1);
            JsonNode replayed = api.get("/api/appeals/" + card).body();
            assertThat(replayed.path("state").asString()).isEqualTo("REGISTERED");
            assertThat(replayed.path("receivedOn").asString()).isEqualTo(heldOn.toString());
            assertThat(replayed.path("registeredOn").asString()).isEqualTo(heldOn.plusDays(2).toString());
            assertThat(replayed.path("answerDueOn").asString()).isEqualTo(heldOn.plusDays(32).toString());
            assertThat(replayed.path("version").asLong()).isEqualTo(version);

            await().atMost(Duration.ofSeconds(20)).until(() -> types(appealsTopic, card).contains("AppealRegistered"));
            assertThat(types(appealsTopic, written)).filteredOn("AppealTermMissed"::equals).hasSize(1);
            assertThat(appealsTopic.recordsWithKey(card)).filteredOn(
                    record -> TopicReader.type(record).equals("AppealTermMissed")).singleElement()
                    .satisfies(record -> assertThat(record.value()).contains("\"term\":\"ANSWER\""));
            ConsumerRecord<String, String> registeredEvent = appealsTopic.recordsWithKey(card).stream()
                    .filter(record -> TopicReader.type(record).equals("AppealRegistered")).findFirst().orElseThrow();
            assertThat(registeredEvent.value()).contains("\"receivedOn\":\"" + heldOn + "\"",
                    "\"registeredOn\":\"" + heldOn.plusDays(2) + "\"",
                    "\"answerDueOn\":\"" + heldOn.plusDays(32) + "\"",
                    "\"categoryName\":\"Жилищно-коммунальное хозяйство\"")
                    .doesNotContain("Петрова", "Общий отдел");
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

    private JsonNode queue(String territory) {
        return api.get("/api/appeals/registration-queue?territory=" + territory + "&size=50").body();
    }

    private long missed(String appealId, String term) {
        return api.get("/api/appeals/" + appealId).body().path("missedTerms").valueStream()
                .filter(missed -> missed.path("term").asString().equals(term)).count();
    }

    private static boolean absent(JsonNode node) {
        return node.isNull() || node.isMissingNode();
    }

    private static String day(LocalDate day) {
        return ru.outreach.kit.support.StepDates.format(day);
    }

    private static List<String> types(TopicReader topic, String key) {
        return topic.recordsWithKey(key).stream().map(TopicReader::type).toList();
    }

    private long count(String path) {
        return api.get(path).body().path("totalItems").asLong();
    }

    private double metric(String name) {
        return management().callText("/actuator/prometheus").lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
