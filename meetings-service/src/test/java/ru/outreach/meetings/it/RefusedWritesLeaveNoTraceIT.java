package ru.outreach.meetings.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.outreach.testkit.Refusal.post;
import static ru.outreach.testkit.Refusal.send;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * Every refused write leaves no trace: the store's collections hold the same documents, the meeting keeps its
 * version, and nothing more about the group or the meeting appears on either topic.
 */
class RefusedWritesLeaveNoTraceIT extends IntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void refusedWritesChangeNoDocumentAndPublishNoEvent() {
        String groupId = api.registerGroup("Группа (no trace)", "Северный");
        String meetingId = api.planMeeting(groupId, "Северный", LocalDateTime.of(2026, 3, 3, 17, 0));
        Predicate<ConsumerRecord<String, String>> ours = record -> meetingId.equals(record.key())
                || groupId.equals(record.key()) || record.value().contains(groupId);
        try (TopicReader facts = reader("meetings.v1"); TopicReader intake = reader("meetings.intake.v1")) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(facts.matching(ours)).extracting(TopicReader::type)
                            .contains("GroupRegistered", "MeetingPlanned"));
            int published = facts.matching(ours).size();
            Map<String, Long> counts = counts();
            long version = version(meetingId);
            RawHttp http = new RawHttp(port);

            for (Refusal refusal : refusedWrites(groupId, meetingId)) {
                refusal.checkProblem(refusal.sendTo(http));
            }

            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(counts()).isEqualTo(counts);
                assertThat(version(meetingId)).isEqualTo(version);
                assertThat(facts.matching(ours)).hasSize(published);
                assertThat(intake.matching(ours)).isEmpty();
            });
        }
    }

    /** Writes that would succeed but for one thing wrong, and the malformed writes of the table. */
    private static List<Refusal> refusedWrites(String groupId, String meetingId) {
        String meeting = "/api/meetings/" + meetingId;
        String agreement = "{\"agreedOn\": \"2026-02-20\", \"agreedWith\": \"директор\"}";
        List<Refusal> writes = new ArrayList<>(List.of(
                post("an agreement accepting only XML", meeting + "/venue-agreement", agreement, 406, null)
                        .header("Accept", "application/xml"),
                post("an agreement accepting only plain text", meeting + "/venue-agreement", agreement, 406, null)
                        .header("Accept", "text/plain"),
                post("an agreement sent as multipart", meeting + "/venue-agreement", agreement, 415, null)
                        .header("Content-Type", "multipart/form-data"),
                post("an agreement sent as anything", meeting + "/venue-agreement", agreement, 415, null)
                        .header("Content-Type", "*/*"),
                post("an agreement with an unknown field", meeting + "/venue-agreement",
                        MalformedRequestsIT.with(agreement, "\"late\": true"), 400, "late"),
                send("a group renamed by PUT", "PUT", "/api/groups", "{}", 405, null)));
        MalformedRequestsIT.cases(groupId, meetingId).stream()
                .filter(refusal -> !refusal.method().equals("GET") && !refusal.method().equals("TRACE"))
                .forEach(writes::add);
        return writes;
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        mongo.getCollectionNames().forEach(name -> counts.put(name, mongo.getCollection(name).countDocuments()));
        return counts;
    }

    private long version(String meetingId) {
        Document meeting = mongo.getCollection("meetings").find(new Document("_id", meetingId)).first();
        assertThat(meeting).isNotNull();
        return meeting.get("version", Number.class).longValue();
    }
}
