package ru.outreach.appeals.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.outreach.testkit.RawHttp;
import ru.outreach.testkit.Refusal;
import ru.outreach.testkit.TopicReader;

/**
 * Every refused write leaves no trace: the store's collections hold the same documents, the appeal and the
 * instruction keep their versions, and nothing more about them appears on the topics.
 */
class RefusedWritesLeaveNoTraceIT extends IntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Clock clock;

    @Test
    void refusedWritesChangeNoDocumentAndPublishNoEvent() {
        LocalDate today = LocalDate.now(clock);
        String territory = "Территория " + UUID.randomUUID();
        String appealId = api.registerLetter("Беследов " + UUID.randomUUID(), "ROADS", territory, today);
        String instructionId = api.issueInstruction("Управление ЖКХ", territory, today.plusDays(20));
        Predicate<ConsumerRecord<String, String>> ours = record -> appealId.equals(record.key())
                || instructionId.equals(record.key()) || record.value().contains(territory);
        try (TopicReader appeals = reader("appeals.v1"); TopicReader instructions = reader("instructions.v1")) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(appeals.recordsWithKey(appealId)).isNotEmpty();
                assertThat(instructions.recordsWithKey(instructionId)).isNotEmpty();
            });
            int appealEvents = appeals.matching(ours).size();
            int instructionEvents = instructions.matching(ours).size();
            Map<String, Long> counts = counts();
            long appealVersion = version("appeals", appealId);
            long instructionVersion = version("instructions", instructionId);
            RawHttp http = new RawHttp(port);

            for (Refusal refusal : MalformedRequestsIT.cases(appealId, instructionId, today, territory)) {
                if (!refusal.method().equals("GET") && !refusal.method().equals("TRACE")) {
                    refusal.checkProblem(refusal.sendTo(http));
                }
            }

            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(counts()).isEqualTo(counts);
                assertThat(version("appeals", appealId)).isEqualTo(appealVersion);
                assertThat(version("instructions", instructionId)).isEqualTo(instructionVersion);
                assertThat(appeals.matching(ours)).hasSize(appealEvents);
                assertThat(instructions.matching(ours)).hasSize(instructionEvents);
            });
        }
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        mongo.getCollectionNames().forEach(name -> counts.put(name, mongo.getCollection(name).countDocuments()));
        return counts;
    }

    private long version(String collection, String id) {
        Document document = mongo.getCollection(collection).find(new Document("_id", id)).first();
        assertThat(document).isNotNull();
        return document.get("version", Number.class).longValue();
    }
}
