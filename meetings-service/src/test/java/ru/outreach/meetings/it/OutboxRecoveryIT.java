package ru.outreach.meetings.it;

import ru.outreach.testkit.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.stream.Stream;
import java.time.LocalDateTime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.web.client.RestClient;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.MeterRegistry;
import ru.outreach.meetings.MeetingsApplication;
import ru.outreach.testkit.TestIdentity;
import ru.outreach.testkit.TestTokens;

/**
 * A crash between the write and the publish: the first run stores changes but never publishes them (its relay is
 * off, as if it died right after each write); the next run, on the same store, publishes them at start-up.
 */
@EmbeddedKafka(partitions = 3)
class OutboxRecoveryIT {

    private static final MongoServer STORE = new MongoServer(new MemoryBackend());
    private static final String STORE_URI = STORE.bindAndGetConnectionString() + "/meetings";

    @AfterAll
    static void stopStore() {
        STORE.shutdownNow();
    }

    @Test
    void pendingEventsArePublishedAtTheNextStart(EmbeddedKafkaBroker broker) {
        String groupId;
        String meetingId;
        try (ConfigurableApplicationContext crashed = start(broker, false)) {
            Api api = api(crashed);
            groupId = api.registerGroup("Группа (crash)", "Шахтный");
            meetingId = api.planMeeting(groupId, "Шахтный", LocalDateTime.of(2026, 9, 1, 17, 0));
            assertThat(pending(crashed)).isEqualTo(2.0);
        }

        try (TopicReader meetings = new TopicReader(broker.getBrokersAsString(), "meetings.v1")) {
            assertThat(meetings.recordsWithKey(meetingId)).as("nothing published by the crashed run").isEmpty();

            try (ConfigurableApplicationContext restarted = start(broker, true)) {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> meetings.recordsWithKey(meetingId), records -> records.size() == 1);
                assertThat(meetings.recordsWithKey(groupId)).extracting(TopicReader::type)
                        .containsExactly("GroupRegistered");
                assertThat(meetings.recordsWithKey(meetingId)).extracting(TopicReader::type)
                        .containsExactly("MeetingPlanned");
                await().atMost(Duration.ofSeconds(10)).until(() -> pending(restarted) == 0.0);
            }
        }
    }

    private static ConfigurableApplicationContext start(EmbeddedKafkaBroker broker, boolean relay) {
        return new SpringApplicationBuilder(MeetingsApplication.class).run(Stream.concat(Stream.of(
                "--server.port=0",
                "--spring.mongodb.uri=" + STORE_URI,
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--outreach.outbox.relay-enabled=" + relay,
                "--outreach.outbox.sweep-interval=500ms"), Stream.of(TestIdentity.ARGUMENTS)).toArray(String[]::new));
    }

    private static Api api(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return new Api(RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .requestInterceptor(TestTokens.actingAs(TestTokens.everyDuty())).build());
    }

    private static double pending(ConfigurableApplicationContext context) {
        return context.getBean(MeterRegistry.class).get("outreach.outbox.pending").gauge().value();
    }
}
