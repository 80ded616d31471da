package ru.outreach.reporting.it;

import ru.outreach.events.appeals.AppealChannel;
import ru.outreach.events.appeals.AppealState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;
import ru.outreach.events.Topics;
import ru.outreach.events.appeals.AppealsEvent.AppealRegistered;
import ru.outreach.reporting.projection.Envelope;
import ru.outreach.reporting.report.AppealsReport;

/** A poison record goes to {@code appeals.v1.DLT}, counted; the records after it on its partition are applied. */
class DeadLetterIT extends IntegrationTest {

    @Autowired
    MeterRegistry registry;

    @Test
    void poisonGoesToTheDeadLetterTopicAndThePartitionMovesOn() {
        String key = "poison-" + UUID.randomUUID();
        double before = registry.get("outreach.dead.letters").tag("topic", "appeals.v1").counter().count();
        ProducerRecord<String, String> poison = new ProducerRecord<>("appeals.v1", key, "{not json");
        header(poison, "ce_type", "ru.outreach.AppealRegistered");
        producer.send(poison);
        // same key, so the same partition, after the poison
        publish(List.of(new Envelope("appeals.v1", "appeal", new AppealRegistered(key, 1, AppealState.REGISTERED, "ECOLOGY",
                "Заречный", AppealChannel.POST, LocalDate.of(2019, 3, 1), LocalDate.of(2019, 3, 1), LocalDate.of(2019, 3, 4),
                LocalDate.of(2019, 3, 31), LocalDate.of(2019, 3, 8), true, false, false, null, null))));

        try (KafkaConsumer<String, String> dlt = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            dlt.subscribe(List.of(Topics.APPEALS.name() + ".DLT"));
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                dlt.poll(Duration.ofMillis(200)).forEach(seen::add);
                assertThat(seen).anyMatch(r -> key.equals(r.key()) && "{not json".equals(r.value())
                        && r.headers().lastHeader("kafka_dlt-exception-message") != null);
            });
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            AppealsReport report = get("/api/reports/appeals?year=2019", AppealsReport.class);
            assertThat(report.totals().get(0).current()).isEqualTo(1);
        });
        assertThat(registry.get("outreach.dead.letters").tag("topic", "appeals.v1").counter().count())
                .isEqualTo(before + 1);
        assertThat(registry.get("reporting.events.applied").tag("topic", "appeals.v1").counter().count())
                .isPositive();
    }
}
