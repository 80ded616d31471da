package ru.outreach.reporting.it;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import ru.outreach.events.CloudEventHeaders;
import ru.outreach.events.ContractEvent;
import ru.outreach.reporting.fixture.Scenario;
import ru.outreach.reporting.projection.Envelope;
import ru.outreach.testkit.ServiceIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reporting service over real HTTP with a real broker and the store (see {@link ServiceIntegrationTest});
 * today is {@link Scenario#today(int) 2026-07-20}. Subclasses share one application context: use fresh ids.
 */
@TestPropertySource(properties = {"outreach.consumer.retries=1", "outreach.consumer.retry-backoff=50ms"})
@Import(IntegrationTest.FixedClock.class)
public abstract class IntegrationTest extends ServiceIntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            ZoneId zone = ZoneId.of("Europe/Moscow");
            return Clock.fixed(Scenario.today(0).atTime(9, 0).atZone(zone).toInstant(), zone);
        }
    }

    protected KafkaProducer<String, String> producer;

    @BeforeEach
    void producer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    /** Publishes the events as the services' outbox relay does: key = aggregate id, CloudEvents headers, JSON body. */
    protected void publish(List<Envelope> events) {
        for (Envelope envelope : events) {
            ContractEvent event = envelope.event();
            ProducerRecord<String, String> record = new ProducerRecord<>(envelope.topic(), key(envelope),
                    JSON.writeValueAsString(event));
            header(record, CloudEventHeaders.ID, java.util.UUID.randomUUID().toString());
            header(record, CloudEventHeaders.TYPE, event.type());
            header(record, CloudEventHeaders.SOURCE, "/test");
            header(record, CloudEventHeaders.TIME, java.time.Instant.now().toString());
            header(record, CloudEventHeaders.SUBJECT, envelope.subjectKind() + "/" + event.aggregateId());
            header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
            header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
            producer.send(record);
        }
        producer.flush();
    }

    private static String key(Envelope envelope) {
        return envelope.event().aggregateId();
    }

    protected static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    protected <T> T get(String path, Class<T> type) {
        return http.get().uri(path).retrieve().body(type);
    }
}
