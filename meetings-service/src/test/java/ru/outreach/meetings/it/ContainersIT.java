package ru.outreach.meetings.it;

import ru.outreach.testkit.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.web.client.RestClient;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import ru.outreach.testkit.TestIdentity;
import ru.outreach.testkit.TestTokens;

/**
 * The same service against a real MongoDB replica set and a real Kafka in containers, as in production. Skipped
 * where no Docker engine runs (as on the development machines of this project).
 */
@Testcontainers(disabledWithoutDocker = true)
@TestIdentity
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContainersIT {

    @Container
    @ServiceConnection
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Container
    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.2.1");

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void aPlannedMeetingIsStoredInMongoDbAndPublishedToKafka() {
        Api api = new Api(RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .requestInterceptor(TestTokens.actingAs(TestTokens.everyDuty())).build());
        String groupId = api.registerGroup("Группа (containers)", "Северный");
        String meetingId = api.planMeeting(groupId, "Северный", LocalDateTime.of(2026, 9, 1, 17, 0));

        assertThat(api.get("/api/meetings/" + meetingId).text("status")).isEqualTo("PLANNED");
        assertThat(new Api(RestClient.create("http://127.0.0.1:" + managementPort)).get("/actuator/health").text("status"))
                .isEqualTo("UP");
        try (TopicReader reader = new TopicReader(KAFKA.getBootstrapServers(), "meetings.v1")) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> reader.recordsWithKey(meetingId), records -> records.size() == 1);
        }
    }
}
