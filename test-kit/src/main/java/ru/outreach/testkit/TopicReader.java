package ru.outreach.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A real Kafka consumer that reads a topic from the beginning, for asserting what the service published. Not
 * thread-safe: one test thread polls it.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls once more and returns every record read so far whose key is {@code key}, in topic order. */
    public List<ConsumerRecord<String, String>> recordsWithKey(String key) {
        return matching(record -> key.equals(record.key()));
    }

    public List<ConsumerRecord<String, String>> matching(Predicate<ConsumerRecord<String, String>> filter) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records.stream().filter(filter).toList();
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String type(ConsumerRecord<String, String> record) {
        return header(record, "ce_type").replace("ru.outreach.", "");
    }

    @Override
    public void close() {
        consumer.close();
    }
}
